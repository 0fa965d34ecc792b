// The SQL of self-service updates: proposals (change_requests) and the account ↔ person link. Rules
// live in the callers.
import type { Kysely, Transaction } from "kysely";
import type { ChangeRequestStatus, ChangeRequestTable, DB } from "../../db/types.ts";
import { notFound } from "../core/errors.ts";
import type { Change } from "../people/records/repository.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type RequestRow = Omit<ChangeRequestTable, "id"> & { id: number };

const NO_REQUEST = "没有这份信息修改申请 / No such change request";

export const changesOf = (row: RequestRow): Change[] => JSON.parse(row.changes) as Change[];

export async function fetchRequest(db: Executor, id: number): Promise<RequestRow> {
  if (!Number.isSafeInteger(id) || id < 1) throw notFound(NO_REQUEST);
  const row = await db.selectFrom("change_requests").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(NO_REQUEST);
  return { ...row, id: Number(row.id) };
}

export async function pendingFor(db: Executor, recordId: number): Promise<RequestRow | undefined> {
  const row = await db
    .selectFrom("change_requests")
    .selectAll()
    .where("open_record_id", "=", recordId)
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export async function requestsOfAccount(db: Executor, userId: number, limit = 20): Promise<RequestRow[]> {
  const rows = await db
    .selectFrom("change_requests")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function insertRequest(
  trx: Transaction<DB>,
  row: {
    tableId: number;
    recordId: number;
    userId: number;
    orgPath: string;
    baseVersion: number;
    changes: Change[];
  },
): Promise<number> {
  const now = Date.now();
  const result = await trx
    .insertInto("change_requests")
    .values({
      table_id: row.tableId,
      record_id: row.recordId,
      user_id: row.userId,
      org_path: row.orgPath,
      base_version: row.baseVersion,
      revision: 1,
      changes: JSON.stringify(row.changes),
      status: "pending",
      open_record_id: row.recordId,
      reason: null,
      applied: null,
      reviewer_id: null,
      created_at: now,
      updated_at: now,
      decided_at: null,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/** Replace a pending proposal's changes; false when it was decided or changed since `revision`. */
export async function reviseRequest(
  trx: Transaction<DB>,
  id: number,
  revision: number,
  changes: Change[],
  baseVersion: number,
): Promise<boolean> {
  const result = await trx
    .updateTable("change_requests")
    .set({
      changes: JSON.stringify(changes),
      base_version: baseVersion,
      revision: revision + 1,
      updated_at: Date.now(),
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("revision", "=", revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Decide a pending proposal as last seen at `revision`; false when someone got there first. */
export async function closeRequest(
  trx: Transaction<DB>,
  id: number,
  revision: number,
  outcome: {
    status: Exclude<ChangeRequestStatus, "pending">;
    reviewerId: number | null;
    reason?: string;
    applied?: string[];
  },
): Promise<boolean> {
  const now = Date.now();
  const result = await trx
    .updateTable("change_requests")
    .set({
      status: outcome.status,
      open_record_id: null,
      reviewer_id: outcome.reviewerId,
      reason: outcome.reason ?? null,
      applied: outcome.applied ? JSON.stringify(outcome.applied) : null,
      updated_at: now,
      decided_at: now,
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("revision", "=", revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type QueueStatus = ChangeRequestStatus | "decided";

/** Proposals in `scopePath` (newest first) whose record still exists, with the resident's name. */
export async function queueIn(db: Executor, scopePath: string, status: QueueStatus, limit: number) {
  let q = db
    .selectFrom("change_requests")
    .innerJoin("records", "records.id", "change_requests.record_id")
    .innerJoin("users", "users.id", "change_requests.user_id")
    .selectAll("change_requests")
    .select(["records.system_id", "records.org_id", "users.display_name"])
    .where("change_requests.org_path", "like", `${scopePath}%`);
  q =
    status === "decided"
      ? q.where("change_requests.status", "in", ["approved", "rejected", "withdrawn"])
      : q.where("change_requests.status", "=", status);
  const rows = await q.orderBy("change_requests.id", "desc").limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** How many proposals in `scopePath` have each status. */
export async function countsIn(
  db: Executor,
  scopePath: string,
): Promise<Record<ChangeRequestStatus, number>> {
  const rows = await db
    .selectFrom("change_requests")
    .innerJoin("records", "records.id", "change_requests.record_id")
    .select(["change_requests.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("change_requests.org_path", "like", `${scopePath}%`)
    .groupBy("change_requests.status")
    .execute();
  const out = { pending: 0, approved: 0, rejected: 0, withdrawn: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** The person record an account belongs to, or null. */
export async function personOf(db: Executor, userId: number): Promise<number | null> {
  const row = await db.selectFrom("users").select("person_id").where("id", "=", userId).executeTakeFirst();
  return row?.person_id === null || row?.person_id === undefined ? null : Number(row.person_id);
}

export async function linkPerson(db: Executor, userId: number, recordId: number | null): Promise<void> {
  await db
    .updateTable("users")
    .set({ person_id: recordId, updated_at: Date.now() })
    .where("id", "=", userId)
    .execute();
}
