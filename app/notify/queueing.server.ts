// Queueing a campaign: its audience resolved in its maker's scope, each recipient's message rendered and
// written into the queue in batches, with progress. One process does it (a lease on the campaign row,
// renewed per batch); when that process dies another takes over and starts again from the first batch,
// which adds nothing twice (messages are unique per campaign, channel and record).
import type { DateMatch } from "../../analytics/query/audience.server.ts";
import type { Channel } from "../../emails/channels/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { loadActor } from "../auth/actor.server.ts";
import { isAppError } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { todayInChina } from "../people/normalise/calendar.ts";
import { loadTable } from "../schema/tables.server.ts";
import { checkAddress } from "./address.ts";
import { resolveAudience } from "./audience.server.ts";
import type { Audience } from "./campaign-input.ts";
import { type AddressFields, checkContent } from "./campaigns.server.ts";
import type { CampaignContent } from "./content.ts";
import { optedOutAmong } from "./opt-out.server.ts";
import { addressAad } from "./queue.server.ts";
import { recipientLoader } from "./recipients.server.ts";

const LEASE_MS = 60_000;
const BATCH = 1000;
const INSERT_ROWS = 100;

const NO_ADDRESS: Record<Exclude<Channel, "inbox">, string> = {
  email: "没有电子邮箱 / No email address",
  sms: "没有手机号码 / No mobile number",
  fax: "没有传真号码 / No fax number",
};
const INVALID_ADDRESS: Record<Exclude<Channel, "inbox">, string> = {
  email: "电子邮箱无效 / Not a valid email address",
  sms: "手机号码无效 / Not a valid mobile number",
  fax: "传真号码无效 / Not a valid fax number",
};
const NO_ACCOUNT = "未注册居民账号，收不到站内信 / No resident account for in-site messages";
const OPTED_OUT = "本人已退订 / Opted out";

/** Takes the campaign's queueing when it is due and nobody (alive) holds it. */
async function claim(services: Services, id: number, now: number): Promise<boolean> {
  const result = await services.db
    .updateTable("campaigns")
    .set({ status: "queueing", lease_until: now + LEASE_MS, updated_at: now })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "scheduled"), eb("send_at", "<=", now)]),
        eb.and([
          eb("status", "=", "queueing"),
          eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Campaigns whose queueing is due: scheduled ones whose time came, and those nobody alive queues. */
export async function dueForQueueing(services: Services, now = Date.now()): Promise<number[]> {
  const rows = await services.db
    .selectFrom("campaigns")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "scheduled"), eb("send_at", "<=", now)]),
        eb.and([
          eb("status", "=", "queueing"),
          eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]),
        ]),
      ]),
    )
    .orderBy("id")
    .limit(20)
    .execute();
  return rows.map((r) => Number(r.id));
}

type Tally = Record<string, number>;
const add = (t: Tally, k: string, n = 1) => {
  t[k] = (t[k] ?? 0) + n;
};

/**
 * Queues one campaign if this process can take it. Returns false when another holds it or it is not due.
 * A campaign whose content no longer fits the table (a field removed since) fails with that message.
 */
