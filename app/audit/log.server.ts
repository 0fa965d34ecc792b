// The system log: append-only rows, each hash-chained to the one before. Only this module writes it.
import crypto from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Dialect } from "../../db/dialect.ts";
import type { AuditRow, DB } from "../../db/types.ts";
import type { Caller } from "../core/services.server.ts";
import type { AuditEvents, AuditEventType } from "./events.ts";

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

/**
 * Append one event. Pass the transaction of the change it describes, so the change and its log row
 * commit together; without one, a transaction of its own is used.
 */
export async function recordAudit<T extends AuditEventType>(
  db: Executor,
  dialect: Dialect,
  entry: AuditEntry<T>,
): Promise<void> {
  if (db.isTransaction) return appendRow(db as Transaction<DB>, dialect, entry);
  await (db as Kysely<DB>).transaction().execute((trx) => appendRow(trx, dialect, entry));
}

async function appendRow(trx: Transaction<DB>, dialect: Dialect, entry: AuditEntry): Promise<void> {
  const head = await dialect
    .forUpdate(trx.selectFrom("audit_head").select(["last_id", "last_hash"]).where("id", "=", 1))
    .executeTakeFirstOrThrow();
  const actor = entry.caller?.actor;
  const row: Omit<AuditRow, "hash"> = {
    id: Number(head.last_id) + 1,
    at: Date.now(),
    event: entry.event,
    actor_id: actor?.id ?? null,
    actor_name: actor?.username ?? entry.actorName ?? null,
    actor_role: actor?.role ?? null,
    ip: entry.caller?.ip ?? entry.ip ?? null,
    target_type: entry.target?.type ?? null,
    target_id: entry.target ? String(entry.target.id) : null,
    org_path: entry.orgPath ?? actor?.orgPath ?? null,
    data: JSON.stringify(entry.data),
    prev_hash: head.last_hash,
  };
  const hash = hashRow(row);
  await trx
    .insertInto("audit_log")
    .values({ ...row, hash })
    .execute();
  await trx.updateTable("audit_head").set({ last_id: row.id, last_hash: hash }).where("id", "=", 1).execute();
}

/** The hash of a row covers every column but the hash itself, in a fixed order. */
export function hashRow(row: Omit<AuditRow, "hash">): string {
  const canonical = JSON.stringify([
    Number(row.id),
    Number(row.at),
    row.event,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.ip,
    row.target_type,
    row.target_id,
    row.org_path,
    row.data,
    row.prev_hash,
  ]);
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadId: number; reason: "hash" | "chain" | "gap" | "head" };

/** Walk the whole chain in id order; report the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Kysely<DB>, batch = 5000): Promise<VerifyResult> {
  let prevHash = "0".repeat(64);
  let expectedId = 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">=", expectedId)
      .orderBy("id")
      .limit(batch)
      .execute();
    for (const r of page) {
      const id = Number(r.id);
      if (id !== expectedId) return { ok: false, rows, firstBadId: expectedId, reason: "gap" };
      if (r.prev_hash !== prevHash) return { ok: false, rows, firstBadId: id, reason: "chain" };
      const { hash, ...rest } = r;
      if (hashRow(rest) !== hash) return { ok: false, rows, firstBadId: id, reason: "hash" };
      prevHash = hash;
      expectedId = id + 1;
      rows++;
    }
    if (page.length < batch) break;
  }
  const head = await db.selectFrom("audit_head").select(["last_id", "last_hash"]).executeTakeFirst();
  if (!head || Number(head.last_id) !== rows || head.last_hash !== prevHash) {
    return { ok: false, rows, firstBadId: rows + 1, reason: "head" };
  }
  return { ok: true, rows };
}
