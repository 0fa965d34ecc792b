// The statistics console pages (/admin/stats …) as the server sends them, before their script runs: the
// street admin gets each page in Chinese with its controls and the fields to group by; the auditor, who
// reads no statistics, gets a 403 and no link in the navigation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("statistics pages", () => {
  let server: TestServer;
  let admin: Client;
  let auditor: Client;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new Client(server.url);
    await admin.login("admin");
    auditor = new Client(server.url);
    await auditor.login("auditor");
  });
  afterAll(() => server.stop());

  it("sends the dashboard with its moment, comparison and filter controls", async () => {
    const { status, html } = await admin.page("/admin/stats");
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("统计分析");
    expect(text).toMatch(/实时 .*截至/);
    expect(text).toContain("对比");
    expect(text).toContain("按各图表自己的设置");
    // Linked from the navigation, beside the builder, reports and usage pages.
    for (const href of ["/admin/stats", "/admin/stats/builder", "/admin/stats/reports", "/admin/stats/usage"])
      expect(html).toContain(`href="${href}"`);
  });

  it("sends the chart builder and the report builder with the fields to group by", async () => {
    const builder = await admin.page("/admin/stats/builder");
    expect(builder.status).toBe(200);
    for (const label of ["社区", "网格", "年龄", "特殊人群", "户籍类型", "政治面貌"])
      expect(builder.html).toContain(`>${label}</option>`);
    expect(textOf(builder.html)).toContain("保存到看板");
    const report = await admin.page("/admin/stats/reports/new");
    expect(report.status).toBe(200);
    expect(textOf(report.html)).toMatch(/行分组 .*列分组 .*统计指标 .*小计 .*合计/);
    expect((await admin.page("/admin/stats/reports")).status).toBe(200);
    expect((await admin.page("/admin/stats/reports/1")).status).toBe(200);
    expect((await admin.page("/admin/stats/reports/x")).status).toBe(404);
  });

  it("refuses the auditor and leaves the link out of their navigation", async () => {
    for (const path of [
      "/admin/stats",
      "/admin/stats/builder",
      "/admin/stats/reports",
      "/admin/stats/reports/new",
    ])
      expect((await auditor.page(path)).status, path).toBe(403);
    expect((await auditor.page("/admin")).html).not.toContain('href="/admin/stats"');
  });
});
