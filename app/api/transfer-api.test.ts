// Imports and exports through the API. The upload goes over real HTTP into the Express app (the streaming
// handler of server/import-upload.ts: who is calling, CSRF, size cap, refusals); the job operations are
// called through their route modules, as the other API tests do, so no React Router build is needed.
import http from "node:http";
import type { AddressInfo } from "node:net";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../server/http.ts";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { accountId, callerFor, orgId, tableId } from "../../tests/support/factories.ts";
import { createSession } from "../auth/sessions.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import * as checkRoute from "../routes/api/import-check.ts";
import * as commitRoute from "../routes/api/import-commit.ts";
import * as jobRoute from "../routes/api/job.ts";
import * as cancelRoute from "../routes/api/job-cancel.ts";
import * as reportRoute from "../routes/api/job-report.ts";
import * as jobsRoute from "../routes/api/jobs.ts";
import * as recordsRoute from "../routes/api/table-records.ts";
import { BILINGUAL, documented, routeCaller } from "./api-call.test-support.ts";
import { operation } from "./operations.ts";
import { jobSchema } from "./presenters-transfer.ts";

const ids = ["1", "2", "3"].map((n) => buildId("110102", `1980-0${n}-1${n}`, `${n}3${n}`).number);

/** A sheet as offices make them: a title above the header, one bad phone number, one repeated person. */
const CSV = [
  "丰盛社区居民登记表,,,",
  "姓名,身份证号,手机号码,所属社区",
  `导入甲,${ids[0]},13800138001,丰盛社区`,
  `导入乙,${ids[1]},1380013,丰盛社区`,
  `导入丙,${ids[2]},13800138003,丰盛社区`,
  `导入甲,${ids[0]},13800138004,丰盛社区`,
].join("\r\n");

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

