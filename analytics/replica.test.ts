// The replica against a real database: what it loads, what quick search finds (pinyin initials, part of
// a phone or ID number), scope, and changes seen after a refresh.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../app/core/services.server.ts";
import { buildId } from "../app/people/identity/id-fixtures.ts";
import { deleteRecords } from "../app/people/records/recycle.server.ts";
import { createRecord, updateRecord } from "../app/people/records/write.server.ts";
import { addField } from "../app/schema/edit-fields.server.ts";
import { createTestServices, type TestServices } from "../tests/support/db.ts";
import { callerFor } from "../tests/support/factories.ts";
import { openReplica, type Replica } from "./replica.server.ts";
import { countRecords, quickSearch } from "./search.server.ts";

describe("people replica", () => {
  let t: TestServices;
  let replica: Replica;
  let fengsheng: Caller;
  let erlonglu: Caller;
  let zhang: { id: number; systemId: string };
  const id = buildId("110102", "1957-07-17", "135");

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 300 });
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
    zhang = await createRecord(t.services, fengsheng, "people", {
      values: { name: "张三丰", document: id.number, mobile: "13912345678" },
    });
    replica = await openReplica(t.services);
  });
  afterAll(async () => {
    replica?.close();
    await t.cleanup();
  });

  const find = async (who: Caller, text: string) =>
    (await quickSearch(t.services, who, replica, text)).map((h) => h.systemId);

  it("loads every record of the table and counts only the reader's scope", async () => {
    const admin = await callerFor(t.services, "admin");
    expect(await countRecords(t.services, admin, replica)).toBe(301);
    const own = await countRecords(t.services, fengsheng, replica);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(301);
  });

  it("finds a person by pinyin initials, full pinyin, and any part of a phone or ID number", async () => {
    expect(await find(fengsheng, "zsf")).toContain(zhang.systemId);
    expect(await find(fengsheng, "zhang san feng")).toContain(zhang.systemId);
    expect(await find(fengsheng, "2345")).toContain(zhang.systemId);
    expect(await find(fengsheng, id.number.slice(6, 14))).toContain(zhang.systemId);
    expect(await find(fengsheng, "三丰")).toContain(zhang.systemId);
  });

  it("never answers outside the reader's scope, and treats the search text as data", async () => {
    expect(await find(erlonglu, "zsf")).not.toContain(zhang.systemId);
    expect(await find(fengsheng, "' OR 1=1 --")).toEqual([]);
    expect(await find(fengsheng, "%")).toEqual([]);
    await expect(quickSearch(t.services, fengsheng, replica, " ")).rejects.toMatchObject({ kind: "invalid" });
  });

  it("takes a field added while it runs as a new column", async () => {
    const field = await addField(t.services, fengsheng, "people", {
      label: "志愿者服务时长",
      type: "decimal",
    });
    const someone = await createRecord(t.services, fengsheng, "people", {
      values: { name: "时长测试", [field.key]: "12.5" },
    });
    await replica.refresh();
    const reader = await replica.connection.runAndReadAll(
      `SELECT "${field.key}" AS hours FROM records WHERE id = ${someone.id}`,
    );
    expect(reader.getRowObjectsJS()[0]?.hours).toBe(12.5);
  });

  it("keeps each record's newest colour mark, also when an older one commits later", async () => {
    const colour = async (recordId: number) =>
      (
        await replica.connection.runAndReadAll("SELECT colour FROM marks WHERE record_id = $id", {
          id: recordId,
        })
      ).getRowObjectsJS()[0]?.colour ?? null;
    const mark = (id: number, colour: string | null) =>
      t.services.db
        .insertInto("record_marks")
        .values({ id, table_id: replica.tableId, record_id: zhang.id, colour, user_id: null, at: Date.now() })
        .execute();
    await mark(50, "#0090ff");
    await replica.refresh();
    expect(await colour(zhang.id)).toBe("#0090ff");
    // Id 40 was taken before 50 but committed after it: 50 stays the newest.
    await mark(40, "#e5484d");
    await replica.refresh();
    expect(await colour(zhang.id)).toBe("#0090ff");
    await mark(51, null);
    await replica.refresh();
    expect(await colour(zhang.id)).toBeNull();
  });

  it("sees a saved change and a deletion after a refresh", async () => {
    await updateRecord(t.services, fengsheng, zhang.id, { values: { mobile: "13788889999" } });
    expect(await find(fengsheng, "8888")).not.toContain(zhang.systemId);
    expect(await replica.refresh()).toBe(1);
    expect(await find(fengsheng, "8888")).toContain(zhang.systemId);
    expect(await find(fengsheng, "2345")).not.toContain(zhang.systemId);
    await deleteRecords(t.services, fengsheng, { ids: [zhang.id] });
    await replica.refresh();
    expect(await find(fengsheng, "zsf")).not.toContain(zhang.systemId);
  });
});
