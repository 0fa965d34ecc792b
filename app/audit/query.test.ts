// The auditor's filters (person by system ID or name, actor, action and group, time, community) and the
// .xlsx export with the same filter.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { addOrg, callerFor, orgId } from "../../tests/support/factories.ts";
import type { Caller } from "../core/services.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { deleteRecords } from "../people/records/recycle.server.ts";
import { createRecord, updateRecord } from "../people/records/write.server.ts";
import { exportAuditXlsx } from "./export-xlsx.server.ts";
import { searchAudit } from "./query.server.ts";

describe("the auditor's log viewer", () => {
  let t: TestServices;
  let auditor: Caller;
  const id = buildId("110102", "1958-03-09", "512");
  let systemId: string;
  beforeAll(async () => {
    t = await createTestServices();
    auditor = await callerFor(t.services, "auditor");
    const fengsheng = await callerFor(t.services, "fengsheng");
    const erlonglu = await callerFor(t.services, "erlonglu");
    const r = await createRecord(t.services, fengsheng, "people", {
      values: { name: "审计甲", document: id.number, nativePlace: "天津" },
    });
    systemId = r.systemId;
    await updateRecord(t.services, fengsheng, r.id, { values: { nativePlace: "河北" } });
    await deleteRecords(t.services, fengsheng, { ids: [r.id] });
    await createRecord(t.services, erlonglu, "people", {
      values: { name: "审计乙", document: buildId("110102", "1961-07-21", "335").number },
    });
  });
  afterAll(() => t.cleanup());

  const search = (filter: Record<string, unknown>) => searchAudit(t.services, auditor, filter);
  const events = async (filter: Record<string, unknown>) =>
    (await search(filter)).entries.map((e) => e.event);

  it("finds a person's events by system ID and by name, the deletion too", async () => {
    const expected = ["record.deleted", "record.updated", "record.created"];
    expect(await events({ person: systemId })).toEqual(expected);
    expect(await events({ person: systemId.toLowerCase() })).toEqual(expected);
    expect(await events({ person: "审计甲" })).toEqual(expected);
    expect(await events({ person: "没有这个人" })).toEqual([]);
  });

  it("refuses an ID or phone number as a person filter", async () => {
    await expect(search({ person: id.number })).rejects.toMatchObject({
      fields: { person: expect.any(String) },
    });
    await expect(search({ person: "13800138000" })).rejects.toMatchObject({ kind: "invalid" });
  });

  it("narrows by action, a group of actions, actor and time", async () => {
    expect(await events({ event: "record.updated" })).toEqual(["record.updated"]);
    expect(new Set(await events({ event: "record." }))).toEqual(
      new Set(["record.created", "record.updated", "record.deleted"]),
    );
    expect(await events({ event: "auth.login" })).toEqual([]); // not auth.login_failed's prefix
    expect(new Set(await events({ actor: "erlonglu" }))).toEqual(new Set(["record.created"]));
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await search({ from: today, to: today, event: "record." })).total).toBe(4);
    expect((await search({ to: "2020-01-01", event: "record." })).total).toBe(0);
  });

  it("narrows to a community of the auditor's scope, and refuses one outside it", async () => {
    const fengsheng = await orgId(t.services, "丰盛社区");
    const inFengsheng = await search({ org: fengsheng, event: "record." });
    expect(inFengsheng.total).toBe(3);
    const elsewhere = await addOrg(t.services, null, "street", "别的街道");
    await expect(search({ org: elsewhere.id })).rejects.toMatchObject({ kind: "invalid" });
  });

  it("exports the filtered log as .xlsx: dates as dates, events in Chinese and English, and logs it", async () => {
    const buffer = await exportAuditXlsx(t.services, auditor, { person: systemId, format: "xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe("时间 / Time");
    expect(sheet.rowCount).toBe(4);
    const row = sheet.getRow(3);
    expect(row.getCell(2).value).toBeInstanceOf(Date);
    expect(row.getCell(3).value).toBe("修改记录");
    expect(row.getCell(4).value).toBe("Record changed");
    expect(String(row.getCell(10).value)).toContain("河北");
    expect(String(row.getCell(10).value)).not.toContain(id.number);
    const logged = await search({ event: "audit.exported" });
    expect(logged.entries[0]!.data).toMatchObject({ format: "xlsx", rows: 3, filters: { person: systemId } });
  });
});
