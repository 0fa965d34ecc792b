// The usage statistics page (/admin/stats/usage) as the street admin meets it after signing in: this
// week's sign-ins per day in the table, the chart's placeholder until the browser draws it; bad dates
// beside the form; no page for those who do not run the platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("usage statistics page", () => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new Client(server.url);
    await admin.login("admin");
    // The figures lag by one flush interval; a test does not wait for the timer.
    await server.services.usage.flush();
  });
  afterAll(() => server.stop());

  it("shows a newcomer this week's sign-ins by day, with the period choice and a chart placeholder", async () => {
    const { status, html } = await admin.page("/admin/stats/usage");
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("使用统计");
    expect(text).toMatch(/年\s*月\s*周\s*日/);
    expect(text).toContain("图表加载中");
    expect(text).toMatch(/工作人员登录 \d+/);
    expect(html).toContain('href="/admin/stats/usage"');
  });

  it("shows an empty state for a range with nothing recorded", async () => {
    const { status, html } = await admin.page(
      "/admin/stats/usage?period=month&from=2019-01-01&to=2019-03-31",
    );
    expect(status).toBe(200);
    expect(textOf(html)).toContain("这段时间还没有记录到任何使用");
  });

  it("says beside the form what is wrong with the dates", async () => {
    const { status, html } = await admin.page("/admin/stats/usage?from=2026-12-10&to=2026-12-01");
    expect(status).toBe(400);
    expect(textOf(html)).toContain("开始日期：应不晚于结束日期");
  });

  it("is refused to the auditor and sends a resident away", async () => {
    const auditor = new Client(server.url);
    await auditor.login("auditor");
    expect((await auditor.page("/admin/stats/usage")).status).toBe(403);
    const resident = new Client(server.url);
    await resident.login("zhangwei");
    expect((await resident.page("/admin/stats/usage")).status).toBe(403);
  });
});
