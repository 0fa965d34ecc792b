// Exporting the current view on a real database and replica (SQLite, or MariaDB in CI): the sheet read
// back as Excel would read it — header, frozen pane, typed cells, masking, scope, order and colours —
// the CSV's bytes, the log entry, cancelling, and sub-tables as sheets of their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryWindow } from "../../../analytics/query/index.server.ts";
import { createTestServices, type TestServices } from "../../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../../tests/support/factories.ts";
import type { Caller } from "../../core/services.server.ts";
import { buildId } from "../../people/identity/id-fixtures.ts";
import { createRecord } from "../../people/records/write.server.ts";
import { setMarks } from "../../query/marks.server.ts";
import { addField } from "../../schema/edit-fields.server.ts";
import { createTable } from "../../schema/edit-tables.server.ts";
import { loadTable } from "../../schema/tables.server.ts";
import { exportFileName, exportRecords } from "./export.server.ts";
import { tintArgb } from "./sink.ts";

const ORANGE = "#f97316";
const BLUE = "#3b82f6";
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

describe("export of the current view", () => {
  let t: TestServices;
  let dir: string;
  let admin: Caller;
  let fengsheng: Caller;
  let qiye: Caller;
  const zhang = buildId("110102", "1948-05-06", "131");
  let zhangId: number;
  let liId: number;
  let file = 0;
  const out = (ext: string) => path.join(dir, `export-${++file}.${ext}`);

  const sheetOf = async (target: string, index = 1) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    return { book, sheet: book.worksheets[index - 1]! };
  };
  const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
  const columnOf = (sheet: ExcelJS.Worksheet, header: string) => headerOf(sheet).indexOf(header) + 1;
  const rowBySystemId = (sheet: ExcelJS.Worksheet, systemId: string) => {
    for (let r = 2; r <= sheet.rowCount; r++)
      if (sheet.getRow(r).getCell(1).value === systemId) return sheet.getRow(r);
    throw new Error(`no row ${systemId}`);
  };
  const systemIdOf = async (id: number) =>
    (
      await t.services.db
        .selectFrom("records")
        .select("system_id")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).system_id;
  const refresh = async () => (await t.services.analytics.replica("people")).refresh();

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 300 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-export-"));
    admin = await callerFor(t.services, "admin");
    fengsheng = await callerFor(t.services, "fengsheng");
    qiye = await callerFor(t.services, "qiye");
    zhangId = (
      await createRecord(t.services, fengsheng, "people", {
        values: {
          name: "张导出",
          document: zhang.number,
          mobile: "13912345678",
          specialGroups: ["独居老人"],
          occupation: "=1+1",
          workUnit: '丰盛"阳光",有限公司',
          floorArea: 62.5,
          notes: "第一行\n第二行",
        },
      })
    ).id;
    liId = (
      await createRecord(t.services, fengsheng, "people", {
        values: { name: "李导出", document: buildId("110102", "1990-01-02", "151").number },
      })
    ).id;
    await refresh();
  });
  afterAll(async () => {
    await t.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes the street's people with the header frozen, typed dates and masked ID numbers", async () => {
    const target = out("xlsx");
    const progress: [number, number][] = [];
    const result = await exportRecords(t.services, admin, { table: "people" }, target, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    const live = await t.services.db
      .selectFrom("records")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("deleted_at", "is", null)
      .where("parent_id", "is", null)
      .executeTakeFirstOrThrow();
    expect(result).toEqual({ rows: Number(live.n), format: "xlsx", masked: true });
    expect(progress.at(-1)).toEqual([result.rows, result.rows]);

    const { sheet } = await sheetOf(target);
    const table = await loadTable(t.services.db, "people");
    const labels = table.fields.filter((f) => !f.hidden).map((f) => f.label);
    expect(sheet.name).toBe("社区人员");
    expect(headerOf(sheet)).toEqual(["系统编号", ...labels, "数据版本"]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(result.rows + 1);
    expect(sheet.getColumn(columnOf(sheet, "证件号码")).width).toBeGreaterThanOrEqual(18);

    const row = rowBySystemId(sheet, await systemIdOf(zhangId));
    const cell = (label: string) => row.getCell(columnOf(sheet, label)).value;
    expect(cell("姓名")).toBe("张导出");
    expect(cell("证件号码")).toMatch(MASKED_ID);
    expect(cell("手机号码")).toBe("139****5678");
    expect(cell("出生日期")).toEqual(new Date(Date.UTC(1948, 4, 6)));
    expect(row.getCell(columnOf(sheet, "出生日期")).numFmt).toBe("yyyy-mm-dd");
    expect(typeof cell("年龄")).toBe("number");
    expect(cell("住房面积(㎡)")).toBe(62.5);
    expect(cell("性别")).toBe("男");
    expect(cell("特殊人群")).toBe("独居老人");
    // Text stays text in a workbook: a formula-looking value is a string, never a formula.
    expect(cell("职业")).toBe("=1+1");
    expect(cell("数据版本")).toBe(1);
  });

  it("keeps a community admin to its community, and reveals only for a role that may", async () => {
    const target = out("xlsx");
    const result = await exportRecords(t.services, fengsheng, { table: "people", reveal: true }, target);
    expect(result.masked).toBe(false);
    const inScope = await t.services.db
      .selectFrom("records")
      .select("system_id")
      .where("deleted_at", "is", null)
      .where("parent_id", "is", null)
      .where("org_path", "like", `${fengsheng.actor.orgPath}%`)
      .execute();
    const { sheet } = await sheetOf(target);
    const ids = sheet.getColumn(1).values.slice(2) as string[];
    expect(ids.sort()).toEqual(inScope.map((r) => r.system_id).sort());
    const row = rowBySystemId(sheet, await systemIdOf(zhangId));
    expect(row.getCell(columnOf(sheet, "证件号码")).value).toBe(zhang.number);

    const refused = out("xlsx");
    await expect(
      exportRecords(t.services, qiye, { table: "people", reveal: true }, refused),
    ).rejects.toMatchObject({ kind: "forbidden" });
    expect(fs.existsSync(refused)).toBe(false);
  });

  it("follows the view's filter, order, columns and colours", async () => {
    await setMarks(t.services, fengsheng, "people", { ids: [liId], colour: "#22c55e" });
    await refresh();
    const query = {
      orgId: fengsheng.actor.orgId,
      sort: [{ field: "birthDate", dir: "desc" as const }],
      colourRules: [
        { field: "specialGroups", values: ["独居老人"], colour: ORANGE, target: "row" as const },
        { field: "name", values: ["张导出"], colour: BLUE, target: "cell" as const },
      ],
      computed: [{ key: "calc_next", label: "明年年龄", formula: "[年龄] + 1" }],
    };
    const target = out("xlsx");
    const columns = ["name", "birthDate", "calc_next", "$org"];
    const result = await exportRecords(t.services, admin, { table: "people", query, columns }, target);
    const window = await queryWindow(t.services, admin, "people", { query, limit: 500 });
    expect(result.rows).toBe(window.total);

    const { sheet } = await sheetOf(target);
    expect(headerOf(sheet)).toEqual(["系统编号", "姓名", "出生日期", "明年年龄", "所属组织", "数据版本"]);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(window.rows.map((r) => r.systemId));
    const zhangRow = rowBySystemId(sheet, await systemIdOf(zhangId));
    expect(zhangRow.getCell(4).value).toBe(
      (window.rows.find((r) => r.id === zhangId)!.values.age as number) + 1,
    );
    expect(zhangRow.getCell(5).value).toBe("丰盛社区");
    const fill = (row: ExcelJS.Row) =>
      (row.getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    // The cell rule colours its own cell; the row's colour covers the rest.
    expect(fill(zhangRow)).toBe(tintArgb(BLUE, 0.24));
    expect((zhangRow.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(tintArgb(ORANGE, 0.16));
    expect(fill(rowBySystemId(sheet, await systemIdOf(liId)))).toBe(tintArgb("#22c55e", 0.16));
    const plain = window.rows.find((r) => !r.colour)!;
    expect(fill(rowBySystemId(sheet, plain.systemId))).toBeUndefined();
  });

  it("writes CSV as UTF-8 with a BOM, quoted as RFC 4180 says and formulas defused", async () => {
    const target = out("csv");
    const filter = {
      kind: "group",
      join: "and",
      items: [{ kind: "condition", field: "name", op: "eq", value: "张导出" }],
    };
    const columns = ["name", "occupation", "workUnit", "notes", "floorArea", "birthDate", "document"];
    const result = await exportRecords(
      t.services,
      fengsheng,
      { table: "people", format: "csv", query: { filter }, columns },
      target,
    );
    expect(result).toEqual({ rows: 1, format: "csv", masked: true });
    const bytes = fs.readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const [header, line, rest] = text.split("\r\n");
    expect(header).toBe("系统编号,姓名,职业,工作单位,备注,住房面积(㎡),出生日期,证件号码,数据版本");
    expect(`${line}\r\n${rest}`).toMatch(
      /^RY-\d+,张导出,'=1\+1,"丰盛""阳光"",有限公司","第一行\n第二行",62\.50,1948-05-06,110102\*{8}\d{3}[\dX],1\r\n$/,
    );
  });

  it("logs every export once the file is complete", async () => {
    const before = (await auditEvents(t.services, "transfer.exported")).length;
    await exportRecords(t.services, fengsheng, { table: "people", columns: ["name"] }, out("xlsx"), {
      jobId: 7,
    });
    const events = await auditEvents(t.services, "transfer.exported");
    expect(events).toHaveLength(before + 1);
    const data = JSON.parse(events.at(-1)!.data);
    expect(data).toMatchObject({
      table: "people",
      job: 7,
      format: "xlsx",
      columns: ["系统编号", "姓名", "数据版本"],
      masked: false,
      subTables: [],
    });
    expect(data.rows).toBeGreaterThan(1);
    expect(events.at(-1)!.actor_name).toBe("fengsheng");
  });

  it("deletes the unfinished file when cancelled, and logs nothing", async () => {
    const before = (await auditEvents(t.services, "transfer.exported")).length;
    const stop = new AbortController();
    const target = out("xlsx");
    await expect(
      exportRecords(t.services, admin, { table: "people" }, target, {
        signal: stop.signal,
        onProgress: () => stop.abort(),
      }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(fs.existsSync(target)).toBe(false);
    const csv = out("csv");
    await expect(
      exportRecords(t.services, admin, { table: "people", format: "csv" }, csv, {
        signal: AbortSignal.abort(),
      }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(fs.existsSync(csv)).toBe(false);
    expect(await auditEvents(t.services, "transfer.exported")).toHaveLength(before);
  });

  it("adds sub-table rows of the exported records as a sheet of their own", async () => {
    const visits = await createTable(t.services, fengsheng, { name: "走访记录", parent: "people" });
    await addField(t.services, fengsheng, visits.key, { label: "走访日期", type: "date" });
    await addField(t.services, fengsheng, visits.key, { label: "走访情况", type: "longtext" });
    const fresh = await loadTable(t.services.db, visits.key);
    const [date, note] = fresh.fields.map((f) => f.key);
    for (const [parentId, day] of [
      [liId, "2026-11-02"],
      [zhangId, "2026-11-01"],
      [zhangId, "2026-11-03"],
    ] as const)
      await createRecord(t.services, fengsheng, visits.key, {
        parentId,
        values: { [date!]: day, [note!]: "身体健康" },
      });
    const filter = {
      kind: "group",
      join: "and",
      items: [{ kind: "condition", field: "name", op: "eq", value: "张导出" }],
    };
    const target = out("xlsx");
    await exportRecords(
      t.services,
      fengsheng,
      { table: "people", query: { filter }, columns: ["name"], subTables: [visits.key] },
      target,
    );
    const { book } = await sheetOf(target);
    expect(book.worksheets.map((s) => s.name)).toEqual(["社区人员", "走访记录"]);
    const sub = book.worksheets[1]!;
    expect(headerOf(sub)).toEqual(["系统编号", "主记录系统编号", "走访日期", "走访情况", "数据版本"]);
    expect(sub.rowCount).toBe(3);
    expect(sub.getRow(2).getCell(2).value).toBe(await systemIdOf(zhangId));
    expect(sub.getRow(2).getCell(3).value).toEqual(new Date(Date.UTC(2026, 10, 1)));

    await expect(
      exportRecords(
        t.services,
        fengsheng,
        { table: "people", format: "csv", subTables: [visits.key] },
        out("csv"),
      ),
    ).rejects.toMatchObject({ kind: "invalid" });
  });

  it("refuses an unknown column by name, and reports a file it cannot write", async () => {
    await expect(
      exportRecords(t.services, admin, { table: "people", columns: ["name", "nope"] }, out("xlsx")),
    ).rejects.toMatchObject({ kind: "invalid", message: expect.stringContaining("nope") });
    for (const format of ["xlsx", "csv"] as const)
      await expect(
        exportRecords(
          t.services,
          admin,
          { table: "people", format },
          path.join(dir, "missing", `x.${format}`),
        ),
      ).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("names files after the table and the time in Beijing", () => {
    expect(exportFileName("社区人员", "xlsx", new Date("2026-11-24T07:30:00Z"))).toBe(
      "社区人员-20261124-1530.xlsx",
    );
    expect(exportFileName("a/b c", "csv", new Date("2026-12-31T16:05:00Z"))).toBe("a_b_c-20270101-0005.csv");
  });
});
