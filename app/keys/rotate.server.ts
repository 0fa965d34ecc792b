// `linli keys rotate`: after the master key changed (LINLI_SECRET_KEY new, the old one in
// LINLI_OLD_SECRET_KEYS), every sealed value is re-sealed under the new key and every blind index
// recomputed from the opened values — account mobiles first (sign-in by mobile needs their index), then
// notice opt-outs (address and digest), record documents of every table, version rows, change requests,
// the addresses of queued notices (`campaign_messages`) and the notice channels' secrets (`settings`).
// Batches of one transaction each; the position is kept in `settings` so a stopped run resumes, and a
// finished one leaves nothing to do. At the end a read-only pass opens every value with the new key alone
// and compares every index with a recomputation: what it reports is left exactly as it was. The replica
// snapshot is sealed under a key derived from the master key; it is simply not used with the new key and
// rebuilt on the next start. Unsubscribe links are signed, not sealed: nothing to rewrite; those signed
// with the old key are accepted while it stays configured and stop working once it is removed
// (app/notify/opt-out.server.ts).
import { recordAudit } from "../audit/log.server.ts";
import { invalid } from "../core/errors.ts";
import type { Services } from "../core/services.server.ts";
import { fieldCipherFromKeys } from "../people/crypto/field-cipher.server.ts";
import type { Problem } from "./rekey.ts";
import { type KeyStatus, keyStatus } from "./status.server.ts";
import {
  type Counts,
  type Cursor,
  noCounts,
  SOURCES,
  type Source,
  type Sweep,
  sourceSize,
  sweepBatch,
} from "./sweep.server.ts";

/** The settings row holding a rotation's position; present only while one is under way. */
export const ROTATION_SETTING = "keys.rotation";
const BATCH = 500;
const LISTED = 50;

interface State {
  /** The key id the rotation brings values under; another current key starts over. */
  to: string;
  source: Source | "done";
  after: Cursor;
  counts: Counts;
}

export interface RotateOptions {
  batch?: number;
  /** After each batch, and once when a kind of row is done. */
  onProgress?(progress: { source: Source; done: number; total: number; verifying: boolean }): void;
  /** Tests: runs after each committed batch; throwing stops the run there, as a crash would. */
  afterBatch?(source: Source): void | Promise<void>;
}

export interface RotateResult {
  keyId: string;
  /** The sweep went on from where a stopped run left it. */
  resumed: boolean;
  /** Nothing was under an old key and no sweep was pending: only the verification ran. */
  upToDate: boolean;
  /** The whole rotation's work, earlier stopped runs included. */
  counts: Counts;
  /** Rows the sweep left as they were (a value that does not open, a duplicate), first ones. */
  skipped: Problem[];
  verified: { values: number; digests: number };
  /** What the verification found not under the new key or not matching; first ones. */
  problems: Problem[];
  problemCount: number;
}

export async function readRotation(services: Services): Promise<State | null> {
  const row = await services.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", ROTATION_SETTING)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as State) : null;
}

