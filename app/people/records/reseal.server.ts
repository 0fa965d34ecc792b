// When staff mark an existing field sensitive, the values already stored in plain text must be sealed
// too — in the record documents and in their version rows — and get blind indexes. This runs in the
// background in batches, remembering its place in `settings` ("reseal:<field id>" → last id done), so a
// restart resumes it; reads meanwhile work because the codec opens plain and sealed values alike.
import type { Services } from "../../core/services.server.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import { recordCodec, type Values } from "./codec.server.ts";
import { type Change, lookupRows } from "./repository.server.ts";

const BATCH = 1000;
const PREFIX = "reseal:";

const isSealed = (v: unknown) => typeof v === "object" && v !== null && "$c" in v;

/** The setting that makes a field's sweep pending; written in the transaction that marks it sensitive. */
export const resealSetting = (fieldId: number) => ({ key: `${PREFIX}${fieldId}`, value: "records:0" });

/** Run every pending sweep to its end. */
export async function resealPending(services: Services): Promise<void> {
  const pending = await services.db
    .selectFrom("settings")
    .select("key")
    .where("key", "like", `${PREFIX}%`)
    .execute();
  for (const { key } of pending) await resealField(services, Number(key.slice(PREFIX.length)));
}

async function resealField(services: Services, fieldId: number): Promise<void> {
  const key = `${PREFIX}${fieldId}`;
  const field = await services.db
    .selectFrom("data_fields")
    .select(["table_id", "key"])
    .where("id", "=", fieldId)
    .executeTakeFirst();
  if (!field) {
    await services.db.deleteFrom("settings").where("key", "=", key).execute();
    return;
  }
  const table = await loadTable(services.db, Number(field.table_id));
  for (;;) {
    const state = await services.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirst();
    if (!state) return;
    const [phase, at] = state.value.split(":") as ["records" | "versions", string];
    const next =
      phase === "records"
        ? await sealRecords(services, table, fieldId, field.key, Number(at))
        : await sealVersions(services, table, field.key, Number(at));
    if (next !== null) await save(services, key, `${phase}:${next}`);
    else if (phase === "records") await save(services, key, "versions:0");
    else {
      await services.db.deleteFrom("settings").where("key", "=", key).execute();
      services.log.info(
        { table: table.key, field: field.key },
        "sealed the existing values of a sensitive field",
      );
      return;
    }
  }
}

async function save(services: Services, key: string, value: string) {
  await services.db.updateTable("settings").set({ value }).where("key", "=", key).execute();
}

/** Seal one batch of documents after `after`; the last id handled, or null when none were left. */
async function sealRecords(
  services: Services,
  table: TableDef,
  fieldId: number,
  fieldKey: string,
  after: number,
) {
  const rows = await services.db
    .selectFrom("records")
    .select(["id", "system_id", "data"])
    .where("table_id", "=", table.id)
    .where("id", ">", after)
    .orderBy("id")
    .limit(BATCH)
    .execute();
  if (rows.length === 0) return null;
  const field = table.allFields.find((f) => f.key === fieldKey)!;
  const blindKey = services.keys.derive("blind-index");
  await services.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const doc = JSON.parse(row.data) as Values;
      const value = doc[fieldKey];
      if (value === undefined || value === null || isSealed(value)) continue;
      doc[fieldKey] = recordCodec(services.cipher, table, row.system_id).seal(field, value);
      await trx
        .updateTable("records")
        .set({ data: JSON.stringify(doc) })
        .where("id", "=", row.id)
        .execute();
      await trx
        .deleteFrom("record_lookup")
        .where("record_id", "=", row.id)
        .where("field_id", "=", fieldId)
        .execute();
      const lookups = lookupRows(blindKey, { ...table, fields: [field] }, row.id, { [fieldKey]: value });
      if (lookups.length > 0) await trx.insertInto("record_lookup").values(lookups).execute();
    }
  });
  return Number(rows.at(-1)!.id);
}

async function sealVersions(services: Services, table: TableDef, fieldKey: string, after: number) {
  const rows = await services.db
    .selectFrom("record_versions")
    .innerJoin("records", "records.id", "record_versions.record_id")
    .select(["record_versions.id", "record_versions.changes", "records.system_id"])
    .where("record_versions.table_id", "=", table.id)
    .where("record_versions.id", ">", after)
    .orderBy("record_versions.id")
    .limit(BATCH)
    .execute();
  if (rows.length === 0) return null;
  const field = table.allFields.find((f) => f.key === fieldKey)!;
  await services.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const changes = JSON.parse(row.changes) as Change[];
      if (!changes.some((c) => c.field === fieldKey && (!isSealed(c.old) || !isSealed(c.new)))) continue;
      const codec = recordCodec(services.cipher, table, row.system_id);
      const sealed = changes.map((c) =>
        c.field !== fieldKey
          ? c
          : {
              ...c,
              old: isSealed(c.old) ? c.old : codec.seal(field, c.old),
              new: isSealed(c.new) ? c.new : codec.seal(field, c.new),
            },
      );
      await trx
        .updateTable("record_versions")
        .set({ changes: JSON.stringify(sealed) })
        .where("id", "=", row.id)
        .execute();
    }
  });
  return Number(rows.at(-1)!.id);
}
