// Opting out 退订: a recipient's "unsubscribe" link (and the List-Unsubscribe header, RFC 8058 one-click)
// or staff recording a resident's wish. Kept per channel as a keyed digest of the address (looked up when
// a campaign is queued and again right before a message is sent) plus the address sealed, so a key
// rotation can recompute the digest. Links carry a signed message id, never an address.
//
// During a key rotation (old master keys in LINLI_OLD_SECRET_KEYS) an opt-out is found under the current
// key's digest or an old key's, and a link signed with an old key is still accepted. Once the old key is
// removed, links signed with it STOP WORKING (refused as not valid): the opt-outs themselves were
// recomputed under the new key by `linli keys rotate`, but the links in notices sent before cannot be.
import crypto from "node:crypto";
import { z } from "zod";
import type { Channel } from "../../emails/channels/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { PurposeKeys } from "../core/keys.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { blindIndex } from "../people/crypto/blind-index.server.ts";
import { checkAddress, optOutKey } from "./address.ts";
import { addressAad } from "./queue.server.ts";

/** Seals and opens an opt-out's address, bound to its channel and digest (a rotation re-seals both). */
export const optOutAad = (channel: Channel, digest: string) => ({
  record: `opt-out:${channel}`,
  field: digest,
});

const digestUnder = (keys: PurposeKeys, channel: Channel, address: string) =>
  blindIndex(keys.derive("blind-index"), "notice.opt-out", optOutKey(channel, address));

/** The digest under the current blind-index key: what is stored. */
export function optOutDigest(services: Services, channel: Channel, address: string): string {
  return digestUnder(services.keys, channel, address);
}

/** The current key first, then the old ones of a rotation under way. */
const allKeys = (services: Services): PurposeKeys[] => [services.keys, ...services.keys.previous];

/** Which of the (channel, address) pairs opted out; `at` is passed through. */
export async function optedOutAmong<T extends { channel: Channel; address: string }>(
  services: Services,
  items: readonly T[],
): Promise<T[]> {
  if (items.length === 0) return [];
  // Until the rotation has recomputed an opt-out, it is stored under an old key's digest.
  const keys = allKeys(services);
  const digests = items.map((i) => keys.map((k) => digestUnder(k, i.channel, i.address)));
  const found = new Set<string>();
  const unique = [...new Set(digests.flat())];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await services.db
      .selectFrom("notice_opt_outs")
      .select(["channel", "digest"])
      .where("digest", "in", unique.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(`${r.channel}|${r.digest}`);
  }
  return items.filter((item, i) => digests[i]!.some((d) => found.has(`${item.channel}|${d}`)));
}

async function addOptOut(
  services: Services,
  channel: Channel,
  address: string,
  hint: string,
  via: "unsubscribe-link" | "staff",
  caller: Caller | null,
): Promise<void> {
  const digest = optOutDigest(services, channel, address);
  await services.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("notice_opt_outs")
      .select("digest")
      .where("channel", "=", channel)
      .where("digest", "=", digest)
      .executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto("notice_opt_outs")
      .values({
        channel,
        digest,
        address: services.cipher.encrypt(address, optOutAad(channel, digest)),
        hint,
        via,
        created_at: Date.now(),
      })
      .execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.opted_out",
      data: { channel, hint, via },
      ...(caller ? { caller } : { actorName: hint }),
    });
  });
}

// Unsubscribe links: /unsubscribe/<message id>.<signature>.
const sign = (keys: PurposeKeys, id: number) =>
  crypto
    .createHmac("sha256", keys.derive("notice-link"))
    .update(`unsubscribe:${id}`)
    .digest("base64url")
    .slice(0, 22);

export function unsubscribeToken(services: Services, messageId: number): string {
  return `${messageId}.${sign(services.keys, messageId)}`;
}

const BAD_LINK = "退订链接无效或已过期 / This unsubscribe link is not valid";

async function messageOfToken(services: Services, token: string) {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) throw invalid(BAD_LINK);
  const id = Number(m[1]);
  const given = Buffer.from(m[2]!);
  // Signed by the current key, or by an old one still configured: links sent before a key rotation keep
  // working while the old key stays in LINLI_OLD_SECRET_KEYS, and stop working once it is removed.
  const signed = allKeys(services).some((k) => crypto.timingSafeEqual(Buffer.from(sign(k, id)), given));
  if (!signed) throw invalid(BAD_LINK);
  const row = await services.db
    .selectFrom("campaign_messages")
    .select(["id", "campaign_id", "record_id", "channel", "address", "address_hint"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row?.address) throw invalid(BAD_LINK);
  return row;
}

/** What the unsubscribe page shows before the click: the masked address and channel. */
export async function describeUnsubscribe(services: Services, token: string) {
  const row = await messageOfToken(services, token);
  return { channel: row.channel, address: row.address_hint ?? "" };
}

/** The recipient's click (or their mail program's one-click POST): no sign-in, the link is the proof. */
export async function unsubscribe(services: Services, token: string) {
  const row = await messageOfToken(services, token);
  const address = services.cipher.decrypt(
    row.address!,
    addressAad(Number(row.campaign_id), Number(row.record_id), row.channel),
  );
  await addOptOut(services, row.channel, address, row.address_hint ?? "", "unsubscribe-link", null);
  return { channel: row.channel, address: row.address_hint ?? "" };
}

export const staffOptOutSchema = z.object({
  channel: z.enum(["email", "sms", "fax"], { error: "未知的发送渠道 / Unknown channel" }),
  address: z.string().trim().min(1, "请填写地址或号码 / Type the address or number").max(254),
});

/** Staff record that someone asked not to get a channel's notices (e.g. replied 退订 to an SMS). */
export async function addStaffOptOut(services: Services, caller: Caller, input: unknown) {
  await authorize(services, caller, "notice.send");
  const { channel, address } = parseInput(staffOptOutSchema, input);
  const check = checkAddress(channel, address);
  if (!check?.ok)
    throw invalid("地址或号码无效 / Not a valid address or number", { address: "格式不对 / Not valid" });
  await addOptOut(services, channel, check.address, check.hint, "staff", caller);
  return { channel, address: check.hint };
}

export async function listOptOuts(services: Services, caller: Caller) {
  await authorize(services, caller, "notice.send");
  const rows = await services.db
    .selectFrom("notice_opt_outs")
    .select(["channel", "digest", "hint", "via", "created_at"])
    .orderBy("created_at", "desc")
    .limit(500)
    .execute();
  return rows.map((r) => ({
    channel: r.channel,
    id: r.digest,
    address: r.hint,
    via: r.via,
    createdAt: Number(r.created_at),
  }));
}

export async function removeOptOut(services: Services, caller: Caller, channel: string, id: string) {
  await authorize(services, caller, "notice.configure");
  const row = await services.db
    .selectFrom("notice_opt_outs")
    .select("hint")
    .where("channel", "=", channel)
    .where("digest", "=", id)
    .executeTakeFirst();
  if (!row) throw invalid("没有这条退订记录 / No such opt-out");
  await services.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("notice_opt_outs").where("channel", "=", channel).where("digest", "=", id).execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.opt_out_removed",
      data: { channel, hint: row.hint },
      caller,
    });
  });
}
