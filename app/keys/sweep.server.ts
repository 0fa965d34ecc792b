// One batch of one kind of stored row, brought under the current key: sealed values re-sealed (rekey.ts)
// and blind indexes recomputed from the opened values. A rotation runs each batch in one transaction that
// first takes the write lock (SQLite) or locks the rows it reads (MySQL), so a save by the running app
// waits for it instead of being overwritten. A verification runs the same code with a cipher that holds
// only the current key and writes nothing: whatever it would change is a problem.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder, Transaction } from "kysely";
import type { DB } from "../../db/types.ts";
import { SECRET_KEYS } from "../../emails/channels/config.ts";
import type { Channel } from "../../emails/channels/types.ts";
import { mobileColumns, mobileDigest, openMobile } from "../auth/account-mobile.server.ts";
import type { Services } from "../core/services.server.ts";
import { aad as channelSecretAad } from "../notify/channels.server.ts";
import { optOutAad, optOutDigest } from "../notify/opt-out.server.ts";
import { addressAad } from "../notify/queue.server.ts";
import { lookupDigest, type Values } from "../people/records/codec.server.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import {
  type Change,
  isSealed,
  type Problem,
  type Rekeying,
  rekeyChanges,
  rekeyDocument,
  rekeyEnvelope,
} from "./rekey.ts";

/**
 * In the order swept: account mobiles and opt-outs first (sign-in by mobile and the opt-out check need
 * their indexes), then record documents, version rows, change requests, the queued notices' addresses
 * (`campaign_messages.address`) and the notice channels' secrets (`settings`, `notify.channel.*`).
 */
export const SOURCES = [
  "accounts",
  "optOuts",
  "records",
  "versions",
  "requests",
  "notices",
  "channelSettings",
] as const;
export type Source = (typeof SOURCES)[number];

/** Where a sweep stands in a source: the last id handled, or the last key of rows without one; 0 at first. */
export type Cursor = number | string;

export interface Counts {
  /** Sealed values written again under the current key, per kind of row. */
  resealed: Record<Source, number>;
  /** Blind indexes rewritten (records.unique_key, record_lookup, users.mobile_digest, notice_opt_outs.digest). */
  digests: number;
}

/** A zero per source. */
export const perSource = (): Record<Source, number> =>
  Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>;

export const noCounts = (): Counts => ({ resealed: perSource(), digests: 0 });

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

/** The rows after `after`: the last one handled and how many, or null when none were left. */
export function sweepBatch(
  sweep: Sweep,
  db: Executor,
  source: Source,
  after: Cursor,
): Promise<{ last: Cursor; rows: number } | null> {
  if (source === "accounts") return accounts(sweep, db, Number(after));
  if (source === "optOuts") return optOuts(sweep, db, after);
  if (source === "records") return records(sweep, db, Number(after));
  if (source === "notices") return notices(sweep, db, Number(after));
  if (source === "channelSettings") return channelSettings(sweep, db, after);
  return changeLists(sweep, db, source, Number(after));
}

const TABLES = {
  accounts: "users",
  records: "records",
  versions: "record_versions",
  requests: "change_requests",
  notices: "campaign_messages",
} as const;

const CHANNEL_SETTING = "notify.channel.";

