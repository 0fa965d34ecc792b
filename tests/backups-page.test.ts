// The backups page (/admin/backups) and API (/api/v1/backups) as the street admin meets them: the
// settings, 立即备份 starting a run in the background, the list showing it done; nobody else may see
// or start backups (community admins, the auditor, residents).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("backups page and API", () => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new Client(server.url);
    await admin.login("admin");
  });
  afterAll(() => server.stop());

  async function untilDone(): Promise<any> {
    for (let i = 0; i < 200; i++) {
      const list = await (await admin.json("/api/v1/backups")).json();
      if (list.items[0] && list.items[0].status !== "running") return list;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the backup did not finish");
  }

  it("shows the settings and an empty list, and 立即备份 makes a backup in the background", async () => {
    const { status, html } = await admin.page("/admin/backups");
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("数据备份");
    expect(text).toContain("未开启");
    expect(text).toContain("最近 14 份");
    expect(text).toContain("还没有备份");
    expect(html).toContain('href="/admin/backups"');

    const started = await admin.form("/admin/backups", {});
    expect(started.status).toBe(200);
    expect(textOf(await started.text())).toMatch(/备份 #1 已开始/);
    const list = await untilDone();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: 1,
      status: "done",
      via: "console",
      startedBy: "admin",
      progress: 100,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(list.settings).toMatchObject({ daily: null, keep: { count: 14 } });
    const again = textOf((await admin.page("/admin/backups")).html);
    expect(again).toMatch(/#\s?1 完成 手动/);
  });

  it("starts one through the API, and refuses a second while it runs", async () => {
    const first = await admin.json("/api/v1/backups", "POST");
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: "running", via: "console" });
    const second = await admin.json("/api/v1/backups", "POST");
    // Either the first is still running (409) or it has already finished (a new one starts).
    expect([201, 409]).toContain(second.status);
    if (second.status === 409)
      expect((await second.json()).error.message).toMatch(/正在进行.*is running; wait for it to finish/);
    await untilDone();
  });

  it("is for street admins only", async () => {
    for (const username of ["fengsheng", "auditor", "qiye"]) {
      const client = new Client(server.url);
      await client.login(username);
      expect((await client.page("/admin/backups")).status, username).toBe(403);
      expect((await client.json("/api/v1/backups")).status, username).toBe(403);
      expect((await client.json("/api/v1/backups", "POST")).status, username).toBe(403);
      expect((await client.page("/admin")).html, username).not.toContain('href="/admin/backups"');
    }
    const resident = new Client(server.url);
    await resident.login("zhangwei");
    expect((await resident.page("/admin/backups")).status).toBe(403);
    expect((await new Client(server.url).json("/api/v1/backups")).status).toBe(401);
  });
});
