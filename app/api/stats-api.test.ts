// Statistics through the JSON API: the built-in dashboard, a chart as of a past date, a saved 社区 ×
// 特殊人群 report and its .xlsx / PDF files, who sees which saved dashboard, and bad input — a date in
// the future, a field removed since the report was saved, a resident asking — as bilingual 4xx.
import ExcelJS from "exceljs";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../tests/support/factories.ts";
import { addDays, todayInChina } from "../people/normalise/calendar.ts";
import * as dashboardRoute from "../routes/api/dashboard.ts";
import * as dashboardDataRoute from "../routes/api/dashboard-data.ts";
import * as dashboardsRoute from "../routes/api/dashboards.ts";
import * as reportRoute from "../routes/api/report.ts";
import * as exportRoute from "../routes/api/report-export.ts";
import * as resultRoute from "../routes/api/report-result.ts";
import * as reportsRoute from "../routes/api/reports.ts";
import * as chartsRoute from "../routes/api/stats-charts.ts";
import * as dashboardRunRoute from "../routes/api/stats-dashboard.ts";
import { removeField } from "../schema/edit-fields.server.ts";
import { loadTable } from "../schema/tables.server.ts";
import { documented, routeCaller } from "./api-call.test-support.ts";

const report = {
  table: "people",
  rows: [{ field: "$community" }],
  columns: [{ field: "specialGroups" }],
  measures: [{ fn: "count" }],
  subtotals: true,
  totals: true,
};

describe("statistics API", () => {
  let t: TestServices;
  const call = routeCaller(() => t.services);

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 120 });
    await (await t.services.analytics.replica("people")).refresh();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("runs the built-in dashboard: every chart drawn, the pyramid split by sex", async () => {
    const listed = await call(dashboardsRoute.loader, "admin");
    expect(listed.status).toBe(200);
    const { definition } = listed.body.builtin;
    const run = await call(dashboardRunRoute.action, "admin", { method: "POST", body: { definition } });
    expect(run.status).toBe(200);
    documented("runDashboard", run.body);
    expect(run.body.charts.every((c: { ok: boolean }) => c.ok)).toBe(true);
    const pyramid = run.body.charts.find(
      (c: { result: { title: string } }) => c.result.title === "年龄金字塔",
    ).result;
    expect(pyramid.series.map((s: { key: { label: string } }) => s.key.label)).toEqual(["男", "女"]);
    expect(pyramid.total).toBe(120);
    const communities = run.body.charts[0].result;
    expect(communities.categories.length).toBeGreaterThan(3);
  });

  it("scopes a chart to the reader and refuses a date in the future", async () => {
    const chart = { title: "各社区人数", type: "bar", rows: { field: "$community" } };
    const admin = await call(chartsRoute.action, "admin", { method: "POST", body: { chart } });
    const fengsheng = await call(chartsRoute.action, "fengsheng", { method: "POST", body: { chart } });
    expect(fengsheng.body.categories.map((k: { label: string }) => k.label)).toEqual(["丰盛社区"]);
    expect(fengsheng.body.total).toBeLessThan(admin.body.total);
    const future = await call(chartsRoute.action, "admin", {
      method: "POST",
      body: { chart, asOf: addDays(todayInChina(), 3) },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain("不能晚于今天");
    const resident = await call(chartsRoute.action, "zhangwei", { method: "POST", body: { chart } });
    expect(resident.status).toBe(403);
    const auditor = await call(chartsRoute.action, "auditor", { method: "POST", body: { chart } });
    expect(auditor.status).toBe(403);
  });

  it("saves a 社区 × 特殊人群 report and exports it to Excel with real numbers, and to PDF", async () => {
    const saved = await call(reportsRoute.action, "admin", {
      method: "POST",
      body: { name: "社区特殊人群统计", definition: report },
    });
    expect(saved.status).toBe(201);
    const id = saved.body.id;
    const result = await call(resultRoute.action, "admin", { method: "POST", id, body: {} });
    expect(result.status).toBe(200);
    documented("runSavedReport", result.body);
    const total = result.body.rows.at(-1);
    expect(total.kind).toBe("total");
    expect(total.total[0]).toBe(120);

    const file = await download(id, "?format=xlsx");
    expect(file.headers.get("Content-Disposition")).toContain(".xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.arrayBuffer()) as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flat();
    expect(cells).toContain("丰盛社区");
    expect(cells).toContain(120);
    const pdf = await download(id, "?format=pdf");
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const exported = await auditEvents(t.services, "stats.exported");
    expect(exported.map((e) => JSON.parse(e.data).format)).toEqual(["xlsx", "pdf"]);
  });

  it("keeps a private dashboard to its owner and shows a shared one on one line only", async () => {
    const body = {
      name: "丰盛看板",
      definition: { charts: [{ title: "户籍", type: "pie", rows: { field: "residenceType" } }] },
    };
    const own = await call(dashboardsRoute.action, "fengsheng", { method: "POST", body });
    expect(own.status).toBe(201);
    const id = own.body.id;
    expect((await call(dashboardRoute.loader, "erlonglu", { id })).status).toBe(404);
    expect((await call(dashboardRoute.action, "erlonglu", { method: "DELETE", id })).status).toBe(404);
    await call(dashboardRoute.action, "fengsheng", { method: "PATCH", id, body: { shared: true } });
    expect((await call(dashboardRoute.loader, "admin", { id })).status).toBe(200);
    expect((await call(dashboardRoute.loader, "erlonglu", { id })).status).toBe(404);
    expect(
      (await call(dashboardRoute.action, "admin", { method: "PATCH", id, body: { name: "x" } })).status,
    ).toBe(403);
    const data = await call(dashboardDataRoute.action, "admin", {
      method: "POST",
      id,
      body: { asOf: todayInChina() },
    });
    expect(data.body.charts[0].ok).toBe(true);
    expect((await call(dashboardRoute.action, "fengsheng", { method: "DELETE", id })).status).toBe(204);
  });

  it("says which field was removed when a saved report still names it", async () => {
    const saved = await call(reportsRoute.action, "admin", {
      method: "POST",
      body: { name: "政治面貌", definition: { ...report, columns: [{ field: "politicalStatus" }] } },
    });
    const table = await loadTable(t.services.db, "people");
    const field = table.fields.find((f) => f.key === "politicalStatus")!;
    await removeField(t.services, await callerFor(t.services, "admin"), field.id);
    const result = await call(resultRoute.action, "admin", { method: "POST", id: saved.body.id, body: {} });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("「政治面貌」已被删除");
    const gone = await call(reportRoute.loader, "admin", { id: 999_999 });
    expect(gone.status).toBe(404);
  });

  async function download(id: number, query: string): Promise<Response> {
    const caller = { ...(await callerFor(t.services, "admin")), via: "token" as const };
    const request = new Request(`http://localhost/api/v1/reports/${id}/export${query}`);
    const context = { services: t.services, caller } as unknown as AppLoadContext;
    const res = await exportRoute.loader({ request, context, params: { id: String(id) } });
    expect(res.status).toBe(200);
    return res;
  }
});
