// Decoding in worker threads gives the same rows as on the main thread (sealed values opened, search
// text, derived cells), and a failure in a worker reaches the caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTable, type TableDef } from "../app/schema/tables.server.ts";
import { createTestServices, type TestServices } from "../tests/support/db.ts";
import { replicaColumns } from "./columns.ts";
import type { StoredRow } from "./decode.ts";
import { FIXED_COLUMNS } from "./decode.ts";
import { decodePool, inlinePool } from "./decode-pool.server.ts";

describe("decode pool", () => {
  let t: TestServices;
  let table: TableDef;
  let rows: StoredRow[];

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 50 });
    table = await loadTable(t.services.db, "people");
    rows = (await t.services.db
      .selectFrom("records")
      .select(["id", "system_id", "org_path", "deleted_at", "data"])
      .where("table_id", "=", table.id)
      .orderBy("id")
      .execute()) as StoredRow[];
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("decodes in worker threads exactly as on the main thread", async () => {
    const columns = replicaColumns(table.allFields);
    const pool = await decodePool(t.services, table, columns, 2);
    try {
      expect(pool.threads).toBe(2);
      const [first, second] = await Promise.all([
        pool.decode(rows.slice(0, 25)),
        pool.decode(rows.slice(25)),
      ]);
      const expected = await inlinePool(t.services, table, columns).decode(rows);
      expect([...first!, ...second!]).toEqual(expected);
      expect(
        expected.some(
          (cells) =>
            typeof cells[FIXED_COLUMNS.length + columns.findIndex((c) => c.name === "document")] === "string",
        ),
      ).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("passes a decoding failure on", async () => {
    const columns = replicaColumns(table.allFields);
    const pool = await decodePool(t.services, table, columns, 1);
    try {
      const tampered = { ...rows[0]!, system_id: "RY-999999" };
      await expect(pool.decode([tampered])).rejects.toThrow(/authentication/);
    } finally {
      await pool.close();
    }
  });
});