/** How many rows a source has, in all or up to `upTo` (progress of a resumed run). */
export async function sourceSize(db: Executor, source: Source, upTo?: Cursor): Promise<number> {
  const count = (eb: ExpressionBuilder<DB, keyof DB>) => eb.fn.countAll<number>().as("n");
  if (source === "optOuts") {
    let q = db.selectFrom("notice_opt_outs").select(count);
    if (typeof upTo === "string") q = q.where((eb) => eb.not(afterOptOut(eb, upTo)));
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
  if (source === "channelSettings") {
    let q = db.selectFrom("settings").select(count).where("key", "like", `${CHANNEL_SETTING}%`);
    if (typeof upTo === "string") q = q.where("key", "<=", upTo);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
  // One table's columns are enough for the type: the other sources have an integer id.
  let q = (db as Kysely<DB>).selectFrom(TABLES[source] as "users").select(count);
  if (upTo !== undefined) q = q.where("id", "<=", Number(upTo));
  if (source === "accounts") q = q.where("mobile_sealed", "is not", null);
  if (source === "notices") q = q.where("address" as "mobile_sealed", "is not", null);
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

/** Opt-outs have no id: they are taken in (channel, digest) order, the cursor "<channel>:<digest>". */
function afterOptOut(eb: ExpressionBuilder<DB, "notice_opt_outs">, cursor: Cursor) {
  if (typeof cursor !== "string") return eb.lit(true);
  const [channel, digest] = [cursor.slice(0, cursor.indexOf(":")), cursor.slice(cursor.indexOf(":") + 1)];
  return eb.or([
    eb("channel", ">", channel),
    eb.and([eb("channel", "=", channel), eb("digest", ">", digest)]),
  ]);
}

/**
 * Opt-outs: the address re-sealed and the digest recomputed. The address is bound to the digest, so a new
 * digest re-seals it too. A row rewritten here may come round again later in the same pass (its new
 * digest sorts after the cursor); it is then under the current key and left alone.
 */
async function optOuts(sweep: Sweep, db: Executor, after: Cursor) {
  const { rekeying } = sweep;
  const rows = await lock(
    sweep,
    db
      .selectFrom("notice_opt_outs")
      .select(["channel", "digest", "address", "hint"])
      .where((eb) => afterOptOut(eb, after))
      .orderBy("channel")
      .orderBy("digest")
      .limit(sweep.batch),
  ).execute();
  if (rows.length === 0) return null;
  for (const row of rows) {
    const channel = row.channel as Channel;
    const problem = (reason: string) =>
      sweep.report({ source: "optOuts", where: `${channel} ${row.hint}`, field: "address", reason });
    const done = rekeyEnvelope(rekeying, row.address, optOutAad(channel, row.digest));
    if ("failure" in done) {
      problem(done.failure);
      continue;
    }
    sweep.checked.values++;
    sweep.checked.digests++;
    const digest = optOutDigest(sweep.services, channel, done.plain);
    const moved = digest !== row.digest;
    if (rekeying.verify) {
      if (moved) problem("blind index does not match the address");
      continue;
    }
    if (!moved && !done.resealed) continue;
    if (moved) {
      // The running app, already on the new key, may have recorded the same opt-out again meanwhile.
      const twin = await db
        .selectFrom("notice_opt_outs")
        .select("digest")
        .where("channel", "=", channel)
        .where("digest", "=", digest)
        .executeTakeFirst();
      if (twin) {
        await db
          .deleteFrom("notice_opt_outs")
          .where("channel", "=", row.channel)
          .where("digest", "=", row.digest)
          .execute();
        problem("opted out again under the new key: the older entry was removed, the newer one kept");
        continue;
      }
    }
    await db
      .updateTable("notice_opt_outs")
      .set({
        digest,
        address: moved ? rekeying.cipher.encrypt(done.plain, optOutAad(channel, digest)) : done.envelope,
      })
      .where("channel", "=", row.channel)
      .where("digest", "=", row.digest)
      .execute();
    sweep.counts.resealed.optOuts++;
    if (moved) sweep.counts.digests++;
  }
  const last = rows.at(-1)!;
  return { last: `${last.channel}:${last.digest}`, rows: rows.length };
}

/** Queued notices: each message's address, bound to its campaign, record and channel. */
async function notices(sweep: Sweep, db: Executor, after: number) {
  const { rekeying } = sweep;
  const rows = await lock(
    sweep,
    db
      .selectFrom("campaign_messages")
      .select(["id", "campaign_id", "record_id", "channel", "address"])
      .where("id", ">", after)
      .where("address", "is not", null)
      .orderBy("id")
      .limit(sweep.batch),
  ).execute();
  if (rows.length === 0) return null;
  for (const row of rows) {
    const aad = addressAad(Number(row.campaign_id), Number(row.record_id), row.channel);
    const done = rekeyEnvelope(rekeying, row.address!, aad);
    if ("failure" in done) {
      const where = `campaign ${row.campaign_id} message ${row.id}`;
      sweep.report({ source: "notices", where, field: row.channel, reason: done.failure });
      continue;
    }
    sweep.checked.values++;
    if (rekeying.verify || !done.resealed) continue;
    await db
      .updateTable("campaign_messages")
      .set({ address: done.envelope })
      .where("id", "=", Number(row.id))
      .execute();
    sweep.counts.resealed.notices++;
  }
  return { last: Number(rows.at(-1)!.id), rows: rows.length };
}

/** The notice channels' settings: the secret fields of each one's config (app/notify/channels.server.ts). */
async function channelSettings(sweep: Sweep, db: Executor, after: Cursor) {
  const { rekeying } = sweep;
  const rows = await lock(
    sweep,
    db
      .selectFrom("settings")
      .select(["key", "value"])
      .where("key", "like", `${CHANNEL_SETTING}%`)
      .where("key", ">", typeof after === "string" ? after : "")
      .orderBy("key")
      .limit(sweep.batch),
  ).execute();
  if (rows.length === 0) return null;
  for (const row of rows) {
    const channel = row.key.slice(CHANNEL_SETTING.length) as Channel;
    const stored = JSON.parse(row.value) as { config: Record<string, unknown> };
    const config = { ...stored.config };
    let resealed = 0;
    for (const k of SECRET_KEYS) {
      const sealed = config[k];
      if (!isSealed(sealed)) continue;
      const done = rekeyEnvelope(rekeying, sealed.$c, channelSecretAad(channel, k));
      if ("failure" in done) {
        sweep.report({ source: "channelSettings", where: row.key, field: k, reason: done.failure });
        continue;
      }
      sweep.checked.values++;
      if (!done.resealed) continue;
      config[k] = { $c: done.envelope };
      resealed++;
    }
    if (rekeying.verify || resealed === 0) continue;
    await db
      .updateTable("settings")
      .set({ value: JSON.stringify({ ...stored, config }) })
      .where("key", "=", row.key)
      .execute();
    sweep.counts.resealed.channelSettings += resealed;
  }
  return { last: rows.at(-1)!.key, rows: rows.length };
}
