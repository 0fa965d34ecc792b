// Rotating the master key end to end, on SQLite and MySQL/MariaDB: people with ID and phone numbers (and a
// sub-table row, a change request, version rows), accounts with mobiles; every value reads back the same
// through the normal read paths during and after the rotation, nothing stays under the old key, and the
// old key can go. A stopped run resumes; a missing or wrong old key is refused before anything changes.
// Mass notices too: queued addresses, opt-outs (digest and address), channel secrets, unsubscribe links.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replicaColumns } from "../../analytics/columns.ts";
import type { StoredRow } from "../../analytics/decode.ts";
import { decodePool, inlinePool } from "../../analytics/decode-pool.server.ts";
import { type TestEnv, testConfig } from "../../tests/support/db.ts";
import { callerFor, orgId } from "../../tests/support/factories.ts";
import { openMobile } from "../auth/account-mobile.server.ts";
import { login } from "../auth/login.server.ts";
import { createServices } from "../core/boot.server.ts";
import type { Config } from "../core/config.server.ts";
import { purposeKeys } from "../core/keys.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { DEMO_PASSWORD } from "../demo/seed.server.ts";
import { createCampaign } from "../notify/campaigns.server.ts";
import { channelSettings, saveChannelSettings } from "../notify/channels.server.ts";
import {
  addStaffOptOut,
  describeUnsubscribe,
  optedOutAmong,
  unsubscribe,
  unsubscribeToken,
} from "../notify/opt-out.server.ts";
import { addressAad, claimDue } from "../notify/queue.server.ts";
import { queueCampaign } from "../notify/queueing.server.ts";
import { createFieldCipher, fieldKeyId } from "../people/crypto/field-cipher.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { recordCodec, type Values } from "../people/records/codec.server.ts";
import { recordHistory } from "../people/records/history.server.ts";
import { getRecord, listRecords, revealValue, subRowsOf } from "../people/records/read.server.ts";
import { createRecord, updateRecord } from "../people/records/write.server.ts";
import { addField } from "../schema/edit-fields.server.ts";
import { createTable } from "../schema/edit-tables.server.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import { readRotation, rotateKeys } from "./rotate.server.ts";
import { keyStatus } from "./status.server.ts";
import { SOURCES } from "./sweep.server.ts";

const hex = () => crypto.randomBytes(32).toString("hex");
const keyA = hex();
const keyB = hex();

let env: TestEnv;
const open: Services[] = [];

async function servicesWith(secretKey: string, oldSecretKeys: string[] = []): Promise<Services> {
  const config: Config = { ...env.config, secretKey, oldSecretKeys };
  const services = await createServices(config);
  open.push(services);
  return services;
}

const ids = [
  buildId("110102", "1961-09-09", "357"),
  buildId("110105", "1985-03-12", "214"),
  buildId("110101", "1990-11-30", "021"),
];
const phones = ["13912345670", "18698765431", "13300001111", "13811112222", "15900003333"];

/** Everything a reader sees of the people, through the read paths the console uses. */
async function readBack(services: Services, people: number[], sub: TableDef) {
  const admin = await callerFor(services, "admin");
  const out = [];
  for (const id of people) {
    out.push({
      view: await getRecord(services, admin, id),
      document: (await revealValue(services, admin, id, "document")).text,
      mobile: (await revealValue(services, admin, id, "mobile")).text,
      history: (await recordHistory(services, admin, id)).entries,
      sub: (await subRowsOf(services, admin, id, [sub]))[0]!.rows,
    });
  }
  return out;
}

