// Many records at once: the same field rules as one save, people already registered (or repeated in the
// input) skipped, refused rows reported with their field messages, and every stored number sealed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../../tests/support/db.ts";
import { callerFor, orgId } from "../../../tests/support/factories.ts";
import { loadTable } from "../../schema/tables.server.ts";
import { buildId } from "../identity/id-fixtures.ts";
import { insertRecordsBulk } from "./bulk.server.ts";
import { parseContext } from "./context.server.ts";
import { listRecords } from "./read.server.ts";
import { createRecord } from "./write.server.ts";

describe("bulk insert", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("inserts valid rows, skips the registered and repeated, and reports the refused", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const known = buildId("110102", "1950-05-05", "111").number;
    await createRecord(t.services, fengsheng, "people", { values: { name: "已登记", document: known } });
    const table = await loadTable(t.services.db, "people");
    const org = await orgId(t.services, "丰盛社区");
    const place = { orgId: org, orgPath: fengsheng.actor.orgPath };
    const fresh = buildId("110102", "1990-09-09", "222").number;
    const rows = [
      { ...place, values: { name: "新人甲", document: fresh, mobile: "139 0000 1111", ethnicity: "汉" } },
      { ...place, values: { name: "重复甲", document: fresh } },
      { ...place, values: { name: "已登记", document: known } },
      { ...place, values: { name: "", document: buildId("110102", "1991-01-01", "333").number } },
      { ...place, values: { name: "新人乙", specialGroups: "低保户、残疾人" } },
    ];
    const result = await insertRecordsBulk(t.services, table, rows, {
      ctx: await parseContext(t.services.db),
      userId: null,
      batchSize: 2,
    });
    expect(result).toMatchObject({ inserted: 2, duplicates: 2 });
    expect(result.invalid).toEqual([{ row: 3, errors: { name: expect.stringContaining("姓名") } }]);
    expect(result.systemIds.filter(Boolean)).toHaveLength(2);
    expect(result.systemIds[1]).toBeNull();

    const found = await listRecords(t.services, fengsheng, "people", { q: "13900001111" });
    expect(found.rows.map((r) => r.display.name)).toEqual(["新人甲"]);
    expect(found.rows[0]!.display.ethnicity).toBe("汉族");
    const stored = await t.services.db.selectFrom("records").select("data").execute();
    expect(JSON.stringify(stored)).not.toContain(fresh);
  });
});
