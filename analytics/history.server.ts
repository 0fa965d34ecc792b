// The record history inside a table's replica, so statistics can be counted as of any past moment
// (SPEC §A5). Every save writes one `record_versions` row ({field, old, new} per changed field); the
// replica keeps two DuckDB tables from them:
//   history_versions(id, record_id, at_ms, kind)          one row per version: create / update / delete / restore
//   history_changes(version_id, record_id, at_ms, field, old JSON)   one row per changed non-sensitive field
// A record's value at moment T is then the `old` of its first change after T, or its current value when
// nothing changed since; it existed at T when its last create / delete / restore at or before T was not a
// delete (analytics/stats/as-of.ts). Sensitive fields' changes are left out: their values are sealed
// and no statistic groups by an ID or phone number. DuckDB parses the JSON itself: only the text passes
// through JavaScript, so a million versions load in seconds.
import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "kysely";
import type { Services } from "../app/core/services.server.ts";
import type { TableDef } from "../app/schema/tables.server.ts";

const PAGE = 20_000;
const IN_CHUNK = 1_000;
const CHANGE_SHAPE = `'[{"field":"VARCHAR","old":"JSON"}]'`;

export const HISTORY_TABLES = ["history_versions", "history_changes"] as const;

export async function createHistoryTables(writer: DuckDBConnection): Promise<void> {
  await writer.run("CREATE TABLE history_versions (id BIGINT, record_id BIGINT, at_ms BIGINT, kind VARCHAR)");
  await writer.run(
    "CREATE TABLE history_changes (version_id BIGINT, record_id BIGINT, at_ms BIGINT, field VARCHAR, old JSON)",
  );
  await writer.run(
    "CREATE TABLE history_staging (id BIGINT, record_id BIGINT, at_ms BIGINT, kind VARCHAR, changes VARCHAR)",
  );
}

interface VersionRow {
  id: number;
  record_id: number;
  at: number;
  kind: string;
  changes: string;
}

/** Reads every version row of the table into the history tables (a full load). */
export async function loadHistory(
  services: Services,
  writer: DuckDBConnection,
  table: TableDef,
  signal?: AbortSignal,
): Promise<number> {
  let after = 0;
  let rows = 0;
  for (;;) {
    signal?.throwIfAborted();
    // Along the primary key: with an index on table_id the store would sort every version by id per page.
    const page = await selectVersions(services)
      .where(sql`+table_id`, "=", table.id)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    if (page.length === 0) return rows;
    await append(writer, table, page as VersionRow[], false);
    rows += page.length;
    after = Number(page.at(-1)!.id);
    if (page.length < PAGE) return rows;
  }
}

/** Adds the version rows a refresh saw (by id); a row seen twice is kept once. */
export async function appendHistory(
  services: Services,
  writer: DuckDBConnection,
  table: TableDef,
  ids: readonly number[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await selectVersions(services)
      .where("id", "in", ids.slice(i, i + IN_CHUNK))
      .execute();
    if (rows.length > 0) await append(writer, table, rows as VersionRow[], true);
  }
}

const selectVersions = (services: Services) =>
  services.db.selectFrom("record_versions").select(["id", "record_id", "at", "kind", "changes"]);

async function append(
  writer: DuckDBConnection,
  table: TableDef,
  rows: readonly VersionRow[],
  replace: boolean,
): Promise<void> {
  const appender = await writer.createAppender("history_staging");
  for (const row of rows) {
    appender.appendBigInt(BigInt(row.id));
    appender.appendBigInt(BigInt(row.record_id));
    appender.appendBigInt(BigInt(row.at));
    appender.appendVarchar(row.kind);
    appender.appendVarchar(row.changes);
    appender.endRow();
  }
  appender.closeSync();
  const sensitive = table.allFields.filter((f) => f.sensitive).map((f) => f.key);
  const skip = sensitive.length > 0 ? `WHERE c.field NOT IN (${sensitive.map(literal).join(", ")})` : "";
  await writer.run("BEGIN TRANSACTION");
  try {
    if (replace) {
      await writer.run("DELETE FROM history_versions WHERE id IN (SELECT id FROM history_staging)");
      await writer.run("DELETE FROM history_changes WHERE version_id IN (SELECT id FROM history_staging)");
    }
    await writer.run("INSERT INTO history_versions SELECT id, record_id, at_ms, kind FROM history_staging");
    await writer.run(
      `INSERT INTO history_changes
         SELECT s.id, s.record_id, s.at_ms, c.field, c.old
           FROM history_staging s, unnest(from_json(s.changes, ${CHANGE_SHAPE})) AS t(c) ${skip}`,
    );
    await writer.run("DELETE FROM history_staging");
    await writer.run("COMMIT");
  } catch (error) {
    await writer.run("ROLLBACK").catch(() => {});
    await writer.run("DELETE FROM history_staging").catch(() => {});
    throw error;
  }
}

/** How much history the replica holds (for the log and the benchmark). */
export async function historySize(
  connection: DuckDBConnection,
): Promise<{ versions: number; changes: number }> {
  const row = (
    await connection.runAndReadAll(
      "SELECT (SELECT count(*) FROM history_versions) AS v, (SELECT count(*) FROM history_changes) AS c",
    )
  ).getRowObjectsJS()[0]!;
  return { versions: Number(row.v), changes: Number(row.c) };
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
