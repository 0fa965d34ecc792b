// A record's history (who, when, which field, old → new) and a whole table as it stood at a past moment,
// both read from the version rows every save writes.

import type { VersionKind } from "../../../db/types.ts";
import { authorize } from "../../auth/access.server.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { loadDictionaries } from "../../schema/dictionaries.server.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import { reachRecord } from "./access.server.ts";
import { decodeDocument, recordCodec, type Values } from "./codec.server.ts";
import type { Change } from "./repository.server.ts";

export interface HistoryEntry {
  version: number;
  kind: VersionKind;
  at: number;
  by: string | null;
  changes: { field: string; label: string; old: string; new: string; masked: boolean }[];
}

export async function recordHistory(
  services: Services,
  caller: Caller,
  id: number,
): Promise<{ systemId: string; table: TableDef; entries: HistoryEntry[] }> {
  const { row, table } = await reachRecord(services, caller, id, "record.read");
  const versions = await services.db
    .selectFrom("record_versions")
    .leftJoin("users", "users.id", "record_versions.user_id")
    .select([
      "record_versions.version",
      "record_versions.kind",
      "record_versions.at",
      "record_versions.changes",
      "users.display_name",
    ])
    .where("record_versions.record_id", "=", row.id)
    .orderBy("record_versions.id", "desc")
    .execute();
  const dictionaries = await loadDictionaries(services.db);
  const dictionary = (key: string) => dictionaries.get(key);
  const codec = recordCodec(services.cipher, table, row.system_id);
  const byKey = new Map(table.allFields.map((f) => [f.key, f]));
  const entries = versions.map((v) => ({
    version: Number(v.version),
    kind: v.kind,
    at: Number(v.at),
    by: v.display_name,
    changes: (JSON.parse(v.changes) as Change[]).flatMap((c) => {
      const field = byKey.get(c.field);
      if (!field) return [];
      // History masks like every other view: revealing is a separate, logged act.
      const text = (stored: unknown) =>
        fieldType(field.type).format(codec.open(field, stored), field, {
          lang: "zh-CN",
          masked: field.sensitive,
          dictionary,
        });
      return [
        { field: c.field, label: field.label, old: text(c.old), new: text(c.new), masked: field.sensitive },
      ];
    }),
  }));
  return { systemId: row.system_id, table, entries };
}

export interface AsOfRecord {
  id: number;
  systemId: string;
  orgPath: string;
  values: Values;
}

/**
 * The table's records as they stood at `at` (epoch ms), in the caller's scope: each record's current
 * values with every later change undone, leaving out records created after `at` or in the recycle bin
 * at that moment. Values are decrypted: this is for the server's own use (reports, checks).
 */
export async function tableAsOf(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  at: number,
): Promise<AsOfRecord[]> {
  const out: AsOfRecord[] = [];
  for await (const page of tableAsOfPages(services, caller, tableKey, at)) out.push(...page);
  return out;
}

/** The same in pages of records by id, so a million records never sit in memory at once. */
export async function* tableAsOfPages(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  at: number,
  pageSize = 5000,
): AsyncGenerator<AsOfRecord[]> {
  await authorize(services, caller, "record.read");
  const table = await loadTable(services.db, tableKey);
  let after = 0;
  for (;;) {
    const rows = await services.db
      .selectFrom("records")
      .select(["id", "system_id", "org_path", "data"])
      .where("table_id", "=", table.id)
      .where("id", ">", after)
      .where("created_at", "<=", at)
      .where("org_path", "like", `${caller.actor.orgPath}%`)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    after = Number(rows.at(-1)!.id);
    yield await asOfPage(services, table, rows, at);
    if (rows.length < pageSize) return;
  }
}

async function asOfPage(
  services: Services,
  table: TableDef,
  rows: { id: number; system_id: string; org_path: string; data: string }[],
  at: number,
): Promise<AsOfRecord[]> {
  const ids = rows.map((r) => Number(r.id));
  const versions = await services.db
    .selectFrom("record_versions")
    .select(["record_id", "kind", "changes", "at"])
    .where("record_id", "in", ids)
    .where("kind", "in", ["update", "delete", "restore"])
    .orderBy("id", "desc")
    .execute();
  const undo = new Map<number, Change[][]>();
  // Newest first: the last delete / restore at or before `at` is the first one met.
  const lifecycle = new Map<number, VersionKind>();
  for (const v of versions) {
    const id = Number(v.record_id);
    if (Number(v.at) > at) {
      if (v.kind === "update") undo.set(id, [...(undo.get(id) ?? []), JSON.parse(v.changes) as Change[]]);
    } else if (v.kind !== "update" && !lifecycle.has(id)) lifecycle.set(id, v.kind);
  }
  const out: AsOfRecord[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    if (lifecycle.get(id) === "delete") continue;
    const codec = recordCodec(services.cipher, table, row.system_id);
    const doc = JSON.parse(row.data) as Values;
    for (const changes of undo.get(id) ?? [])
      for (const change of changes) {
        if (change.old === null) delete doc[change.field];
        else doc[change.field] = change.old;
      }
    out.push({
      id,
      systemId: row.system_id,
      orgPath: row.org_path,
      values: decodeDocument(codec, table.allFields, doc),
    });
  }
  return out;
}
