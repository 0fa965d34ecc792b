// The recycle bin: delete and restore, links that forbid a delete, permanent deletion with a reason and a
// typed count, and the retention period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../../tests/support/factories.ts";
import type { Caller } from "../../core/services.server.ts";
import { addField } from "../../schema/edit-fields.server.ts";
import { createTable } from "../../schema/edit-tables.server.ts";
import { tableAsOf } from "./history.server.ts";
import { listRecords } from "./read.server.ts";
import {
  deleteRecords,
  listRecycleBin,
  purgeExpired,
  purgePreview,
  purgeRecords,
  restoreRecords,
} from "./recycle.server.ts";
import { createRecord, updateRecord } from "./write.server.ts";

describe("recycle bin", () => {
  let t: TestServices;
  let fengsheng: Caller;
  beforeAll(async () => {
    t = await createTestServices({ recycleDays: 7 });
    fengsheng = await callerFor(t.services, "fengsheng");
  });
  afterAll(() => t.cleanup());

  const person = (name: string, values: Record<string, unknown> = {}) =>
    createRecord(t.services, fengsheng, "people", { values: { name, ...values } });

  it("deletes into the bin and restores", async () => {
    const a = await person("甲");
    const b = await person("乙");
    const beforeDelete = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    expect(await deleteRecords(t.services, fengsheng, { ids: [a.id, b.id] })).toBe(2);
    const live = await listRecords(t.services, fengsheng, "people", { pageSize: 200 });
    expect(live.rows.map((r) => r.id)).not.toContain(a.id);
    const bin = await listRecycleBin(t.services, fengsheng, "people");
    expect(bin.rows.map((r) => r.systemId)).toEqual(expect.arrayContaining([a.systemId, b.systemId]));
    expect(bin.retentionDays).toBe(7);
    expect(bin.rows[0]!.purgeAt - bin.rows[0]!.deletedAt!).toBe(7 * 24 * 3600 * 1000);
    // As of just before the delete, both were there.
    const then = await tableAsOf(t.services, fengsheng, "people", beforeDelete);
    expect(then.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await restoreRecords(t.services, fengsheng, { ids: [a.id] })).toBe(1);
    const again = await listRecords(t.services, fengsheng, "people", { pageSize: 200 });
    expect(again.rows.map((r) => r.id)).toContain(a.id);
    expect((await auditEvents(t.services, "record.deleted")).length).toBe(1);
    expect((await auditEvents(t.services, "record.restored")).length).toBe(1);
  });

  it("refuses to delete a person others link to, listing the links", async () => {
    const head = await person("户主甲");
    const member = await person("成员乙", { householdHead: head.systemId });
    const refusal = await deleteRecords(t.services, fengsheng, { ids: [head.id] }).catch((e) => e);
    expect(refusal.kind).toBe("conflict");
    expect(refusal.message).toContain(member.systemId);
    expect(refusal.message).toContain("户主");
    // Deleting both together is fine: nothing outside the selection breaks.
    expect(await deleteRecords(t.services, fengsheng, { ids: [head.id, member.id] })).toBe(2);
    // Once the link is emptied, the head can go on its own.
    const head2 = await person("户主丙");
    const member2 = await person("成员丁", { householdHead: head2.systemId });
    await updateRecord(t.services, fengsheng, member2.id, { values: { nativePlace: "北京" } });
    await expect(deleteRecords(t.services, fengsheng, { ids: [head2.id] })).rejects.toMatchObject({
      kind: "conflict",
    });
    await updateRecord(t.services, fengsheng, member2.id, { values: { householdHead: "" } });
    expect(await deleteRecords(t.services, fengsheng, { ids: [head2.id] })).toBe(1);
  });

  it("deletes permanently only with a reason and the count typed, taking sub-table rows along", async () => {
    const visits = await createTable(t.services, fengsheng, { name: "入户走访", parent: "people" });
    await addField(t.services, fengsheng, visits.key, { label: "情况", type: "text" });
    const p = await person("丙");
    for (const note of ["一访", "二访"])
      await createRecord(t.services, fengsheng, visits.key, { parentId: p.id, values: { qk: note } });
    await expect(purgePreview(t.services, fengsheng, { ids: [p.id] })).rejects.toMatchObject({
      kind: "invalid",
    });
    await deleteRecords(t.services, fengsheng, { ids: [p.id] });
    const preview = await purgePreview(t.services, fengsheng, { ids: [p.id] });
    expect(preview.subRows).toEqual([{ table: "入户走访", count: 2 }]);
    expect(preview.total).toBe(3);
    await expect(
      purgeRecords(t.services, fengsheng, { ids: [p.id], reason: "重复登记", confirm: 1 }),
    ).rejects.toMatchObject({ fields: { confirm: expect.stringContaining("3") } });
    await expect(
      purgeRecords(t.services, fengsheng, { ids: [p.id], reason: "", confirm: 3 }),
    ).rejects.toMatchObject({
      fields: { reason: expect.any(String) },
    });
    expect(await purgeRecords(t.services, fengsheng, { ids: [p.id], reason: "重复登记", confirm: 3 })).toBe(
      3,
    );
    const left = await t.services.db
      .selectFrom("records")
      .select("id")
      .where((eb) => eb.or([eb("id", "=", p.id), eb("parent_id", "=", p.id)]))
      .execute();
    expect(left).toEqual([]);
    const versions = await t.services.db
      .selectFrom("record_versions")
      .select("id")
      .where("record_id", "=", p.id)
      .execute();
    expect(versions).toEqual([]);
    const purged = (await auditEvents(t.services, "record.purged")).map((e) => JSON.parse(e.data));
    expect(purged.at(-1)).toMatchObject({ reason: "重复登记", subRows: 2, systemIds: [p.systemId] });
  });

  it("refuses a community admin acting on another community's records", async () => {
    const erlonglu = await callerFor(t.services, "erlonglu");
    const p = await person("丁");
    await expect(deleteRecords(t.services, erlonglu, { ids: [p.id] })).rejects.toMatchObject({
      kind: "forbidden",
    });
    const qiye = await callerFor(t.services, "qiye");
    await expect(
      purgeRecords(t.services, qiye, { ids: [p.id], reason: "试试", confirm: 1 }),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("empties the bin after the retention period", async () => {
    const p = await person("戊");
    await deleteRecords(t.services, fengsheng, { ids: [p.id] });
    expect(await purgeExpired(t.services, Date.now() + 6 * 24 * 3600 * 1000)).toBe(0);
    const purged = await purgeExpired(t.services, Date.now() + 8 * 24 * 3600 * 1000);
    expect(purged).toBeGreaterThanOrEqual(1);
    const row = await t.services.db
      .selectFrom("records")
      .select("id")
      .where("id", "=", p.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
