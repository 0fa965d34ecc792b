// The batch-modification round trip (SPEC §A4, §3.1.2): export the view with system IDs, change cells
// in the workbook, import it as an update — the check lists exactly the changed cells, a record changed
// in the system after the export is reported as a conflict and left alone, the rest is written.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { getRecord } from "../people/records/read.server.ts";
import { updateRecord } from "../people/records/write.server.ts";
import { exportRecords } from "./export/export.server.ts";
import { runImport } from "./import/run.server.ts";

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices({ demoPeople: 120 });
});
afterAll(() => t.cleanup());

const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : String(v));

describe("export → edit → re-import as update", () => {
  it("shows exactly the edited cells, refuses to overwrite a newer change, writes the rest", async () => {
    const admin = await callerFor(t.services, "admin");
    const dir = fs.mkdtempSync(path.join(t.config.dataDir, "round-"));
    const exported = path.join(dir, "export.xlsx");
    await exportRecords(
      t.services,
      admin,
      { table: "people", query: { sort: [{ field: "$id", dir: "asc" }] } },
      exported,
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
    const col = (label: string) => header.indexOf(label);
    expect(col("系统编号")).toBe(1);
    expect(col("数据版本")).toBe(header.length - 1);

    // 30 cells: 职业 and 备注 on ten rows each, 工作单位 on ten more.
    const edits: { row: number; label: string; value: string }[] = [];
    for (let i = 0; i < 10; i++) {
      edits.push({ row: 2 + i, label: "职业", value: `新职业${i}` });
      edits.push({ row: 2 + i, label: "备注", value: `回访备注${i}` });
      edits.push({ row: 20 + i, label: "工作单位", value: `新单位${i}` });
    }
    for (const e of edits) sheet.getRow(e.row).getCell(col(e.label)).value = e.value;
    const edited = path.join(dir, "edited.xlsx");
    await book.xlsx.writeFile(edited);

    const check = await runImport(
      t.services,
      admin,
      { path: edited, name: "edited.xlsx" },
      { mode: "update", key: "systemId" },
      { dryRun: true },
    );
    expect(check.totals.rejected).toBe(0);
    const changes = check.changes.flatMap((o) => o.changes!.map((c) => ({ systemId: o.systemId, ...c })));
    expect(changes).toHaveLength(30);
    const systemIdOf = (row: number) => cellText(sheet.getRow(row).getCell(col("系统编号")).value);
    for (const e of edits)
      expect(changes).toContainEqual(
        expect.objectContaining({ systemId: systemIdOf(e.row), field: e.label, new: e.value }),
      );
    expect(check.totals.unchanged).toBe(check.totals.accepted - 20);

    // Someone edits one of the exported records meanwhile.
    const raced = systemIdOf(2);
    const racedId = Number(
      (
        await t.services.db
          .selectFrom("records")
          .select("id")
          .where("system_id", "=", raced)
          .executeTakeFirstOrThrow()
      ).id,
    );
    await updateRecord(t.services, admin, racedId, { values: { occupation: "别人刚改的" } });

    const commit = await runImport(
      t.services,
      admin,
      { path: edited, name: "edited.xlsx" },
      { mode: "update", key: "systemId" },
      { dryRun: false },
    );
    expect(commit.totals.updated).toBe(19);
    expect(commit.rejected.map((r) => [r.systemId, r.problems[0]!.code])).toEqual([[raced, "conflict"]]);
    expect((await getRecord(t.services, admin, racedId)).values.occupation).toBe("别人刚改的");
    const other = systemIdOf(3);
    const otherId = Number(
      (
        await t.services.db
          .selectFrom("records")
          .select("id")
          .where("system_id", "=", other)
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect((await getRecord(t.services, admin, otherId)).values).toMatchObject({
      occupation: "新职业1",
      notes: "回访备注1",
    });
  });
});
