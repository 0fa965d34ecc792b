// What a mass notice asks for, as the console's compose page and the API send it: to whom (a selection,
// a filter, a saved view, a recipient group), on which channels, with which content, and when. Pure and
// isomorphic: the compose page validates with the same schemas.
import { z } from "zod";
import { CHANNELS } from "../../emails/channels/types.ts";
import { viewQuerySchema } from "../query/view.ts";
import { campaignContentSchema } from "./content.ts";

const id = z.number().int().positive();
const key = z.string().trim().min(1).max(80);

export const audienceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("ids"),
      ids: z
        .array(id)
        .min(1, "请至少选择一人 / Select at least one person")
        .max(100_000, "一次最多选择 10 万人，请改用筛选条件 / At most 100,000 people: use a filter instead"),
    }),
    z.object({ kind: z.literal("query"), query: viewQuerySchema }),
    z.object({ kind: z.literal("view"), view: id }),
    z.object({ kind: z.literal("group"), group: id }),
  ],
  { error: "请选择收件人 / Choose the recipients" },
);
export type Audience = z.infer<typeof audienceSchema>;

const channel = z.enum(CHANNELS, { error: "未知的发送渠道 / Unknown channel" });

export const campaignInputSchema = z.object({
  table: key.default("people"),
  title: z.string().trim().min(1, "请填写群发标题 / Give the notice a title").max(200),
  channels: z
    .array(channel)
    .min(1, "请至少选择一个发送渠道 / Choose at least one channel")
    .max(4)
    .transform((list) => [...new Set(list)]),
  content: campaignContentSchema,
  audience: audienceSchema,
  /** Which field holds each channel's address; default: the table's first email / mobile / fax field. */
  addressFields: z.partialRecord(z.enum(["email", "sms", "fax"]), key).optional(),
  /** When to send (epoch ms); absent or past: now. */
  sendAt: z.number().int().positive().optional(),
});
export type CampaignInput = z.input<typeof campaignInputSchema>;

export const previewInputSchema = campaignInputSchema.extend({
  title: z.string().trim().max(200).default(""),
  /** The recipient to preview as; default: the first one. */
  recordId: id.optional(),
});

/** A message's states, in the order a report lists them. */
export const MESSAGE_STATUSES = [
  "queued",
  "sending",
  "sent",
  "failed",
  "bounced",
  "opted_out",
  "cancelled",
] as const;
export type MessageStatusName = (typeof MESSAGE_STATUSES)[number];
