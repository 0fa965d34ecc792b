// The importer end to end on real files and a real database: what each row becomes, what is written,
// and what is refused (SPEC §A4).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../../tests/support/factories.ts";
import { buildId, withCheck } from "../../people/identity/id-fixtures.ts";
import type { RowOutcome } from "./decide.server.ts";
import { runImport } from "./run.server.ts";

let t: TestServices;
let dir: string;
beforeAll(async () => {
  t = await createTestServices();
  dir = fs.mkdtempSync(path.join(t.config.dataDir, "sheets-"));
});
afterAll(() => t.cleanup());

const A = buildId("110102", "1947-08-14", "452"); // 女
const B = buildId("110105", "2013-02-27", "235"); // 男
const C = buildId("420102", "1985-03-12", "617"); // 男
const D = buildId("110101", "1960-01-02", "048"); // 女
const E = buildId("110102", "1990-05-06", "013"); // 男

/** An office sheet: a merged title, a line of form text, then the header on row 3. */
async function officeXlsx(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("居民");
  ws.addRow(["金融街街道居民登记表"]);
  ws.mergeCells("A1:F1");
  ws.addRow(["填报单位：", "", "填报日期：2026年11月"]);
  ws.addRow(["序号", "姓 名", "性别", "出生年月", "身份证号", "联系电话", "所属社区"]);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function csv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  return file;
}

async function run(file: string, user: string, options: Record<string, unknown>, dryRun: boolean) {
  const rows: RowOutcome[] = [];
  const summary = await runImport(
    t.services,
    await callerFor(t.services, user),
    { path: file, name: path.basename(file) },
    options,
    { dryRun },
    { onRow: (o) => rows.push(o), revealValues: true },
  );
  return { summary, rows, byRow: new Map(rows.map((r) => [r.row, r])) };
}

const codes = (o: RowOutcome | undefined) => o?.problems.map((p) => p.code).sort();
const peopleCount = async () =>
  Number(
    (
      await t.services.db
        .selectFrom("records")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("deleted_at", "is", null)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("a messy office sheet", () => {
  let file: string;
  beforeAll(async () => {
    file = await officeXlsx("messy.xlsx", [
      [1, " 赵　轩婷 ", "女", "1947.8.14", A.number, "137 0198 6660", "新文化街社区"], // row 4
      [2, "赵轩婷", "女", "1947-08-14", A.number, "13701986660", "新文化街社区"], // 5: duplicate of 4
      [
        3,
        "钟建春",
        "男性",
        new Date(Date.UTC(2013, 1, 27)),
        `  ${B.number.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`,
        "+86 19814361419",
        "丰盛社区",
      ], // 6
      [4, "邓嘉东", "男", "19850312", 420102198503126000, "17699952052", "丰盛"], // 7: a number Excel cut
      [],
      [5, "田德淑", "男", "1960年1月2日", D.number, "1574306396", "大院社区"], // 9: phone short + sex contradicts
      [
        6,
        "侯萍",
        "女",
        "1990-05-06",
        `${E.number.slice(0, 17)}${E.number[17] === "0" ? "1" : "0"}`,
        "13402766312",
        "太平桥社区",
      ], // 10: checksum
      [7, "无名", "女", "2000-01-01", "", "", "月球社区"], // 11: unknown org
      [8, "", "男", "", C.number, "", "丰盛社区"], // 12: name required
    ]);
  });

  it("finds the header under the title and reports every row with its own number and reason", async () => {
    const before = await peopleCount();
    const { summary, byRow } = await run(file, "admin", { mode: "add" }, true);
    expect(summary.headerRow).toBe(3);
    expect(summary.mapping.map((m) => m.target)).toEqual([
      null,
      "field:name",
      "field:sex",
      "field:birthDate",
      "field:document",
      "field:mobile",
      "org",
    ]);
    expect(byRow.get(4)).toMatchObject({
      status: "accepted",
      values: {
        姓名: "赵轩婷",
        出生日期: "1947-08-14",
        性别: "女",
        证件号码: A.number,
        手机号码: "13701986660",
      },
    });
    expect(codes(byRow.get(5))).toEqual(["duplicate"]);
    expect(byRow.get(5)!.problems[0]!.message).toContain("第 4 行");
    expect(byRow.get(6)).toMatchObject({
      status: "accepted",
      values: { 证件号码: B.number, 性别: "男", 出生日期: "2013-02-27", 手机号码: "19814361419" },
    });
    expect(codes(byRow.get(7))).toEqual(["id-precision-lost"]);
    expect(byRow.get(8)!.status).toBe("blank");
    expect(codes(byRow.get(9))).toEqual(["phone-invalid", "sex-contradicts-id"]);
    expect(codes(byRow.get(10))).toEqual(["id-checksum"]);
    expect(codes(byRow.get(11))).toEqual(["org-unknown"]);
    expect(codes(byRow.get(12))).toEqual(["required"]);
    expect(summary.totals).toMatchObject({ rows: 9, blank: 1, accepted: 2, rejected: 6, inserted: 0 });
    expect(await peopleCount()).toBe(before);
    const logged = await auditEvents(t.services, "transfer.imported");
    expect(JSON.parse(logged.at(-1)!.data)).toMatchObject({ outcome: "checked", file: "messy.xlsx" });
  });

  it("masks ID and phone numbers in what a job keeps unless the values are asked for in full", async () => {
    const summary = await runImport(
      t.services,
      await callerFor(t.services, "admin"),
      { path: file, name: "messy.xlsx" },
      {},
      { dryRun: true },
    );
    expect(summary.preview[0]!.values).toMatchObject({
      姓名: "赵轩婷",
      证件号码: `${A.number.slice(0, 6)}********${A.number.slice(14)}`,
      手机号码: "137****6660",
    });
    expect(JSON.stringify(summary)).not.toContain(A.number);
  });

  it("refuses rows of other communities for a community admin, saying so", async () => {
    const { byRow } = await run(file, "fengsheng", { mode: "add" }, true);
    expect(codes(byRow.get(4))).toEqual(["out-of-scope"]);
    expect(byRow.get(4)!.problems[0]!.message).toContain("不在您的管辖范围内");
    expect(byRow.get(6)!.status).toBe("accepted");
  });

  it("commits the valid rows only, logs the import, and a second run in add-or-update changes nothing", async () => {
    const before = await peopleCount();
    const report = path.join(dir, "report.xlsx");
    const rows: RowOutcome[] = [];
    const first = await runImport(
      t.services,
      await callerFor(t.services, "admin"),
      { path: file, name: "messy.xlsx" },
      { mode: "add" },
      { dryRun: false },
      { reportPath: report, onRow: (o) => rows.push(o) },
    );
    expect(first.totals.inserted).toBe(2);
    expect(first.committed).toBe(true);
    expect(await peopleCount()).toBe(before + 2);
    const logged = await auditEvents(t.services, "transfer.imported");
    expect(JSON.parse(logged.at(-1)!.data)).toMatchObject({
      mode: "add",
      outcome: "done",
      counts: { inserted: 2, rejected: 6 },
    });

    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.readFile(report);
    const ws = sheet.worksheets[0]!;
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(1).values).toContain("问题 Problems");
    expect(String(ws.getRow(3).getCell(8).value)).toBe("7");
    expect(String(ws.getRow(3).getCell(9).value)).toContain("Excel");

    const again = await run(file, "admin", { mode: "upsert" }, false);
    expect(again.summary.totals).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await peopleCount()).toBe(before + 2);
  });

  it("writes nothing in all-or-nothing mode when a row is rejected", async () => {
    const before = await peopleCount();
    const f = csv("atomic.csv", ["姓名,身份证号,所属社区", `甲,${C.number},丰盛社区`, "乙,123,丰盛社区"]);
    const { summary } = await run(f, "admin", { mode: "add", atomic: true }, false);
    expect(summary.committed).toBe(false);
    expect(summary.totals).toMatchObject({ rejected: 1, accepted: 1, inserted: 0 });
    expect(await peopleCount()).toBe(before);
  });

  it("upgrades a first-generation 15-digit number to 18", async () => {
    const f = csv("fifteen.csv", ["姓名,公民身份号码,所属社区", "老王,110105491231002,丰盛社区"]);
    const { rows } = await run(f, "admin", {}, true);
    expect(rows[0]!.values.证件号码).toBe(withCheck("11010519491231002"));
  });
});

