// One batch of one kind of stored row, brought under the current key: sealed values re-sealed (rekey.ts)
// and blind indexes recomputed from the opened values. A rotation runs each batch in one transaction that
// first takes the write lock (SQLite) or locks the rows it reads (MySQL), so a save by the running app
// waits for it instead of being overwritten. A verification runs the same code with a cipher that holds
// only the current key and writes nothing: whatever it would change is a problem.
import type { Kysely, SelectQueryBuilder, Transaction } from "kysely";
import type { DB } from "../../db/types.ts";
import { mobileColumns, mobileDigest, openMobile } from "../auth/account-mobile.server.ts";
import type { Services } from "../core/services.server.ts";
import { lookupDigest, type Values } from "../people/records/codec.server.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import { type Change, isSealed, type Problem, type Rekeying, rekeyChanges, rekeyDocument } from "./rekey.ts";

export const SOURCES = ["accounts", "records", "versions", "requests"] as const;
export type Source = (typeof SOURCES)[number];

export interface Counts {
  /** Sealed values written again under the current key, per kind of row. */
  resealed: Record<Source, number>;
  /** Blind indexes rewritten (records.unique_key, record_lookup, users.mobile_digest). */
  digests: number;
}

export const noCounts = (): Counts => ({
  resealed: { accounts: 0, records: 0, versions: 0, requests: 0 },
  digests: 0,
});

export interface Sweep {
  services: Services;
  rekeying: Rekeying;
  /** The current blind-index key. */
  blindKey: Buffer;
  batch: number;
  counts: Counts;
  /** What was looked at: sealed values opened and blind indexes compared. */
  checked: { values: number; digests: number };
  report(problem: Problem): void;
}

type Executor = Kysely<DB> | Transaction<DB>;

/** The rows after `after`: the last id handled and how many, or null when none were left. */
export function sweepBatch(
  sweep: Sweep,
  db: Executor,
  source: Source,
  after: number,
): Promise<{ last: number; rows: number } | null> {
  if (source === "accounts") return accounts(sweep, db, after);
  if (source === "records") return records(sweep, db, after);
  return changeLists(sweep, db, source, after);
}

const TABLES = {
  accounts: "users",
  records: "records",
  versions: "record_versions",
  requests: "change_requests",
} as const;

