// Following an append-only log table by id (record_versions, record_marks) so that no committed row is
// missed while several processes write.
//
// On MySQL/MariaDB an auto-increment id is taken when a row is inserted but the row becomes visible when
// its transaction commits, so ids become visible out of order: a follower that reads `id > newest seen`
// alone would skip a lower id committed a moment later. The feed therefore remembers every id below the
// newest it has seen that it has not seen yet (a gap) and asks for those ids again at every poll, until
// they appear or a grace period has passed (a rolled-back transaction, a purge or an auto-increment step
// leaves a hole for good). SQLite has a single writer and never shows ids out of order, but takes the
// same path: one code path for both databases.
import type { Kysely } from "kysely";
import type { DB } from "../db/types.ts";

export type LogTable = "record_versions" | "record_marks";

/** Where a feed stands: the newest id seen and the lower ids still awaited. Kept in a snapshot. */
export interface FeedPosition {
  seen: number;
  gaps: number[];
}

/**
 * How long a missing id is awaited. A save's transaction holds its ids for milliseconds; on MySQL one
 * can wait for a row lock for up to innodb_lock_wait_timeout (50 s by default) after its ids were
 * taken. Two minutes covers that with room to spare.
 */
export const GAP_GRACE_MS = 120_000;
/** An upper bound on ids awaited at once (the oldest give way first). */
const MAX_GAPS = 50_000;
/** Rows read per query while catching up. */
const PAGE = 10_000;
/** Ids checked per `IN (…)` query. */
const IN_CHUNK = 1_000;
/**
 * When a feed starts at the head of the log (after a full load), this many ids below the head are
 * looked at: any of them not visible yet may belong to a transaction still open, and is awaited.
 */
const START_WINDOW = 10_000;

interface LogRow {
  id: number;
  table_id: number;
  record_id: number;
}

export interface ChangeFeed {
  readonly table: LogTable;
  /** Records of the feed's table with rows committed since the last poll (each once, in no order). */
  poll(): Promise<number[]>;
  /** The ids of the feed's table's log rows taken by polls since the last call (for the history). */
  drainIds(): number[];
  position(): FeedPosition;
}

/** A feed starting at the current head of the log, awaiting ids below it that are not visible yet. */
export async function feedAtHead(
  db: Kysely<DB>,
  table: LogTable,
  tableId: number,
  now: () => number = Date.now,
): Promise<ChangeFeed> {
  const head = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max("id").as("last"))
    .executeTakeFirst();
  const last = Number(head?.last ?? 0);
  const visible = await db
    .selectFrom(table)
    .select("id")
    .where("id", ">", Math.max(0, last - START_WINDOW))
    .where("id", "<=", last)
    .execute();
  const present = new Set(visible.map((row) => Number(row.id)));
  const gaps: number[] = [];
  for (let id = Math.max(0, last - START_WINDOW) + 1; id <= last; id++) if (!present.has(id)) gaps.push(id);
  return feedFrom(db, table, tableId, { seen: last, gaps }, now);
}

/** A feed continuing from a known position (a snapshot's): the awaited ids get a new grace period. */
export function feedFrom(
  db: Kysely<DB>,
  table: LogTable,
  tableId: number,
  position: FeedPosition,
  now: () => number = Date.now,
): ChangeFeed {
  let seen = position.seen;
  /** Awaited id → when it was first missed. Kept in ascending id order. */
  const gaps = new Map<number, number>();
  const awaitId = (id: number, at: number) => {
    gaps.set(id, at);
    if (gaps.size > MAX_GAPS) gaps.delete(gaps.keys().next().value!);
  };
  const started = now();
  for (const id of position.gaps) if (id < seen) awaitId(id, started);

  const select = () => db.selectFrom(table).select(["id", "table_id", "record_id"]);
  let taken: number[] = [];

  return {
    table,
    async poll() {
      const at = now();
      const changed = new Set<number>();
      const take = (row: LogRow) => {
        if (Number(row.table_id) !== tableId) return;
        changed.add(Number(row.record_id));
        taken.push(Number(row.id));
      };

      // Ids awaited from earlier polls: late commits are taken, holes past their grace are given up.
      if (gaps.size > 0) {
        for (const [id, missedAt] of gaps) if (at - missedAt > GAP_GRACE_MS) gaps.delete(id);
        const awaited = [...gaps.keys()];
        for (let i = 0; i < awaited.length; i += IN_CHUNK) {
          const rows = await select()
            .where("id", "in", awaited.slice(i, i + IN_CHUNK))
            .execute();
          for (const row of rows) {
            gaps.delete(Number(row.id));
            take(row);
          }
        }
      }

      // New rows; every id skipped on the way is awaited.
      for (;;) {
        const rows = await select().where("id", ">", seen).orderBy("id").limit(PAGE).execute();
        for (const row of rows) {
          const id = Number(row.id);
          // A very long run of missing ids (an auto-increment jump) is awaited from its top end only.
          for (let missing = Math.max(seen + 1, id - MAX_GAPS); missing < id; missing++) awaitId(missing, at);
          seen = id;
          take(row);
        }
        if (rows.length < PAGE) break;
      }
      return [...changed];
    },
    drainIds() {
      const ids = taken;
      taken = [];
      return ids;
    },
    position() {
      return { seen, gaps: [...gaps.keys()] };
    },
  };
}
