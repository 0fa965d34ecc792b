// The system log: append-only rows, each hash-chained to the one before. Only this module writes it
// (and app/audit/archive.server.ts, which moves rows past the retention period into archive files).
import type { Kysely, Transaction } from "kysely";
import type { Dialect } from "../../db/dialect.ts";
import type { AuditRow, DB } from "../../db/types.ts";
import type { Caller } from "../core/services.server.ts";
import { type ChainBreak, checkRow, GENESIS, hashRow, startCursor } from "./chain.ts";
import type { AuditEvents, AuditEventType } from "./events.ts";

export { hashRow } from "./chain.ts";

export interface AuditEntry<T extends AuditEventType = AuditEventType> {
  event: T;
  data: AuditEvents[T];
  /** The account acting; null for anonymous events such as a failed login. */
  caller?: Caller | null;
  ip?: string | null;
  /** For anonymous events: a name to show as the actor (e.g. the username tried). */
  actorName?: string | null;
  target?: { type: string; id: string | number } | null;
  /** Org path the event concerns; defaults to the actor's scope. */
  orgPath?: string | null;
}

type Executor = Kysely<DB> | Transaction<DB>;

/** Any entry of the union, for writers that append several kinds at once. */
export type AnyAuditEntry = { [T in AuditEventType]: AuditEntry<T> }[AuditEventType];

/**
 * Append one event. Pass the transaction of the change it describes, so the change and its log row
 * commit together; without one, a transaction of its own is used.
 */
export async function recordAudit<T extends AuditEventType>(
  db: Executor,
  dialect: Dialect,
  entry: AuditEntry<T>,
): Promise<void> {
  await recordAuditMany(db, dialect, [entry as AuditEntry]);
}

/**
 * Append several events in order under one lock of the head: what a batch writer (an import's 1,000
 * updated records) uses, so a row per record costs one multi-row insert, not a round trip each.
 */
export async function recordAuditMany(
  db: Executor,
  dialect: Dialect,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  if (db.isTransaction) return appendRows(db as Transaction<DB>, dialect, entries);
  await (db as Kysely<DB>).transaction().execute((trx) => appendRows(trx, dialect, entries));
}

// Rows per INSERT: 13 columns each, well under both databases' limits on bound parameters.
const INSERT_CHUNK = 200;

async function appendRows(trx: Transaction<DB>, dialect: Dialect, entries: readonly AuditEntry[]) {
  const head = await dialect
    .forUpdate(trx.selectFrom("audit_head").select(["last_id", "last_hash"]).where("id", "=", 1))
    .executeTakeFirstOrThrow();
  let id = Number(head.last_id);
  let prevHash = head.last_hash;
  const at = Date.now();
  const rows: AuditRow[] = entries.map((entry) => {
    const actor = entry.caller?.actor;
    const row: Omit<AuditRow, "hash"> = {
      id: ++id,
      at,
      event: entry.event,
      actor_id: actor?.id ?? null,
      actor_name: actor?.username ?? entry.actorName ?? null,
      actor_role: actor?.role ?? null,
      ip: entry.caller?.ip ?? entry.ip ?? null,
      target_type: entry.target?.type ?? null,
      target_id: entry.target ? String(entry.target.id) : null,
      org_path: entry.orgPath ?? actor?.orgPath ?? null,
      data: JSON.stringify(entry.data),
      prev_hash: prevHash,
    };
    prevHash = hashRow(row);
    return { ...row, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await trx
      .insertInto("audit_log")
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  await trx.updateTable("audit_head").set({ last_id: id, last_hash: prevHash }).where("id", "=", 1).execute();
}

export type VerifyResult =
  | { ok: true; rows: number; firstId: number; lastId: number; archivedThrough: number }
  | {
      ok: false;
      rows: number;
      firstBadId: number;
      /** A ChainBreak, or "head": the log ends elsewhere than the head row says (a tail cut off). */
      reason: ChainBreak | "head";
      archivedThrough: number;
    };

export interface VerifyOptions {
  /** Rows read per page (keyset by id, so memory stays the same however long the log is). */
  batch?: number;
  /** Called after every page with the rows checked so far. */
  onProgress?: (rows: number) => void;
}

/** Where the kept chain starts: after the last archived row, linked to its hash (or the genesis). */
export async function chainStart(db: Executor): Promise<{ afterId: number; afterHash: string }> {
  const last = await db
    .selectFrom("audit_archive")
    .select(["last_id", "last_hash"])
    .orderBy("last_id", "desc")
    .limit(1)
    .executeTakeFirst();
  return last
    ? { afterId: Number(last.last_id), afterHash: last.last_hash }
    : { afterId: 0, afterHash: GENESIS };
}

/**
 * Walk the kept chain in id order, a page at a time, from the archive point on; report the first row
 * whose content, link or position does not hold, then check the head row against the last row seen.
 */
export async function verifyAuditChain(db: Kysely<DB>, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batch = options.batch ?? 10_000;
  const { afterId, afterHash } = await chainStart(db);
  const cursor = startCursor(afterId, afterHash);
  const bad = (firstBadId: number, reason: ChainBreak | "head") =>
    ({ ok: false, rows: cursor.rows, firstBadId, reason, archivedThrough: afterId }) as const;
  // A page starts after the last row checked; a missing row then shows as the next id not following.
  let after = afterId;
  for (;;) {
    const page = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(batch)
      .execute();
    for (const row of page) {
      const broken = checkRow(cursor, row);
      if (broken) return bad(broken === "gap" ? cursor.nextId : Number(row.id), broken);
    }
    options.onProgress?.(cursor.rows);
    if (page.length < batch) break;
    after = cursor.nextId - 1;
  }
  // Rows at or before the archive point still in the table would have been skipped above.
  const early = await db
    .selectFrom("audit_log")
    .select("id")
    .where("id", "<=", afterId)
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (early) return bad(Number(early.id), "chain");
  const head = await db.selectFrom("audit_head").select(["last_id", "last_hash"]).executeTakeFirst();
  const lastId = cursor.nextId - 1;
  const headId = head ? Number(head.last_id) : 0;
  // Rows past the head were added around the writer; a head past the rows means the tail was cut off.
  if (headId < lastId) return bad(headId + 1, "head");
  if (headId > lastId) return bad(lastId + 1, "head");
  if (!head || head.last_hash !== cursor.prevHash) return bad(lastId, "head");
  return { ok: true, rows: cursor.rows, firstId: afterId + 1, lastId, archivedThrough: afterId };
}
