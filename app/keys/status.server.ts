// Which key ids the stored sealed values are under (`linli keys status`, and the check a rotation makes
// before it changes anything). Counting reads the stored text without opening anything; a few values of
// each id are opened as samples, to tell whether the configured keys really open them.
import type { Kysely } from "kysely";
import type { DB } from "../../db/types.ts";
import type { Channel } from "../../emails/channels/types.ts";
import { openMobile } from "../auth/account-mobile.server.ts";
import type { Services } from "../core/services.server.ts";
import { aad as channelSecretAad } from "../notify/channels.server.ts";
import { optOutAad } from "../notify/opt-out.server.ts";
import { addressAad } from "../notify/queue.server.ts";
import {
  type FieldCipher,
  fieldCipherFromKeys,
  fieldKeyId,
  LEGACY_KEY_ID,
} from "../people/crypto/field-cipher.server.ts";
import { type Change, isSealed, keyIdsIn } from "./rekey.ts";
import { perSource, SOURCES, type Source } from "./sweep.server.ts";

const SCAN_BATCH = 5000;
const SAMPLES = 3;

export interface KeyUse {
  id: string;
  /** current: the key new values are sealed under; old: a configured old key; legacy: "k1" (see field-cipher). */
  kind: "current" | "old" | "legacy" | "unknown";
  values: Record<Source, number>;
  total: number;
  /** Whether the sampled values open with the configured keys (and with which): "no" when none does. */
  opens: "current" | "old" | "no" | "not sampled";
}

export interface KeyStatus {
  current: string;
  old: string[];
  uses: KeyUse[];
  /** Sealed values not under the current key id. */
  stale: number;
}

interface Sample {
  open(cipher: FieldCipher): void;
}

export async function keyStatus(services: Services): Promise<KeyStatus> {
  const current = services.cipher.currentKeyId;
  const old = services.keys.previous.map((k) => fieldKeyId(k.derive("field-encryption")));
  const counts = new Map<string, Record<Source, number>>();
  const samples = new Map<string, Sample[]>();
  const count = (source: Source, id: string) => {
    const c = counts.get(id) ?? perSource();
    c[source]++;
    counts.set(id, c);
  };
  const wantSample = (id: string) => id !== current && (samples.get(id)?.length ?? 0) < SAMPLES;
  const addSample = (id: string, sample: Sample) => samples.set(id, [...(samples.get(id) ?? []), sample]);
  await scan(services.db, count, wantSample, addSample);

  // One cipher per key, so a sample tells which key opens it (legacy "k1" values name none).
  const justCurrent = fieldCipherFromKeys({ derive: services.keys.derive });
  const oldOnes = services.keys.previous.map((k) => fieldCipherFromKeys({ derive: k.derive }));
  const uses = [...counts].map(([id, values]): KeyUse => {
    const kind =
      id === current ? "current" : old.includes(id) ? "old" : id === LEGACY_KEY_ID ? "legacy" : "unknown";
    const taken = samples.get(id) ?? [];
    // A wrong key opens none of them; one damaged value must not look like a wrong key.
    const openWith = (cipher: FieldCipher) => taken.some((s) => opens(s, cipher));
    const opensAs =
      id === current
        ? "current"
        : taken.length === 0
          ? "not sampled"
          : openWith(justCurrent)
            ? "current"
            : oldOnes.some(openWith)
              ? "old"
              : "no";
    const total = SOURCES.reduce((n, s) => n + values[s], 0);
    return { id, kind, values, total, opens: opensAs };
  });
  uses.sort((a, b) => b.total - a.total);
  const stale = uses.filter((u) => u.id !== current).reduce((n, u) => n + u.total, 0);
  return { current, old, uses, stale };
}

function opens(sample: Sample, cipher: FieldCipher): boolean {
  try {
    sample.open(cipher);
    return true;
  } catch {
    return false;
  }
}

