// First start: copy the built-in dictionaries and the person table into the database. Idempotent, and
// it only adds what is missing, so staff edits are never overwritten by a restart.
import type { Services } from "../core/services.server.ts";
import { PERSON_TABLE, type TableSeed } from "./builtin/person-table.ts";
import { BUILT_IN_DICTIONARIES } from "./dictionaries/index.ts";
import { fieldType } from "./field-types/registry.ts";

export async function installBuiltIns(services: Services): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    const now = Date.now();
    const haveDictionaries = new Set(
      (await trx.selectFrom("dictionaries").select("key").execute()).map((r) => r.key),
    );
    for (const d of Object.values(BUILT_IN_DICTIONARIES)) {
      if (haveDictionaries.has(d.key)) continue;
      await trx
        .insertInto("dictionaries")
        .values({
          key: d.key,
          name: d.name,
          name_en: d.nameEn,
          standard: d.standard ?? null,
          multiple: d.multiple ? 1 : 0,
          builtin: 1,
          options: JSON.stringify(d.options),
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  await installTable(services, PERSON_TABLE);
}

async function installTable(services: Services, seed: TableSeed): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("data_tables")
      .select("id")
      .where("key", "=", seed.key)
      .executeTakeFirst();
    if (exists) return;
    const now = Date.now();
    const table = await trx
      .insertInto("data_tables")
      .values({
        key: seed.key,
        name: seed.name,
        kind: "main",
        parent_id: null,
        id_prefix: seed.idPrefix,
        next_number: 1,
        builtin: 1,
        sort: 0,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    const tableId = Number(table.insertId);
    await trx
      .insertInto("data_fields")
      .values(
        seed.fields.map((f, sort) => ({
          table_id: tableId,
          key: f.key,
          label: f.label,
          type: f.type,
          options: JSON.stringify(f.options ?? {}),
          required: f.required ? 1 : 0,
          sensitive: (f.sensitive ?? fieldType(f.type).sensitiveByDefault) ? 1 : 0,
          hidden: f.hidden ? 1 : 0,
          builtin: 1,
          sort,
          removed_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  });
}