/** Every sealed value opened straight from the tables: documents, version rows, requests, mobiles. */
async function everyValue(services: Services) {
  const tables = new Map<number, TableDef>();
  const table = async (id: number) => {
    if (!tables.has(id)) tables.set(id, await loadTable(services.db, id));
    return tables.get(id)!;
  };
  const opened: unknown[] = [];
  for (const r of await services.db.selectFrom("records").selectAll().orderBy("id").execute()) {
    const def = await table(Number(r.table_id));
    const codec = recordCodec(services.cipher, def, r.system_id);
    const doc = JSON.parse(r.data) as Values;
    opened.push([r.system_id, def.allFields.map((f) => codec.open(f, doc[f.key]))]);
  }
  for (const name of ["record_versions", "change_requests"] as const) {
    const rows = await services.db
      .selectFrom(`${name} as c` as "record_versions as c")
      .innerJoin("records as r", "r.id", "c.record_id")
      .select(["c.id", "c.table_id", "c.changes", "r.system_id"])
      .orderBy("c.id")
      .execute();
    for (const v of rows) {
      const def = await table(Number(v.table_id));
      const codec = recordCodec(services.cipher, def, v.system_id);
      const field = (key: string) => def.allFields.find((f) => f.key === key)!;
      const changes = JSON.parse(v.changes) as { field: string; old: unknown; new: unknown }[];
      opened.push([
        name,
        v.id,
        changes.map((c) => [codec.open(field(c.field), c.old), codec.open(field(c.field), c.new)]),
      ]);
    }
  }
  for (const u of await services.db.selectFrom("users").selectAll().orderBy("id").execute())
    opened.push([u.username, openMobile(services.cipher, u.username, u.mobile_sealed)]);
  return opened;
}

/** The stored text of every table the rotation touches, to prove a refusal changed nothing. */
async function storedText(services: Services): Promise<string> {
  const parts = await Promise.all([
    services.db.selectFrom("records").select(["id", "data", "unique_key"]).orderBy("id").execute(),
    services.db.selectFrom("record_lookup").selectAll().orderBy("record_id").orderBy("field_id").execute(),
    services.db.selectFrom("record_versions").select(["id", "changes"]).orderBy("id").execute(),
    services.db.selectFrom("change_requests").select(["id", "changes"]).orderBy("id").execute(),
    services.db.selectFrom("users").select(["id", "mobile_sealed", "mobile_digest"]).orderBy("id").execute(),
    services.db.selectFrom("settings").selectAll().where("key", "like", "keys.%").execute(),
  ]);
  return JSON.stringify(parts);
}

