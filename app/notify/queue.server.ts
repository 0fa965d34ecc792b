// The durable queue of campaign messages: one row per recipient and channel (unique, so nothing is queued
// twice), claimed by one process at a time and sent at most once.
//
// A claim is an UPDATE of due `queued` rows to `sending` under a token of this process and batch: the
// row's status test makes it atomic on both databases, so two processes never claim one row. A claim holds
// while its process renews it (`claimed_until`, every few seconds). A row found `sending` with an expired
// claim belonged to a process that died while sending it: it may have reached the recipient, so it is
// not sent again but marked failed with that reason (staff may resend it by hand).
import { sql } from "kysely";
import type { Channel, OutgoingMessage, SendOutcome } from "../../emails/channels/types.ts";
import type { Services } from "../core/services.server.ts";

export const CLAIM_MS = 30_000;
const MAX_ATTEMPTS = 5;
/** 30 s, 2 min, 8 min, 32 min: then the last reason stands. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 4 ** (attempts - 1), 3_600_000);

export const INTERRUPTED =
  "发送过程中服务中断，可能已送达，为避免重复未再发送 / Interrupted while sending; it may have arrived, so it was not sent again";

export interface Claimed extends OutgoingMessage {
  attempts: number;
}

/** Seals and opens a queued address, bound to its campaign, record and channel. */
export const addressAad = (campaignId: number, recordId: number, channel: Channel) => ({
  record: `campaign:${campaignId}:${recordId}`,
  field: channel,
});

/** Claims up to `limit` due messages of the channel whose campaign is sending. */
export async function claimDue(
  services: Services,
  channel: Channel,
  limit: number,
  token: string,
  now = Date.now(),
): Promise<Claimed[]> {
  const due = await services.db
    .selectFrom("campaign_messages as m")
    .innerJoin("campaigns as c", "c.id", "m.campaign_id")
    .select("m.id")
    .where("m.status", "=", "queued")
    .where("m.channel", "=", channel)
    .where("m.next_at", "<=", now)
    .where("c.status", "=", "sending")
    .orderBy("m.id")
    .limit(limit)
    .execute();
  if (due.length === 0) return [];
  await services.db
    .updateTable("campaign_messages")
    .set({ status: "sending", claim: token, claimed_until: now + CLAIM_MS, updated_at: now })
    .where(
      "id",
      "in",
      due.map((d) => Number(d.id)),
    )
    .where("status", "=", "queued")
    .execute();
  const rows = await services.db
    .selectFrom("campaign_messages")
    .selectAll()
    .where("claim", "=", token)
    .where("status", "=", "sending")
    .execute();
  const messages: Claimed[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    const campaignId = Number(r.campaign_id);
    messages.push({
      id,
      campaignId,
      channel: r.channel,
      to: r.address
        ? services.cipher.decrypt(r.address, addressAad(campaignId, Number(r.record_id), r.channel))
        : "",
      toName: r.name,
      subject: r.subject,
      text: r.body,
      html: r.html,
      smsParams: r.params ? (JSON.parse(r.params) as Record<string, string>) : undefined,
      messageId: `<n${id}.c${campaignId}@linli.local>`,
      attempts: Number(r.attempts),
    });
  }
  return messages;
}

/** Renews this process's claims (its batches in flight). */
export async function renewClaims(services: Services, tokenPrefix: string, now = Date.now()) {
  await services.db
    .updateTable("campaign_messages")
    .set({ claimed_until: now + CLAIM_MS })
    .where("status", "=", "sending")
    .where("claim", "like", `${tokenPrefix}%`)
    .execute();
}

/** Marks messages whose process died mid-send: failed, never resent by itself. */
export async function failInterrupted(services: Services, now = Date.now()): Promise<number> {
  const result = await services.db
    .updateTable("campaign_messages")
    .set({ status: "failed", reason: INTERRUPTED, updated_at: now })
    .where("status", "=", "sending")
    .where("claimed_until", "<", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

type Final = { id: number; token: string; attempts: number; provider: string; outcome: SendOutcome };

/** Records how each claimed message went, in one transaction. */
export async function recordOutcomes(services: Services, results: readonly Final[], now = Date.now()) {
  if (results.length === 0) return;
  const sentIds = results.filter((r) => r.outcome.status === "sent" && !r.outcome.providerId);
  await services.db.transaction().execute(async (trx) => {
    // The common case in one statement: accepted without a provider id (SMTP, outbox).
    for (const group of groupsOf(sentIds))
      await trx
        .updateTable("campaign_messages")
        .set({
          status: "sent",
          reason: null,
          sent_at: now,
          updated_at: now,
          attempts: sql`attempts + 1`,
          provider: group[0]!.provider,
        })
        .where(
          "id",
          "in",
          group.map((r) => r.id),
        )
        .where("claim", "=", group[0]!.token)
        .execute();
    for (const r of results) {
      if (r.outcome.status === "sent" && !r.outcome.providerId) continue;
      const attempts = r.attempts + 1;
      const set =
        r.outcome.status === "sent"
          ? { status: "sent" as const, reason: null, sent_at: now, provider_id: r.outcome.providerId ?? null }
          : r.outcome.status === "retry" && attempts < MAX_ATTEMPTS
            ? {
                status: "queued" as const,
                reason: r.outcome.reason.slice(0, 500),
                next_at: now + backoffMs(attempts),
              }
            : {
                status: r.outcome.status === "bounced" ? ("bounced" as const) : ("failed" as const),
                reason: r.outcome.reason.slice(0, 500),
              };
      await trx
        .updateTable("campaign_messages")
        .set({ ...set, attempts, provider: r.provider, updated_at: now })
        .where("id", "=", r.id)
        .where("claim", "=", r.token)
        .execute();
    }
  });
}

/** Sent messages grouped by claim and provider, 500 ids at most per statement. */
function groupsOf(results: readonly Final[]): Final[][] {
  const byKey = new Map<string, Final[]>();
  for (const r of results) {
    const k = `${r.token}|${r.provider}`;
    const list = byKey.get(k) ?? [];
    list.push(r);
    byKey.set(k, list);
  }
  const out: Final[][] = [];
  for (const list of byKey.values())
    for (let i = 0; i < list.length; i += 500) out.push(list.slice(i, i + 500));
  return out;
}

/** Campaigns still `sending` with no message left to send become `done`. */
export async function finishCampaigns(services: Services, now = Date.now()): Promise<number[]> {
  const open = await services.db
    .selectFrom("campaigns as c")
    .select("c.id")
    .where("c.status", "=", "sending")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("campaign_messages as m")
            .select("m.id")
            .whereRef("m.campaign_id", "=", "c.id")
            .where("m.status", "in", ["queued", "sending"]),
        ),
      ),
    )
    .execute();
  const ids = open.map((r) => Number(r.id));
  if (ids.length > 0)
    await services.db
      .updateTable("campaigns")
      .set({ status: "done", finished_at: now, updated_at: now })
      .where("id", "in", ids)
      .where("status", "=", "sending")
      .execute();
  return ids;
}
