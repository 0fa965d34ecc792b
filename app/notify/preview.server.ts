// What the compose page shows before anything is sent: how many people the notice reaches, how many of
// them cannot get it on each chosen channel (no address there; no resident account for in-site
// messages), and the message exactly as one chosen recipient would get it. A template naming an unknown
// field is refused here already.
import { audienceSummary } from "../../analytics/query/audience.server.ts";
import type { Channel } from "../../emails/channels/types.ts";
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { todayInChina } from "../people/normalise/calendar.ts";
import { loadTable } from "../schema/tables.server.ts";
import { resolveAudience } from "./audience.server.ts";
import { previewInputSchema } from "./campaign-input.ts";
import { addressFieldsFor, checkContent } from "./campaigns.server.ts";
import { channelSettings } from "./channels.server.ts";
import { smsLength } from "./content.ts";
import { recipientLoader } from "./recipients.server.ts";

export interface CampaignPreview {
  total: number;
  /** Per chosen channel: recipients it cannot reach (no address / no account). */
  missing: Partial<Record<Channel, number>>;
  /** The people one may preview as (the first 20). */
  choices: { recordId: number; name: string; systemId: string }[];
  message: {
    recordId: number;
    name: string;
    subject: string;
    text: string;
    html: string | null;
    sms: string;
    smsParams: Record<string, string> | null;
    smsLength: { chars: number; segments: number };
  } | null;
}

async function accountsAmong(services: Services, ids: readonly number[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const row = await services.db
      .selectFrom("users")
      .select(({ fn }) => fn.count<number>("person_id").distinct().as("n"))
      .where("person_id", "in", ids.slice(i, i + 1000))
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    n += Number(row.n);
  }
  return n;
}

export async function previewCampaign(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<CampaignPreview> {
  await authorize(services, caller, "notice.send");
  const request = parseInput(previewInputSchema, input);
  const table = await loadTable(services.db, request.table);
  const addressFields = addressFieldsFor(table, request.channels, request.addressFields);
  const prepared = checkContent(table, request.content, request.channels);
  const ids = await resolveAudience(services, caller, table, request.audience);
  const keys = Object.values(addressFields);
  const summary = await audienceSummary(services, caller, table, {}, keys, ids);
  const missing: CampaignPreview["missing"] = {};
  for (const channel of request.channels)
    missing[channel] =
      channel === "inbox"
        ? ids.length - (await accountsAmong(services, ids))
        : (summary.empty[addressFields[channel]!] ?? 0);
  const loader = await recipientLoader(services, table, caller.actor.orgPath, todayInChina(), false);
  const choices = (await loader.load(ids.slice(0, 20))).map((r) => ({
    recordId: r.recordId,
    name: r.name,
    systemId: r.systemId,
  }));
  const chosen = request.recordId && ids.includes(request.recordId) ? request.recordId : ids[0];
  const [recipient] = chosen ? await loader.load([chosen]) : [];
  let message: CampaignPreview["message"] = null;
  if (recipient) {
    const rendered = prepared.render(recipient.merge);
    message = {
      recordId: recipient.recordId,
      name: recipient.name,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      sms: rendered.sms,
      smsParams: rendered.smsParams ?? null,
      smsLength: smsLength(rendered.sms, await smsSignName(services)),
    };
  }
  return { total: ids.length, missing, choices, message };
}

/** The 签名 a configured SMS platform prefixes to every message (【金融街街道】), counted in the length. */
async function smsSignName(services: Services): Promise<string | undefined> {
  const { config } = await channelSettings(services, "sms");
  return "signName" in config && typeof config.signName === "string" ? config.signName : undefined;
}