describe("rotating the encryption key", () => {
  const people: number[] = [];
  let sub: TableDef;
  let before: Awaited<ReturnType<typeof readBack>>;
  let valuesBefore: unknown[];

  beforeAll(async () => {
    env = await testConfig({ demo: true, secretKey: keyA });
    const a = await servicesWith(keyA);
    const admin = await callerFor(a, "admin");
    const fengsheng = await callerFor(a, "fengsheng");
    sub = await createTable(a, admin, { name: "紧急联系人", parent: "people" });
    const phoneField = await addField(a, admin, sub.key, {
      label: "联系电话",
      type: "mobile",
      sensitive: true,
    });
    sub = await loadTable(a.db, sub.key);
    // One person as a deployment from before key ids were fingerprints wrote it: under the id "k1".
    const legacy = createFieldCipher({
      keys: new Map([["k1", a.keys.derive("field-encryption")]]),
      current: "k1",
    });
    for (const [i, id] of ids.entries()) {
      const writer: Services = i === 0 ? { ...a, cipher: legacy } : a;
      const person = await createRecord(writer, fengsheng, "people", {
        values: { name: `轮换${i}`, document: id.number, mobile: phones[i] },
      });
      await updateRecord(writer, fengsheng, person.id, {
        values: { mobile: phones[i + 1], emergencyPhone: phones[i + 2] },
      });
      await createRecord(a, fengsheng, sub.key, {
        parentId: person.id,
        values: { [phoneField.key]: phones[4] },
      });
      people.push(person.id);
    }
    await proposeChange(a, fengsheng, people[1]!);
    before = await readBack(a, people, sub);
    valuesBefore = await everyValue(a);
  });
  afterAll(async () => {
    for (const s of open.splice(0)) {
      await s.analytics.close();
      await s.database.close();
    }
    await env.cleanup();
  });

  it("reads the old values with the new key set and the old one kept, before and during the sweep", async () => {
    const b = await servicesWith(keyB, [keyA]);
    expect(await readBack(b, people, sub)).toEqual(before);
    const status = await keyStatus(b);
    expect(status.current).toBe(fieldKeyId(b.keys.derive("field-encryption")));
    const kinds = Object.fromEntries(status.uses.map((u) => [u.kind, u]));
    expect(kinds.old?.opens).toBe("old");
    expect(kinds.legacy?.opens).toBe("old");
    expect(kinds.current).toBeUndefined();
    expect(status.stale).toBeGreaterThan(20);
    // The replica's decoding threads (a full load on more than two cores) get the old keys too.
    const table = await loadTable(b.db, "people");
    const columns = replicaColumns(table.allFields);
    const rows = (await b.db
      .selectFrom("records")
      .select(["id", "system_id", "org_path", "deleted_at", "data"])
      .where("table_id", "=", table.id)
      .execute()) as StoredRow[];
    const pool = await decodePool(b, table, columns, 1);
    try {
      expect(pool.threads).toBe(1);
      expect(await pool.decode(rows)).toEqual(await inlinePool(b, table, columns).decode(rows));
    } finally {
      await pool.close();
    }

    // Stopped after its first batch, as a crash or Ctrl-C would.
    const stop = new Error("stopped");
    await expect(
      rotateKeys(b, {
        batch: 2,
        afterBatch: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await readRotation(b)).toMatchObject({ source: "accounts", after: expect.any(Number) });
    // Half-rotated: the app reads both keys, and what it writes now is under the new one.
    expect(await readBack(b, people, sub)).toEqual(before);
    const fengsheng = await callerFor(b, "fengsheng");
    const late = await createRecord(b, fengsheng, "people", {
      values: {
        name: "轮换中",
        document: buildId("110102", "2001-01-01", "018").number,
        mobile: "13700001234",
      },
    });

    const progress: string[] = [];
    const result = await rotateKeys(b, { batch: 2, onProgress: (p) => progress.push(p.source) });
    expect(result.resumed).toBe(true);
    expect(result.problemCount).toBe(0);
    expect(result.skipped).toEqual([]);
    expect(result.counts.resealed.accounts).toBe(8);
    expect(result.counts.resealed.records).toBeGreaterThanOrEqual(ids.length * 3 + ids.length);
    expect(result.counts.resealed.versions).toBeGreaterThan(0);
    expect(result.counts.resealed.requests).toBe(2);
    expect(result.counts.digests).toBeGreaterThanOrEqual(8 + ids.length * 4);
    expect(new Set(progress)).toEqual(new Set(SOURCES));
    expect(await readRotation(b)).toBeNull();

    expect(await readBack(b, people, sub)).toEqual(before);
    expect((await keyStatus(b)).stale).toBe(0);
    await expectLookupsWork(b, late.id);

    const again = await rotateKeys(b);
    expect(again.upToDate).toBe(true);
    expect(again.problemCount).toBe(0);
    const events = await b.db
      .selectFrom("audit_log")
      .selectAll()
      .where("event", "=", "keys.rotated")
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ keyId: result.keyId, accounts: 8, problems: 0 });
    const log = JSON.stringify(await b.db.selectFrom("audit_log").selectAll().execute());
    for (const key of [keyA, keyB]) expect(log).not.toContain(key);
  });

  it("opens everything once the old key is gone from the environment", async () => {
    const c = await servicesWith(keyB);
    expect(await readBack(c, people, sub)).toEqual(before);
    // Every value opened before opens to the same now; the person added meanwhile (and its version row)
    // are the only new ones.
    const values = (await everyValue(c)).map((v) => JSON.stringify(v));
    for (const v of valuesBefore) expect(values).toContain(JSON.stringify(v));
    expect(values).toHaveLength(valuesBefore.length + 2);
    const oldId = fieldKeyId(purposeKeys(Buffer.from(keyA, "hex")).derive("field-encryption"));
    const stored = await storedText(c);
    expect(stored).not.toContain(`v1.${oldId}.`);
    expect(stored).not.toContain("v1.k1.");
    const status = await keyStatus(c);
    expect(status.uses.map((u) => u.kind)).toEqual(["current"]);
    await expectLookupsWork(c);
  });

  it("refuses a missing or wrong old key before changing anything", async () => {
    const unchanged = await storedText(open.at(-1)!);
    const missing = await servicesWith(hex());
    await expect(rotateKeys(missing)).rejects.toThrow(/Nothing was changed/);
    const wrong = await servicesWith(hex(), [keyA]);
    await expect(rotateKeys(wrong)).rejects.toThrow(/LINLI_OLD_SECRET_KEYS/);
    expect(await storedText(wrong)).toBe(unchanged);
    await expect(servicesWith(keyB, [keyB])).rejects.toThrow(/holds the current master key/);
  });

  it("reports a damaged value and a person registered twice meanwhile, and leaves their records as they were", async () => {
    const d = await servicesWith(hex(), [keyB]);
    const row = await d.db
      .selectFrom("records")
      .selectAll()
      .where("id", "=", people[2]!)
      .executeTakeFirstOrThrow();
    const doc = JSON.parse(row.data) as Record<string, { $c: string }>;
    const envelope = doc.mobile!.$c;
    // A different last tag character: the value is damaged (altered on disk), not under a wrong key.
    const damaged = `${envelope.slice(0, -2)}${envelope.at(-2) === "A" ? "B" : "A"}${envelope.at(-1)}`;
    const data = JSON.stringify({ ...doc, mobile: { $c: damaged } });
    await d.db.updateTable("records").set({ data }).where("id", "=", row.id).execute();
    // The app on the new key does not see person 1's document under the old index and registers it again.
    const first = await d.db
      .selectFrom("records")
      .selectAll()
      .where("id", "=", people[1]!)
      .executeTakeFirstOrThrow();
    const fengsheng = await callerFor(d, "fengsheng");
    const twice = await createRecord(d, fengsheng, "people", {
      values: { name: "重复登记", document: ids[1]!.number },
    });

    const result = await rotateKeys(d, { batch: 3 });
    expect(result.skipped).toContainEqual({
      source: "records",
      where: first.system_id,
      reason: `the same document as ${twice.systemId}; merge or delete one and run again`,
    });
    const untouched = await d.db
      .selectFrom("records")
      .selectAll()
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    expect(untouched.data).toBe(first.data);
    expect(untouched.unique_key).toBe(first.unique_key);
    expect(result.skipped).toContainEqual(
      expect.objectContaining({ source: "records", where: row.system_id, field: "mobile" }),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({ source: "records", where: row.system_id, field: "mobile" }),
    );
    const after = await d.db
      .selectFrom("records")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(after.data).toBe(data);
    expect(after.unique_key).toBe(row.unique_key);
    // Everything else went over; the two records (ID, mobile, emergency phone each) keep the old key needed.
    expect(new Set(result.problems.map((p) => p.where))).toEqual(new Set([row.system_id, first.system_id]));
    expect((await keyStatus(d)).stale).toBe(6);
  });

  /** Blind indexes under the new key: find by phone, one person per document, sign in by mobile. */
  async function expectLookupsWork(services: Services, lateId?: number) {
    const admin = await callerFor(services, "admin");
    const found = await listRecords(services, admin, "people", { q: phones[1] });
    expect(found.rows.map((r) => r.id)).toEqual([people[0]]);
    if (lateId) {
      const late = await listRecords(services, admin, "people", { q: "13700001234" });
      expect(late.rows.map((r) => r.id)).toEqual([lateId]);
    }
    await expect(
      createRecord(services, await callerFor(services, "fengsheng"), "people", {
        values: { name: "重复", document: ids[2]!.number },
      }),
    ).rejects.toThrow(/已登记/);
    const signedIn = await login(services, {
      login: "13900139001",
      password: DEMO_PASSWORD,
      ip: null,
      userAgent: null,
    });
    expect(signedIn.role).toBe("community_admin");
  }
});

