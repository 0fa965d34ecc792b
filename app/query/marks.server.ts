// Colour marks 颜色标记: the colour each record carries, from its table's palette (palette.server.ts).
// record_marks is append-only: marking a batch appends one row per record whose colour changes, the
// newest row of a record is its colour (null: none), and undo appends the colours each record had before
// the batch. One log entry per batch, never per record.
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { withinScope } from "../auth/permissions.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

import { colour, ensurePalette, paletteOf } from "./palette.server.ts";

/** At most this many records in one marking. */
export const MARK_BATCH_MAX = 10_000;
/** At most this many colours in a palette (a view filters by up to 20 colours). */
/** Rows per IN (…) list and per multi-row insert: inside SQLite's and MySQL's parameter limits. */
const CHUNK = 1000;

export const setMarksSchema = z.object({
  ids: z
    .array(z.number({ error: "记录编号应为数字 / Record ids are numbers" }).int().positive(), {
      error: "请选择记录 / Choose records",
    })
    .min(1, "请至少选择一条记录 / Choose at least one record")
    .max(MARK_BATCH_MAX, `一次最多标记 ${MARK_BATCH_MAX} 条 / At most ${MARK_BATCH_MAX} at a time`)
    .describe("要标记的记录 id / Ids of the records to mark"),
  colour: colour
    .nullable()
    .describe("色板中的颜色；null 清除标记 / A palette colour; null takes the mark off"),
});

export const undoMarksSchema = z
  .object({
    from: z.number({ error: "请给出撤销凭据 / Give the undo handle" }).int().positive(),
    to: z.number({ error: "请给出撤销凭据 / Give the undo handle" }).int().positive(),
  })
  .refine((b) => b.to >= b.from && b.to - b.from < 1_000_000, {
    message: "撤销凭据无效 / Not a valid undo handle",
    path: ["to"],
  })
  .describe("标记时返回的 undo / The undo a marking returned");

/** What a marking (or an undo) did; `undo` undoes it in turn, null when nothing changed. */
export interface MarkResult {
  count: number;
  undo: { from: number; to: number } | null;
}

// ── Marks ──────────────────────────────────────────────────────────────────────────────────────────