export async function rotateKeys(services: Services, options: RotateOptions = {}): Promise<RotateResult> {
  const { db } = services;
  const current = services.cipher.currentKeyId;
  const status = await keyStatus(services);
  refuseUnreadable(status);

  const saved = await readRotation(services);
  let state = saved?.to === current && saved.source !== "done" ? saved : null;
  // A run stopped by an older version counted fewer kinds of rows.
  if (state) state.counts.resealed = { ...noCounts().resealed, ...state.counts.resealed };
  const resumed = state !== null;
  const upToDate = state === null && status.stale === 0;
  const skipped: Problem[] = [];
  state ??= { to: current, source: "accounts", after: 0, counts: noCounts() };

  if (!upToDate) {
    await saveState(services, state, saved !== null);
    const sweep = newSweep(services, options, false, state.counts, (p) => {
      if (skipped.length < LISTED) skipped.push(p);
    });
    for (const source of SOURCES.slice(SOURCES.indexOf(state.source as Source))) {
      const total = await sourceSize(db, source);
      let done = state.after !== 0 ? await sourceSize(db, source, state.after) : 0;
      for (;;) {
        const at: State = state;
        const batch = await db.transaction().execute(async (trx) => {
          // The first statement writes, so SQLite takes its write lock before anything is read.
          await trx
            .updateTable("settings")
            .set({ value: JSON.stringify(at) })
            .where("key", "=", ROTATION_SETTING)
            .execute();
          const handled = await sweepBatch(sweep, trx, source, at.after);
          if (handled) {
            state = { ...at, source, after: handled.last };
            await trx
              .updateTable("settings")
              .set({ value: JSON.stringify(state) })
              .where("key", "=", ROTATION_SETTING)
              .execute();
          }
          return handled;
        });
        if (!batch) break;
        done += batch.rows;
        options.onProgress?.({ source, done, total, verifying: false });
        await options.afterBatch?.(source);
      }
      options.onProgress?.({ source, done, total, verifying: false });
      const next = SOURCES[SOURCES.indexOf(source) + 1] ?? "done";
      state = { ...state, source: next, after: 0 };
      await saveState(services, state, true);
    }
  }

  const verified = await verify(services, options);
  const counts = state.counts;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("settings").where("key", "=", ROTATION_SETTING).execute();
    if (upToDate) return;
    await recordAudit(trx, services.dialect, {
      event: "keys.rotated",
      data: {
        keyId: current,
        accounts: counts.resealed.accounts,
        records: counts.resealed.records,
        versions: counts.resealed.versions,
        requests: counts.resealed.requests,
        notices: counts.resealed.notices,
        optOuts: counts.resealed.optOuts,
        channelSettings: counts.resealed.channelSettings,
        digests: counts.digests,
        problems: verified.problemCount,
      },
      actorName: "cli",
      orgPath: null,
    });
  });
  services.log.info(
    { keyId: current, resealed: counts.resealed, digests: counts.digests, problems: verified.problemCount },
    "key rotation finished",
  );
  return { keyId: current, resumed, upToDate, counts, skipped, ...verified };
}

/** Before anything is changed: every key id in use must be one the configured keys open. */
function refuseUnreadable(status: KeyStatus): void {
  const missing = status.uses.filter((u) => u.kind === "unknown" || u.opens === "no");
  if (missing.length === 0) return;
  const list = missing.map((u) => `${u.id} (${u.total})`).join(", ");
  throw invalid(
    `有加密值无法用已配置的密钥打开（密钥编号及数量：${list}）：请在 LINLI_OLD_SECRET_KEYS 中提供加密它们时的旧密钥。未做任何修改。 / ` +
      `Sealed values do not open with the configured keys (key id and count: ${list}): give the old key they were sealed with in LINLI_OLD_SECRET_KEYS. Nothing was changed.`,
  );
}

function newSweep(
  services: Services,
  options: RotateOptions,
  verifying: boolean,
  counts: Counts,
  report: (p: Problem) => void,
): Sweep {
  // Verification opens with the new key alone: what it opens still opens once the old key is gone.
  const cipher = verifying ? fieldCipherFromKeys({ derive: services.keys.derive }) : services.cipher;
  return {
    services,
    rekeying: { cipher, current: services.cipher.currentKeyId, verify: verifying },
    blindKey: services.keys.derive("blind-index"),
    batch: options.batch ?? BATCH,
    counts,
    checked: { values: 0, digests: 0 },
    report,
  };
}

async function verify(services: Services, options: RotateOptions) {
  const problems: Problem[] = [];
  let problemCount = 0;
  const sweep = newSweep(services, options, true, noCounts(), (p) => {
    problemCount++;
    if (problems.length < LISTED) problems.push(p);
  });
  for (const source of SOURCES) {
    const total = await sourceSize(services.db, source);
    let done = 0;
    for (let after: Cursor = 0; ; ) {
      const batch = await sweepBatch(sweep, services.db, source, after);
      if (!batch) break;
      after = batch.last;
      done += batch.rows;
      options.onProgress?.({ source, done, total, verifying: true });
    }
    options.onProgress?.({ source, done, total, verifying: true });
  }
  return { verified: sweep.checked, problems, problemCount };
}

async function saveState(services: Services, state: State, exists: boolean): Promise<void> {
  const value = JSON.stringify(state);
  if (exists)
    await services.db.updateTable("settings").set({ value }).where("key", "=", ROTATION_SETTING).execute();
  else await services.db.insertInto("settings").values({ key: ROTATION_SETTING, value }).execute();
}
