// The outbox 发件箱: where every channel delivers while nothing is configured (and the demo always), so
// staff can read exactly what would have gone out — emails as .eml files a mail program opens.
import { z } from "zod";
import { readOutboxFile } from "../../emails/channels/outbox.ts";
import type { Channel } from "../../emails/channels/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { outboxDir } from "./adapters.server.ts";

export const outboxQuerySchema = z.object({
  channel: z.enum(["email", "sms", "fax"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export interface OutboxItem {
  id: number;
  campaign: { id: number; title: string };
  channel: Channel;
  name: string;
  address: string | null;
  subject: string;
  text: string;
  html: string | null;
  sentAt: number | null;
  file: string | null;
}

function scoped(services: Services, caller: Caller) {
  return services.db
    .selectFrom("campaign_messages as m")
    .innerJoin("campaigns as c", "c.id", "m.campaign_id")
    .where("m.provider", "=", "outbox")
    .where("m.status", "=", "sent")
    .where("c.org_path", "like", `${caller.actor.orgPath}%`);
}

export async function listOutbox(
  services: Services,
  caller: Caller,
  input: unknown = {},
): Promise<OutboxItem[]> {
  await authorize(services, caller, "notice.send");
  const { channel, limit, before } = parseInput(outboxQuerySchema, input);
  let q = scoped(services, caller)
    .select([
      "m.id",
      "m.campaign_id",
      "c.title",
      "m.channel",
      "m.name",
      "m.address_hint",
      "m.subject",
      "m.body",
      "m.html",
      "m.sent_at",
      "m.provider_id",
    ])
    .orderBy("m.id", "desc")
    .limit(limit);
  if (channel) q = q.where("m.channel", "=", channel);
  if (before) q = q.where("m.id", "<", before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    campaign: { id: Number(r.campaign_id), title: r.title },
    channel: r.channel,
    name: r.name,
    address: r.address_hint,
    subject: r.subject,
    text: r.body,
    html: r.html,
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
    file: r.provider_id,
  }));
}

/** One outbox message's file (.eml / .txt) to download; the read is logged. */
export async function outboxFile(
  services: Services,
  caller: Caller,
  id: number,
): Promise<{ name: string; type: string; body: Buffer }> {
  await authorize(services, caller, "notice.send");
  const row = await scoped(services, caller)
    .select(["m.id", "m.campaign_id", "m.provider_id"])
    .where("m.id", "=", id)
    .executeTakeFirst();
  const body = row?.provider_id ? await readOutboxFile(outboxDir(services), row.provider_id) : null;
  if (!row || !body) throw notFound("发件箱里没有这封消息 / No such message in the outbox");
  await recordAudit(services.db, services.dialect, {
    event: "notice.outbox_read",
    data: { message: id, campaign: Number(row.campaign_id) },
    caller,
  });
  const eml = row.provider_id!.endsWith(".eml");
  return {
    name: `notice-${id}.${eml ? "eml" : "txt"}`,
    type: eml ? "message/rfc822" : "text/plain; charset=utf-8",
    body,
  };
}