/** How many rows a source has, in all or up to `upTo` (progress of a resumed run). */
export async function sourceSize(db: Executor, source: Source, upTo?: number): Promise<number> {
  // One table's columns are enough for the type: every source has an integer id.
  let q = (db as Kysely<DB>)
    .selectFrom(TABLES[source] as "users")
    .select((eb) => eb.fn.countAll<number>().as("n"));
  if (upTo !== undefined) q = q.where("id", "<=", upTo);
  if (source === "accounts") q = q.where("mobile_sealed", "is not", null);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Table definitions read once per batch: a field added meanwhile is seen by the next batch. */
function tableCache(db: Executor) {
  const tables = new Map<number, Promise<TableDef>>();
  return (id: number) => {
    const known = tables.get(id);
    if (known) return known;
    const table = loadTable(db, id);
    tables.set(id, table);
    return table;
  };
}

/** A rotation locks the rows it is about to rewrite (MySQL; SQLite's writers are serialised); a check reads. */
function lock<Q extends SelectQueryBuilder<DB, never, unknown>>(sweep: Sweep, qb: Q): Q {
  return sweep.rekeying.verify ? qb : (sweep.services.dialect.forUpdate(qb) as Q);
}

/** The binding of a record's sealed values (codec.server.ts seals with the same). */
const recordBinding = (tableKey: string, systemId: string) => `${tableKey}/${systemId}`;

async function accounts(sweep: Sweep, db: Executor, after: number) {
  const { rekeying } = sweep;
  const rows = await lock(
    sweep,
    db
      .selectFrom("users")
      .select(["id", "username", "mobile_sealed", "mobile_digest"])
      .where("id", ">", after)
      .where("mobile_sealed", "is not", null)
      .orderBy("id")
      .limit(sweep.batch),
  ).execute();
  if (rows.length === 0) return null;
  const vault = { cipher: rekeying.cipher, keys: sweep.services.keys };
  for (const row of rows) {
    const sealed = row.mobile_sealed;
    if (sealed === null) continue;
    const problem = (reason: string) =>
      sweep.report({ source: "accounts", where: row.username, field: "mobile", reason });
    let plain: string;
    let keyId: string;
    try {
      keyId = rekeying.cipher.keyIdOf(sealed);
      if (rekeying.verify && keyId !== rekeying.current) {
        problem(`still under key id ${keyId}`);
        continue;
      }
      plain = openMobile(rekeying.cipher, row.username, sealed)!;
    } catch {
      problem("does not open with the configured keys");
      continue;
    }
    sweep.checked.values++;
    sweep.checked.digests++;
    const digest = mobileDigest(vault, plain);
    const stale = keyId !== rekeying.current;
    const staleDigest = digest !== row.mobile_digest;
    if (rekeying.verify) {
      if (staleDigest) problem("blind index does not match the number");
      continue;
    }
    if (!stale && !staleDigest) continue;
    // One account per number: while this one is still indexed under the old key, the running app may
    // have given the number to another account.
    const holder = await db
      .selectFrom("users")
      .select("username")
      .where("mobile_digest", "=", digest)
      .where("id", "!=", row.id)
      .executeTakeFirst();
    if (holder) {
      problem(`the same mobile number as account ${holder.username}; change one and run again`);
      continue;
    }
    await db
      .updateTable("users")
      .set(mobileColumns(vault, row.username, plain))
      .where("id", "=", row.id)
      .execute();
    if (stale) sweep.counts.resealed.accounts++;
    if (staleDigest) sweep.counts.digests++;
  }
  return { last: Number(rows.at(-1)!.id), rows: rows.length };
}

interface RecordPlan {
  id: number;
  data: string | null;
  uniqueKey: string | null | undefined;
  lookups: { fieldId: number; digest: string }[];
  resealed: number;
}

async function records(sweep: Sweep, db: Executor, after: number) {
  const { rekeying } = sweep;
  const rows = await lock(
    sweep,
    db
      .selectFrom("records")
      .select(["id", "table_id", "system_id", "data", "unique_key"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(sweep.batch),
  ).execute();
  if (rows.length === 0) return null;
  const lookups = await db
    .selectFrom("record_lookup")
    .select(["record_id", "field_id", "digest"])
    .where(
      "record_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const table = tableCache(db);
  const plans: (RecordPlan & { tableId: number; systemId: string })[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    const problem = (reason: string, field?: string) =>
      sweep.report({ source: "records", where: row.system_id, field, reason });
    const def = await table(Number(row.table_id));
    const doc = JSON.parse(row.data) as Values;
    const out = rekeyDocument(rekeying, recordBinding(def.key, row.system_id), doc);
    sweep.checked.values += out.opened;
    // A value that does not open is left as it is, and so is the rest of its record.
    for (const f of out.failures) problem(f.reason, f.field);
    if (out.failures.length > 0) continue;
    const values: Values = {};
    for (const [key, stored] of Object.entries(doc))
      values[key] = isSealed(stored) ? JSON.parse(out.plain.get(key)!) : stored;

    const plan: RecordPlan = { id, data: null, uniqueKey: undefined, lookups: [], resealed: out.resealed };
    if (out.resealed > 0) plan.data = JSON.stringify(out.value);
    if (row.unique_key !== null) {
      sweep.checked.digests++;
      const field =
        def.fields.find((f) => f.type === "document" && f.options.unique) ??
        def.allFields.find((f) => f.type === "document" && f.options.unique);
      const expected = field ? lookupDigest(sweep.blindKey, def, field, values[field.key] ?? null) : null;
      if (expected === null)
        problem("has a one-person-per-document index but no document to recompute it from");
      else if (expected !== row.unique_key) plan.uniqueKey = expected;
    }
    for (const lookup of lookups.filter((l) => Number(l.record_id) === id)) {
      sweep.checked.digests++;
      const field = def.allFields.find((f) => f.id === Number(lookup.field_id));
      const expected = field ? lookupDigest(sweep.blindKey, def, field, values[field.key] ?? null) : null;
      if (expected === null)
        problem("has an exact-lookup index but no value to recompute it from", field?.key);
      else if (expected !== lookup.digest)
        plan.lookups.push({ fieldId: Number(lookup.field_id), digest: expected });
    }
    const digests = (plan.uniqueKey !== undefined ? 1 : 0) + plan.lookups.length;
    if (rekeying.verify) {
      if (digests > 0) problem(`${digests} blind index(es) do not match their values`);
      continue;
    }
    if (plan.data !== null || digests > 0)
      plans.push({ ...plan, tableId: Number(row.table_id), systemId: row.system_id });
  }
  for (const plan of await withoutDuplicates(sweep, db, plans)) {
    if (plan.data !== null || plan.uniqueKey !== undefined)
      await db
        .updateTable("records")
        .set({
          ...(plan.data !== null ? { data: plan.data } : {}),
          ...(plan.uniqueKey !== undefined ? { unique_key: plan.uniqueKey } : {}),
        })
        .where("id", "=", plan.id)
        .execute();
    for (const lookup of plan.lookups)
      await db
        .updateTable("record_lookup")
        .set({ digest: lookup.digest })
        .where("record_id", "=", plan.id)
        .where("field_id", "=", lookup.fieldId)
        .execute();
    sweep.counts.resealed.records += plan.resealed;
    sweep.counts.digests += (plan.uniqueKey !== undefined ? 1 : 0) + plan.lookups.length;
  }
  return { last: Number(rows.at(-1)!.id), rows: rows.length };
}

/**
 * One person per document: while a record is still indexed under the old key, the running app (already
 * on the new one) does not see it and may register the same person again, under the new index. The older
 * record is then left as it is (under the old key) and both are named, for staff to merge.
 */
async function withoutDuplicates<T extends RecordPlan & { tableId: number; systemId: string }>(
  sweep: Sweep,
  db: Executor,
  plans: T[],
): Promise<T[]> {
  const wanted = plans.flatMap((p) => (p.uniqueKey ? [p.uniqueKey] : []));
  if (wanted.length === 0) return plans;
  const holders = await db
    .selectFrom("records")
    .select(["id", "table_id", "system_id", "unique_key"])
    .where("unique_key", "in", wanted)
    .execute();
  return plans.filter((plan) => {
    const holder = holders.find(
      (h) =>
        h.unique_key === plan.uniqueKey && Number(h.table_id) === plan.tableId && Number(h.id) !== plan.id,
    );
    if (!holder) return true;
    sweep.report({
      source: "records",
      where: plan.systemId,
      reason: `the same document as ${holder.system_id}; merge or delete one and run again`,
    });
    return false;
  });
}

/** Version rows and change requests: lists of {field, old, new} bound to their record. */
async function changeLists(sweep: Sweep, db: Executor, source: "versions" | "requests", after: number) {
  const { rekeying } = sweep;
  const table = source === "versions" ? "record_versions" : "change_requests";
  const rows = await lock(
    sweep,
    // Both tables have the columns read here; one of them names the type.
    (db as Kysely<DB>)
      .selectFrom(`${table} as c` as "record_versions as c")
      .leftJoin("records as r", "r.id", "c.record_id")
      .select(["c.id", "c.table_id", "c.changes", "r.system_id"])
      .where("c.id", ">", after)
      .orderBy("c.id")
      .limit(sweep.batch),
  ).execute();
  if (rows.length === 0) return null;
  const tables = tableCache(db);
  const label = source === "versions" ? "version row" : "change request";
  for (const row of rows) {
    // Most version rows hold no sensitive value; they are passed over without parsing.
    if (!row.changes.includes('"$c"')) continue;
    const where = `${row.system_id ?? "?"} (${label} ${row.id})`;
    if (row.system_id === null) {
      sweep.report({ source, where, reason: "belongs to a record that no longer exists" });
      continue;
    }
    const def = await tables(Number(row.table_id));
    const out = rekeyChanges(
      rekeying,
      recordBinding(def.key, row.system_id),
      JSON.parse(row.changes) as Change[],
    );
    sweep.checked.values += out.opened;
    for (const f of out.failures) sweep.report({ source, where, field: f.field, reason: f.reason });
    if (rekeying.verify || out.resealed === 0) continue;
    await db
      .updateTable(table as "record_versions")
      .set({ changes: JSON.stringify(out.value) })
      .where("id", "=", Number(row.id))
      .execute();
    sweep.counts.resealed[source] += out.resealed;
  }
  return { last: Number(rows.at(-1)!.id), rows: rows.length };
}