describe("the default community of rows that name none", () => {
  /** An org by its name under a community: every community has its own 第二网格. */
  const orgUnder = async (community: string, name: string) => {
    const parent = await t.services.db
      .selectFrom("orgs")
      .select("path")
      .where("name", "=", community)
      .executeTakeFirstOrThrow();
    return t.services.db
      .selectFrom("orgs")
      .select(["id", "path"])
      .where("name", "=", name)
      .where("path", "like", `${parent.path}%`)
      .executeTakeFirstOrThrow();
  };

  it("puts the rows in the grid chosen, not in another grid of the same name", async () => {
    const grid = await orgUnder("丰盛社区", "第二网格");
    const f = csv("default-org.csv", ["姓名,身份证号", `网格居民,${E.number}`]);
    const { summary, rows } = await run(f, "admin", { mode: "add", orgId: Number(grid.id) }, false);
    expect(summary.totals).toMatchObject({ inserted: 1 });
    const stored = await t.services.db
      .selectFrom("records")
      .select("org_path")
      .where("system_id", "=", rows[0]!.systemId!)
      .executeTakeFirstOrThrow();
    expect(stored.org_path).toBe(grid.path);
  });

  it("refuses a default community outside the importer's scope", async () => {
    const other = await orgUnder("二龙路社区", "二龙路社区");
    const f = csv("default-org-other.csv", ["姓名,身份证号", `越界居民,${D.number}`]);
    await expect(run(f, "fengsheng", { mode: "add", orgId: Number(other.id) }, true)).rejects.toThrow(
      /默认社区不可用：不在您的管辖范围内/,
    );
  });
});

describe("refusals of the whole file", () => {
  it("a header that maps to nothing", async () => {
    const f = csv("nothing.csv", ["甲,乙,丙", "1,2,3"]);
    await expect(run(f, "admin", {}, true)).rejects.toThrow(/表头/);
  });

  it("a column mapped by hand to a field no sheet fills (a link, a formula)", async () => {
    const f = csv("link.csv", ["姓名,户主", "张三,RY-000001"]);
    for (const field of ["householdHead", "age"])
      await expect(
        run(f, "admin", { headerRow: 1, columns: [{ column: 1, target: `field:${field}` }] }, true),
      ).rejects.toThrow(/不能把列导入/);
  });

  it("an empty sheet", async () => {
    const f = csv("empty.csv", [""]);
    await expect(run(f, "admin", {}, true)).rejects.toThrow(/空/);
  });
});