async function scan(
  db: Kysely<DB>,
  count: (source: Source, id: string) => void,
  wantSample: (id: string) => boolean,
  addSample: (id: string, sample: Sample) => void,
) {
  const tableKeys = new Map(
    (await db.selectFrom("data_tables").select(["id", "key"]).execute()).map((t) => [Number(t.id), t.key]),
  );
  const binding = (tableId: number, systemId: string) => `${tableKeys.get(tableId)}/${systemId}`;

  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom("users")
      .select(["id", "username", "mobile_sealed"])
      .where("id", ">", after)
      .where("mobile_sealed", "is not", null)
      .orderBy("id")
      .limit(SCAN_BATCH)
      .execute();
    if (rows.length === 0) break;
    after = Number(rows.at(-1)!.id);
    for (const row of rows) {
      const id = keyIdOf(row.mobile_sealed!);
      count("accounts", id);
      if (wantSample(id)) addSample(id, { open: (c) => openMobile(c, row.username, row.mobile_sealed) });
    }
  }

  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom("records")
      .select(["id", "table_id", "system_id", "data"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(SCAN_BATCH)
      .execute();
    if (rows.length === 0) break;
    after = Number(rows.at(-1)!.id);
    for (const row of rows) {
      const ids = keyIdsIn(row.data);
      for (const id of ids) count("records", id);
      for (const id of new Set(ids.filter(wantSample))) {
        const found = Object.entries(JSON.parse(row.data) as Record<string, unknown>).find(
          ([, v]) => isSealed(v) && v.$c.split(".")[1] === id,
        );
        if (!found) continue;
        const [field, stored] = found as [string, { $c: string }];
        const record = binding(Number(row.table_id), row.system_id);
        addSample(id, { open: (c) => c.decrypt(stored.$c, { record, field }) });
      }
    }
  }

  for (const source of ["versions", "requests"] as const) {
    const table = source === "versions" ? "record_versions" : "change_requests";
    for (let after = 0; ; ) {
      const rows = await db
        .selectFrom(`${table} as c` as "record_versions as c")
        .leftJoin("records as r", "r.id", "c.record_id")
        .select(["c.id", "c.table_id", "c.changes", "r.system_id"])
        .where("c.id", ">", after)
        .orderBy("c.id")
        .limit(SCAN_BATCH)
        .execute();
      if (rows.length === 0) break;
      after = Number(rows.at(-1)!.id);
      for (const row of rows) {
        const ids = keyIdsIn(row.changes);
        for (const id of ids) count(source, id);
        if (row.system_id === null) continue;
        for (const id of new Set(ids.filter(wantSample))) {
          const record = binding(Number(row.table_id), row.system_id);
          for (const c of JSON.parse(row.changes) as Change[]) {
            const stored = [c.old, c.new].find((v) => isSealed(v) && v.$c.split(".")[1] === id);
            if (!isSealed(stored)) continue;
            addSample(id, { open: (cipher) => cipher.decrypt(stored.$c, { record, field: c.field }) });
            break;
          }
        }
      }
    }
  }

  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom("campaign_messages")
      .select(["id", "campaign_id", "record_id", "channel", "address"])
      .where("id", ">", after)
      .where("address", "is not", null)
      .orderBy("id")
      .limit(SCAN_BATCH)
      .execute();
    if (rows.length === 0) break;
    after = Number(rows.at(-1)!.id);
    for (const row of rows) {
      const id = keyIdOf(row.address!);
      count("notices", id);
      const aad = addressAad(Number(row.campaign_id), Number(row.record_id), row.channel);
      if (wantSample(id)) addSample(id, { open: (c) => c.decrypt(row.address!, aad) });
    }
  }

  // Opt-outs and channel settings are few (people who asked; one row per channel): read at once.
  for (const row of await db
    .selectFrom("notice_opt_outs")
    .select(["channel", "digest", "address"])
    .execute()) {
    const id = keyIdOf(row.address);
    count("optOuts", id);
    const aad = optOutAad(row.channel as Channel, row.digest);
    if (wantSample(id)) addSample(id, { open: (c) => c.decrypt(row.address, aad) });
  }

  const settings = await db
    .selectFrom("settings")
    .select(["key", "value"])
    .where("key", "like", "notify.channel.%")
    .execute();
  for (const row of settings) {
    for (const id of keyIdsIn(row.value)) count("channelSettings", id);
    const channel = row.key.slice("notify.channel.".length) as Channel;
    const config = (JSON.parse(row.value) as { config: Record<string, unknown> }).config;
    for (const [k, v] of Object.entries(config)) {
      if (!isSealed(v)) continue;
      const id = keyIdOf(v.$c);
      if (wantSample(id)) addSample(id, { open: (c) => c.decrypt(v.$c, channelSecretAad(channel, k)) });
    }
  }
}

/** The key id an envelope names (`v1.<key id>.…`). */
const keyIdOf = (envelope: string) => envelope.split(".")[1] ?? "?";