describe("rotating the key under mass notices", () => {
  const keyC = hex();
  const keyD = hex();
  const email = "rotate@example.cn";
  // One opt-out the sweep moves to the new digest (email: swept before the SMS ones), one the app records
  // again meanwhile.
  const optedOut = "optout@example.cn";
  const twice = "13800138007";
  const out = (channel: "email" | "sms", address: string) => [{ channel, address }];
  let messageId: number;
  let oldToken: string;

  beforeAll(async () => {
    env = await testConfig({ demo: true, secretKey: keyC });
    const c = await servicesWith(keyC);
    const admin = await callerFor(c, "admin");
    const person = await createRecord(c, admin, "people", {
      orgId: await orgId(c, "第一网格", "丰盛社区"),
      values: { name: "通知轮换", document: ids[0]!.number, email, mobile: phones[0] },
    });
    await (await c.analytics.replica("people")).refresh();
    await saveChannelSettings(c, admin, {
      channel: "sms",
      config: {
        provider: "aliyun",
        accessKeyId: "LTAI-rotate",
        accessKeySecret: "aliyun-secret",
        signName: "金融街街道",
        templateCode: "SMS_1",
      },
    });
    await addStaffOptOut(c, admin, { channel: "email", address: optedOut });
    await addStaffOptOut(c, admin, { channel: "sms", address: twice });
    const campaign = await createCampaign(c, admin, {
      title: "轮换通知",
      channels: ["email"],
      content: { subject: "{{称呼}}好", text: "{{称呼}}您好", html: "<p>{{称呼}}您好</p>", sms: "" },
      audience: { kind: "ids", ids: [person.id] },
    });
    expect(await queueCampaign(c, campaign.id)).toBe(true);
    const row = await c.db
      .selectFrom("campaign_messages")
      .select("id")
      .where("campaign_id", "=", campaign.id)
      .where("status", "=", "queued")
      .executeTakeFirstOrThrow();
    messageId = Number(row.id);
    oldToken = unsubscribeToken(c, messageId);
  });
  afterAll(async () => {
    for (const s of open.splice(0)) {
      await s.analytics.close();
      await s.database.close();
    }
    await env.cleanup();
  });

  it("re-seals addresses and secrets, recomputes opt-outs, and keeps old links while the old key stays", async () => {
    const d = await servicesWith(keyD, [keyC]);
    const old = (await keyStatus(d)).uses.find((u) => u.kind === "old")!;
    expect(old.opens).toBe("old");
    expect(old.values).toMatchObject({ notices: 1, optOuts: 2, channelSettings: 1 });
    // Before the sweep: opt-outs are found under the old key's digest, the old link is accepted.
    expect(await optedOutAmong(d, out("email", optedOut))).toHaveLength(1);
    await expect(describeUnsubscribe(d, oldToken)).resolves.toMatchObject({ channel: "email" });
    // The app on the new key records one opt-out again, under the new digest.
    await addStaffOptOut(d, await callerFor(d, "admin"), { channel: "sms", address: twice });

    // Stopped after the first opt-out, the email one (opt-outs have no id: the position is channel and digest).
    const stop = new Error("stopped");
    const afterBatch = (source: string) => {
      if (source === "optOuts") throw stop;
    };
    await expect(rotateKeys(d, { batch: 1, afterBatch })).rejects.toBe(stop);
    expect(await readRotation(d)).toMatchObject({
      source: "optOuts",
      after: expect.stringMatching(/^email:[0-9a-f]{32}$/),
    });
    const progress: { source: string; done: number; total: number }[] = [];
    const result = await rotateKeys(d, { batch: 1, onProgress: (p) => progress.push(p) });
    expect(result.resumed).toBe(true);
    expect(progress.find((p) => p.source === "optOuts")?.done).toBeGreaterThanOrEqual(1);
    expect(result.problemCount).toBe(0);
    expect(result.counts.resealed).toMatchObject({ notices: 1, optOuts: 1, channelSettings: 1 });
    expect(result.skipped).toEqual([
      expect.objectContaining({ source: "optOuts", reason: expect.stringContaining("opted out again") }),
    ]);
    expect(await d.db.selectFrom("notice_opt_outs").selectAll().execute()).toHaveLength(2);
    const event = await d.db
      .selectFrom("audit_log")
      .select("data")
      .where("event", "=", "keys.rotated")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ notices: 1, optOuts: 1, channelSettings: 1, problems: 0 });
    // After the sweep, the old key still configured: the old link still works.
    await expect(describeUnsubscribe(d, oldToken)).resolves.toMatchObject({ channel: "email" });
  });

  it("works with the new key alone, and refuses links signed with the removed key", async () => {
    const alone = await servicesWith(keyD);
    const status = await keyStatus(alone);
    expect(status.uses.map((u) => u.kind)).toEqual(["current"]);
    expect(status.uses[0]!.values).toMatchObject({ notices: 1, optOuts: 2, channelSettings: 1 });
    const oldId = fieldKeyId(purposeKeys(Buffer.from(keyC, "hex")).derive("field-encryption"));
    const stored = JSON.stringify(
      await Promise.all([
        alone.db.selectFrom("campaign_messages").select("address").execute(),
        alone.db.selectFrom("notice_opt_outs").selectAll().execute(),
        alone.db.selectFrom("settings").selectAll().where("key", "like", "notify.%").execute(),
      ]),
    );
    expect(stored).not.toContain(`v1.${oldId}.`);

    // The queued message's address opens, straight from the row and through the worker's claim.
    const row = await alone.db
      .selectFrom("campaign_messages")
      .selectAll()
      .where("id", "=", messageId)
      .executeTakeFirstOrThrow();
    const aad = addressAad(Number(row.campaign_id), Number(row.record_id), "email");
    expect(alone.cipher.decrypt(row.address!, aad)).toBe(email);
    const [claimed] = await claimDue(alone, "email", 10, "rotate-test");
    expect(claimed).toMatchObject({ id: messageId, to: email });
    expect(await optedOutAmong(alone, out("email", optedOut))).toHaveLength(1);
    expect(await optedOutAmong(alone, out("sms", twice))).toHaveLength(1);
    expect(await optedOutAmong(alone, out("sms", "13800138008"))).toEqual([]);
    expect((await channelSettings(alone, "sms")).config).toMatchObject({ accessKeySecret: "aliyun-secret" });
    const again = await rotateKeys(alone);
    expect(again.upToDate).toBe(true);
    expect(again.problemCount).toBe(0);
    expect(again.verified.values).toBeGreaterThanOrEqual(4);

    // A link signed with a key no longer configured stops working; one signed now works.
    await expect(describeUnsubscribe(alone, oldToken)).rejects.toMatchObject({ kind: "invalid" });
    await expect(unsubscribe(alone, oldToken)).rejects.toMatchObject({ kind: "invalid" });
    const fresh = unsubscribeToken(alone, messageId);
    await expect(unsubscribe(alone, fresh)).resolves.toMatchObject({ channel: "email" });
    expect(await optedOutAmong(alone, out("email", email))).toHaveLength(1);
  });
});

/** A resident's pending change, sealed the way app/selfservice seals it (bound to the record). */
async function proposeChange(services: Services, caller: Caller, recordId: number) {
  const row = await services.db
    .selectFrom("records")
    .selectAll()
    .where("id", "=", recordId)
    .executeTakeFirstOrThrow();
  const table = await loadTable(services.db, Number(row.table_id));
  const codec = recordCodec(services.cipher, table, row.system_id);
  const mobile = table.fields.find((f) => f.key === "mobile")!;
  const now = Date.now();
  await services.db
    .insertInto("change_requests")
    .values({
      table_id: table.id,
      record_id: recordId,
      user_id: caller.actor.id,
      org_path: row.org_path,
      base_version: Number(row.version),
      revision: 1,
      changes: JSON.stringify([
        { field: "mobile", old: codec.seal(mobile, phones[2]), new: codec.seal(mobile, "13512345678") },
      ]),
      status: "pending",
      open_record_id: recordId,
      reason: null,
      applied: null,
      reviewer_id: null,
      created_at: now,
      updated_at: now,
      decided_at: null,
    })
    .execute();
}