export async function queueCampaign(services: Services, id: number, date?: DateMatch): Promise<boolean> {
  const now = Date.now();
  if (!(await claim(services, id, now))) return false;
  const row = await services.db
    .selectFrom("campaigns")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  try {
    const actor = await loadActor(services.db, Number(row.created_by));
    if (!actor) throw new Error("the campaign's maker has no active account");
    const caller: Caller = { actor, ip: null, via: "system" };
    const table = await loadTable(services.db, Number(row.table_id));
    const channels = row.channels.split(",") as Channel[];
    const content = JSON.parse(row.content) as CampaignContent;
    const prepared = checkContent(table, content, channels);
    const audience = JSON.parse(row.audience) as Audience & { date?: DateMatch };
    const ids = await resolveAudience(services, caller, table, audience, date ?? audience.date);
    await services.db
      .updateTable("campaigns")
      .set({ total: ids.length, queued: 0, updated_at: Date.now() })
      .where("id", "=", id)
      .execute();
    const fields = JSON.parse(row.address_fields) as AddressFields;
    const loader = await recipientLoader(
      services,
      table,
      actor.orgPath,
      todayInChina(),
      channels.includes("inbox"),
    );
    const tally = { messages: 0, missing: {} as Tally, invalid: {} as Tally, optedOut: {} as Tally };
    for (let at = 0; at < ids.length; at += BATCH) {
      if (!(await stillQueueing(services, id))) return true;
      const recipients = await loader.load(ids.slice(at, at + BATCH));
      const stamp = Date.now();
      const rows: Parameters<typeof insertMessages>[1] = [];
      const addresses: { channel: Channel; address: string; at: number }[] = [];
      for (const r of recipients) {
        const rendered = prepared.render(r.merge);
        for (const channel of channels) {
          const base = {
            campaign_id: id,
            channel,
            record_id: r.recordId,
            system_id: r.systemId,
            name: r.name.slice(0, 100),
            subject: rendered.subject.slice(0, 300),
            body: channel === "sms" ? rendered.sms : rendered.text,
            html: channel === "email" ? rendered.html : null,
            params:
              channel === "sms" && rendered.smsParams && Object.keys(rendered.smsParams).length
                ? JSON.stringify(rendered.smsParams)
                : null,
            attempts: 0,
            next_at: stamp,
            updated_at: stamp,
          };
          if (channel === "inbox") {
            const account = r.accounts[0];
            rows.push(
              account === undefined
                ? { ...base, address: null, address_hint: null, status: "failed", reason: NO_ACCOUNT }
                : {
                    ...base,
                    address: services.cipher.encrypt(String(account), addressAad(id, r.recordId, channel)),
                    address_hint: `账号 #${account}`,
                    status: "queued",
                    reason: null,
                  },
            );
            if (account === undefined) add(tally.missing, channel);
            continue;
          }
          const key = fields[channel];
          const check = key ? checkAddress(channel, r.values[key]) : null;
          if (!check?.ok) {
            add(check ? tally.invalid : tally.missing, channel);
            rows.push({
              ...base,
              address: null,
              address_hint: check?.hint ?? null,
              status: "failed",
              reason: check ? INVALID_ADDRESS[channel] : NO_ADDRESS[channel],
            });
            continue;
          }
          addresses.push({ channel, address: check.address, at: rows.length });
          rows.push({
            ...base,
            address: services.cipher.encrypt(check.address, addressAad(id, r.recordId, channel)),
            address_hint: check.hint,
            status: "queued",
            reason: null,
          });
        }
      }
      for (const hit of await optedOutAmong(services, addresses)) {
        const target = rows[hit.at]!;
        target.status = "opted_out";
        target.reason = OPTED_OUT;
        add(tally.optedOut, hit.channel);
      }
      tally.messages += rows.filter((r) => r.status === "queued").length;
      await insertMessages(services, rows);
      await services.db
        .updateTable("campaigns")
        .set({
          queued: Math.min(ids.length, at + BATCH),
          lease_until: Date.now() + LEASE_MS,
          updated_at: Date.now(),
        })
        .where("id", "=", id)
        .execute();
    }
    await services.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable("campaigns")
        .set({ status: "sending", lease_until: null, queued: ids.length, updated_at: Date.now() })
        .where("id", "=", id)
        .where("status", "=", "queueing")
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return;
      await recordAudit(trx, services.dialect, {
        event: "notice.campaign_queued",
        data: { campaign: id, recipients: ids.length, ...tally },
        caller,
        target: { type: "campaign", id },
      });
    });
    return true;
  } catch (error) {
    const message = isAppError(error)
      ? error.message
      : "排队时出错，请查看服务器日志 / Queueing failed: see the server log";
    if (!isAppError(error)) services.log.error({ err: error, campaign: id }, "queueing a campaign failed");
    await services.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("campaigns")
        .set({
          status: "failed",
          error: message.slice(0, 1000),
          lease_until: null,
          finished_at: Date.now(),
          updated_at: Date.now(),
        })
        .where("id", "=", id)
        .execute();
      await trx
        .updateTable("campaign_messages")
        .set({ status: "cancelled", updated_at: Date.now() })
        .where("campaign_id", "=", id)
        .where("status", "=", "queued")
        .execute();
      await recordAudit(trx, services.dialect, {
        event: "notice.campaign_failed",
        data: { campaign: id, title: row.title, error: message.slice(0, 300) },
        actorName: "system",
        target: { type: "campaign", id },
      });
    });
    return true;
  }
}

/** Paused or cancelled meanwhile: stop queueing (a resume starts it again). */
async function stillQueueing(services: Services, id: number): Promise<boolean> {
  const row = await services.db
    .selectFrom("campaigns")
    .select("status")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.status === "queueing";
}

type MessageRow = {
  campaign_id: number;
  channel: Channel;
  record_id: number;
  system_id: string;
  name: string;
  address: string | null;
  address_hint: string | null;
  subject: string;
  body: string;
  html: string | null;
  params: string | null;
  status: "queued" | "failed" | "opted_out";
  reason: string | null;
  attempts: number;
  next_at: number;
  updated_at: number;
};

/** Multi-row inserts that skip rows queued before (a resumed queueing). */
async function insertMessages(services: Services, rows: MessageRow[]) {
  for (let i = 0; i < rows.length; i += INSERT_ROWS)
    await services.dialect
      .insertIgnore(services.db.insertInto("campaign_messages").values(rows.slice(i, i + INSERT_ROWS)))
      .execute();
}