const chunks = <T>(list: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** The newest mark row of each record (id and colour, null: taken off), optionally before a row id. */
async function latestMarks(
  db: Executor,
  tableId: number,
  recordIds: readonly number[],
  before?: number,
): Promise<Map<number, { id: number; colour: string | null }>> {
  const out = new Map<number, { id: number; colour: string | null }>();
  for (const part of chunks([...new Set(recordIds)])) {
    let q = db
      .selectFrom("record_marks")
      .select((eb) => eb.fn.max("id").as("latest"))
      .where("table_id", "=", tableId)
      .where("record_id", "in", part)
      .groupBy("record_id");
    if (before !== undefined) q = q.where("id", "<", before);
    const latest = (await q.execute()).map((r) => Number(r.latest));
    if (latest.length === 0) continue;
    const rows = await db
      .selectFrom("record_marks")
      .select(["id", "record_id", "colour"])
      .where("id", "in", latest)
      .execute();
    for (const r of rows) out.set(Number(r.record_id), { id: Number(r.id), colour: r.colour });
  }
  return out;
}

/** The colour each record carries (records without one are absent), for presenters and the grid. */
export async function marksOf(
  services: Services,
  tableId: number,
  recordIds: readonly number[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const [id, mark] of await latestMarks(services.db, tableId, recordIds))
    if (mark.colour !== null) out.set(id, mark.colour);
  return out;
}

interface ReachedRecord {
  id: number;
  system_id: string;
  org_path: string;
}

/**
 * The records of a selection, all of the table and inside the caller's scope — or a refusal of the
 * whole selection: 404 when some are not (live) records of the table, 403 (logged once) when some lie
 * outside the caller's scope.
 */
async function reachSelection(
  services: Services,
  caller: Caller,
  table: TableDef,
  ids: readonly number[],
  opts: { live: boolean; missing: "refuse" | "skip" },
): Promise<ReachedRecord[]> {
  const unique = [...new Set(ids)];
  const found: ReachedRecord[] = [];
  for (const part of chunks(unique)) {
    let q = services.db
      .selectFrom("records")
      .select(["id", "system_id", "org_path"])
      .where("table_id", "=", table.id)
      .where("id", "in", part);
    if (opts.live) q = q.where("deleted_at", "is", null);
    for (const r of await q.execute()) found.push({ ...r, id: Number(r.id) });
  }
  if (opts.missing === "refuse" && found.length !== unique.length) {
    const n = unique.length - found.length;
    throw notFound(
      `有 ${n} 条所选记录不存在、已删除或不属于表「${table.name}」，未做任何标记 / ` +
        `${n} of the chosen records do not exist, are deleted or are not records of ${table.name}; nothing was marked`,
    );
  }
  const outside = found.find((r) => !withinScope(caller.actor.orgPath, r.org_path));
  if (outside)
    await authorize(services, caller, "record.write", {
      orgPath: outside.org_path,
      type: table.key,
      id: outside.system_id,
    });
  return found;
}

/** The deepest org path every record lies under (for the log row's org). */
function commonPath(rows: readonly ReachedRecord[]): string {
  let common = rows[0]?.org_path ?? "/";
  for (const r of rows) while (!r.org_path.startsWith(common)) common = common.replace(/[^/]+\/$/, "");
  return common || "/";
}

/** Append one mark row per change; returns the first and last row ids written. */
async function appendMarks(
  trx: Transaction<DB>,
  tableId: number,
  changes: readonly { recordId: number; colour: string | null }[],
  caller: Caller,
): Promise<{ from: number; to: number }> {
  const at = Date.now();
  const last = await trx
    .selectFrom("record_marks")
    .select((eb) => eb.fn.max("id").as("last"))
    .executeTakeFirst();
  const after = Number(last?.last ?? 0);
  for (const part of chunks(changes, 500))
    await trx
      .insertInto("record_marks")
      .values(
        part.map((c) => ({
          table_id: tableId,
          record_id: c.recordId,
          colour: c.colour,
          user_id: caller.actor.id,
          at,
        })),
      )
      .execute();
  const span = await trx
    .selectFrom("record_marks")
    .select((eb) => [eb.fn.min("id").as("from"), eb.fn.max("id").as("to")])
    .where("id", ">", after)
    .where("table_id", "=", tableId)
    .where("user_id", "=", caller.actor.id)
    .where("at", "=", at)
    .executeTakeFirstOrThrow();
  return { from: Number(span.from), to: Number(span.to) };
}

/**
 * Give records a colour of the table's palette (or take it off with null): up to 10 000 at once, every
 * one a live record of the table inside the caller's scope, or nothing is written. Records that carry
 * the colour already are left alone; `count` says how many changed.
 */
export async function setMarks(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  input: unknown,
): Promise<MarkResult> {
  await authorize(services, caller, "record.write");
  const data = parseInput(setMarksSchema, input);
  const table = await loadTable(services.db, tableKey);
  if (data.colour !== null) {
    await ensurePalette(services, table);
    const palette = await paletteOf(services.db, table.id);
    if (!palette.some((c) => c.colour === data.colour))
      throw invalid(
        `颜色 ${data.colour} 不在表「${table.name}」的色板中 / ${data.colour} is not in the palette of ${table.name}`,
        { colour: "请选用色板中的颜色 / Choose a palette colour" },
      );
  }
  const records = await reachSelection(services, caller, table, data.ids, { live: true, missing: "refuse" });
  const current = await latestMarks(
    services.db,
    table.id,
    records.map((r) => r.id),
  );
  const changed = records.filter((r) => (current.get(r.id)?.colour ?? null) !== data.colour);
  if (changed.length === 0) return { count: 0, undo: null };
  return services.db.transaction().execute(async (trx) => {
    const undo = await appendMarks(
      trx,
      table.id,
      changed.map((r) => ({ recordId: r.id, colour: data.colour })),
      caller,
    );
    await recordAudit(trx, services.dialect, {
      event: "mark.applied",
      data: {
        table: table.key,
        colour: data.colour,
        count: changed.length,
        batch: `${undo.from}-${undo.to}`,
      },
      caller,
      target: { type: "table", id: table.key },
      orgPath: commonPath(changed),
    });
    return { count: changed.length, undo };
  });
}

/**
 * Undo one of the caller's own markings: every record of the batch goes back to the colour it had before,
 * by appending rows again. A record whose colour changed since keeps the later change (`skipped`);
 * undoing twice changes nothing. The answer's `undo` redoes the batch.
 */
export async function undoMarks(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  input: unknown,
): Promise<MarkResult & { skipped: number }> {
  await authorize(services, caller, "record.write");
  const handle = parseInput(undoMarksSchema, input);
  const table = await loadTable(services.db, tableKey);
  const rows = await services.db
    .selectFrom("record_marks")
    .select(["id", "record_id", "colour", "at"])
    .where("table_id", "=", table.id)
    .where("user_id", "=", caller.actor.id)
    .where("id", ">=", handle.from)
    .where("id", "<=", handle.to)
    .orderBy("id")
    .execute();
  const first = rows[0];
  if (!first || Number(first.id) !== handle.from)
    throw notFound("没有可撤销的这批标记 / No marking of yours to undo there");
  const batch = rows.filter((r) => Number(r.at) === Number(first.at));
  const records = await reachSelection(
    services,
    caller,
    table,
    batch.map((r) => Number(r.record_id)),
    { live: false, missing: "skip" },
  );
  const present = new Set(records.map((r) => r.id));
  const latest = await latestMarks(services.db, table.id, [...present]);
  // Still carrying what the batch gave them: nobody re-marked them since.
  const undoable = batch.filter(
    (r) => present.has(Number(r.record_id)) && latest.get(Number(r.record_id))?.id === Number(r.id),
  );
  const skipped = batch.length - undoable.length;
  if (undoable.length === 0) return { count: 0, skipped, undo: null };
  const previous = await latestMarks(
    services.db,
    table.id,
    undoable.map((r) => Number(r.record_id)),
    handle.from,
  );
  const undone = new Set(undoable.map((r) => Number(r.record_id)));
  return services.db.transaction().execute(async (trx) => {
    const undo = await appendMarks(
      trx,
      table.id,
      undoable.map((r) => ({
        recordId: Number(r.record_id),
        colour: previous.get(Number(r.record_id))?.colour ?? null,
      })),
      caller,
    );
    await recordAudit(trx, services.dialect, {
      event: "mark.undone",
      data: { table: table.key, batch: `${handle.from}-${handle.to}`, count: undoable.length, skipped },
      caller,
      target: { type: "table", id: table.key },
      orgPath: commonPath(records.filter((r) => undone.has(r.id))),
    });
    return { count: undoable.length, skipped, undo };
  });
}