describe("import and export API", () => {
  let t: TestServices;
  let server: http.Server;
  let base: string;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const call = routeCaller(() => t.services);

  beforeAll(async () => {
    t = await createTestServices();
    // React Router is never reached by these requests: the upload is answered before it.
    const app = createHttpApp(t.services, {
      build: () => Promise.reject(new Error("no React Router build in this test")),
      mode: "production",
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const [username, role] of [
      ["fengsheng", "community_admin"],
      ["auditor", "auditor"],
    ] as const) {
      const id = await accountId(t.services, username);
      const s = await createSession(
        t.services.db,
        t.services.config,
        { id, role },
        { ip: null, userAgent: null },
      );
      sessions[username] = { cookie: `linli_session=${s.token}`, csrf: s.csrfToken };
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.cleanup();
  });

  function upload(
    body: BodyInit | null,
    opts: { as?: string; name?: string; query?: string; csrf?: boolean; options?: object | string } = {},
  ) {
    const who = opts.as ? sessions[opts.as]! : null;
    const headers: Record<string, string> = {
      "x-file-name": encodeURIComponent(opts.name ?? "居民名单.csv"),
    };
    if (who) headers.cookie = who.cookie;
    if (who && opts.csrf !== false) headers["x-csrf-token"] = who.csrf;
    if (opts.options)
      headers["x-import-options"] =
        typeof opts.options === "string" ? opts.options : JSON.stringify(opts.options);
    return fetch(`${base}/api/v1/imports${opts.query ?? "?table=people"}`, { method: "POST", body, headers });
  }

  async function settled(id: number) {
    for (let i = 0; i < 200; i++) {
      const res = await call(jobRoute.loader, "fengsheng", { id });
      expect(res.status).toBe(200);
      if (res.body.status !== "running" && res.body.status !== "queued") return jobSchema.parse(res.body);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  it("uploads a sheet, checks it, commits the valid rows and finds them through the records API", async () => {
    const res = await upload(CSV, { as: "fengsheng" });
    expect(res.status).toBe(201);
    const job = jobSchema.parse(await res.json());
    expect(operation("uploadImport").success.schema).toBe(jobSchema);
    expect(job).toMatchObject({
      kind: "import",
      table: "people",
      fileName: "居民名单.csv",
      phase: "dry-run",
    });

    const checked = await settled(job.id);
    expect(checked.status).toBe("done");
    const result = checked.result as Record<string, any>;
    expect(result.headerRow).toBe(2);
    expect(result.totals).toMatchObject({ rows: 4, accepted: 2, rejected: 2, blank: 0, inserted: 0 });
    expect(result.problemCounts).toEqual({ "phone-invalid": 1, duplicate: 1 });
    expect(result.rejected.map((r: { row: number }) => r.row)).toEqual([4, 6]);
    expect(result.rejected[0].problems[0]).toMatchObject({ field: "手机号码", code: "phone-invalid" });
    expect(result.preview[0].values.姓名).toBe("导入甲");
    expect(checked.links.report).toBe(`/api/v1/jobs/${job.id}/report`);

    // The error report: an .xlsx of the two rows with their reasons, under the upload's name.
    const report = await reportRoute.loader(await routeArgs("fengsheng", job.id));
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(report.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("居民名单-未导入的行.xlsx")}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await report.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBe(3);

    // Check again in 新增或更新 mode: the same rows pass.
    const again = await call(checkRoute.action, "fengsheng", {
      method: "POST",
      id: job.id,
      body: { mode: "upsert", headerRow: null },
    });
    expect(again.status).toBe(200);
    expect((await settled(job.id)).result).toMatchObject({ totals: { accepted: 2, rejected: 2 } });

    const commit = await call(commitRoute.action, "fengsheng", {
      method: "POST",
      id: job.id,
      body: { atomic: false },
    });
    expect(commit.status).toBe(200);
    const done = await settled(job.id);
    expect(done).toMatchObject({ status: "done", phase: "commit", committedRows: 2 });
    expect(done.result).toMatchObject({ committed: true, totals: { inserted: 2, rejected: 2 } });

    const people = await tableId(t.services, "people");
    const found = await call(recordsRoute.loader, "fengsheng", { id: people, query: "?q=导入" });
    expect(found.body.items.map((r: { values: { name: string } }) => r.values.name).sort()).toEqual([
      "导入丙",
      "导入甲",
    ]);

    // A finished job cannot be cancelled; it is in the list of recent jobs.
    const cancel = await call(cancelRoute.action, "fengsheng", { method: "POST", id: job.id });
    expect(cancel.status).toBe(409);
    const list = await call(jobsRoute.loader, "fengsheng");
    documented("listJobs", list.body);
    expect(list.body.items[0].id).toBe(job.id);
    // Outside the community, the job does not exist.
    expect((await call(jobRoute.loader, "erlonglu", { id: job.id })).status).toBe(404);
  });

  it("refuses visitors, roles without record.write, missing CSRF tokens, empty bodies and pictures", async () => {
    const visitor = await upload(CSV);
    expect(visitor.status).toBe(401);
    expect((await visitor.json()).error.code).toBe("unauthenticated");

    const auditor = await upload(CSV, { as: "auditor" });
    expect(auditor.status).toBe(403);
    expect((await auditor.json()).error.message).toMatch(BILINGUAL);

    const noToken = await upload(CSV, { as: "fengsheng", csrf: false });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.code).toBe("csrf");

    const empty = await upload(null, { as: "fengsheng" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/文件是空的/);

    const png = await upload(PNG, { as: "fengsheng", name: "照片.png" });
    expect(png.status).toBe(400);
    expect((await png.json()).error.message).toMatch(/不是电子表格/);

    const badMode = await upload(CSV, { as: "fengsheng", query: "?table=people&mode=replace" });
    expect(badMode.status).toBe(400);
    const noTable = await upload(CSV, { as: "fengsheng", query: "?table=nosuchtable" });
    expect(noTable.status).toBe(404);
  });

  it("answers 413 at once to a body declared larger than 512 MB", async () => {
    const who = sessions.fengsheng!;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/api/v1/imports?table=people`, {
        method: "POST",
        headers: {
          cookie: who.cookie,
          "x-csrf-token": who.csrf,
          "content-length": String(600 * 1024 * 1024),
        },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("姓名,证件号码\n");
    });
    expect(status).toBe(413);
  });

  it("takes options from the X-Import-Options header: rows without a community go to the one chosen", async () => {
    const sheet = `姓名,身份证号\n默认社区,${buildId("110102", "1990-05-06", "456").number}\n`;
    const grid = await orgId(t.services, "第一网格", "丰盛社区");
    const res = await upload(sheet, {
      as: "fengsheng",
      query: "",
      options: { table: "people", orgId: grid },
    });
    expect(res.status).toBe(201);
    const job = await res.json();
    const checked = await settled(job.id);
    expect(checked.result).toMatchObject({ totals: { accepted: 1, rejected: 0 } });
    expect(checked.links.report).toBeNull();
    expect(checked.options).toMatchObject({ orgId: grid });
    const broken = await upload(sheet, { as: "fengsheng", query: "", options: "{orgId:" });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/X-Import-Options/);
  });

  async function routeArgs(username: string, id: number) {
    return {
      request: new Request(`http://localhost/api/v1/jobs/${id}/report`),
      context: { services: t.services, caller: await callerFor(t.services, username) } as never,
      params: { id: String(id) },
    };
  }
});
