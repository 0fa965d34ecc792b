// Mass notices 一键群发: a campaign is made (content checked against the table's fields before anything is
// queued), queued in the background (queueing.server.ts) at once or at its time, sent by the worker, and
// can be paused, resumed, cancelled and its failures resent. Campaigns are seen inside the maker's scope.

import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/types.ts";
import type { Channel } from "../../emails/channels/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import { describeAudience } from "./audience.server.ts";
import {
  type CampaignInput,
  campaignInputSchema,
  MESSAGE_STATUSES,
  type MessageStatusName,
} from "./campaign-input.ts";
import type { CampaignContent } from "./content.ts";
import { mergeFieldNames, prepareContent } from "./merge.ts";
import { wakeNotices } from "./wake.server.ts";

export type AddressChannel = Exclude<Channel, "inbox">;
export type AddressFields = Partial<Record<AddressChannel, string>>;

const ADDRESS_TYPES: Record<AddressChannel, readonly string[]> = {
  email: ["email"],
  sms: ["mobile"],
  fax: ["text", "mobile"],
};

/** Which field each chosen channel reads its address from: the given one, else the table's first fitting. */
export function addressFieldsFor(
  table: TableDef,
  channels: readonly Channel[],
  given: AddressFields = {},
): AddressFields {
  const out: AddressFields = {};
  for (const channel of channels) {
    if (channel === "inbox") continue;
    const wanted = given[channel];
    const field = wanted
      ? table.fields.find((f) => f.key === wanted || f.label === wanted)
      : channel === "fax"
        ? table.fields.find((f) => f.label.includes("传真"))
        : table.fields.find((f) => f.type === ADDRESS_TYPES[channel][0]);
    const name = { email: "电子邮箱 / email", sms: "手机号码 / mobile", fax: "传真号码 / fax" }[channel];
    if (!field)
      throw invalid(
        `「${table.name}」没有${name.split(" / ")[0]}字段，请指定 / The table has no ${name.split(" / ")[1]} field: choose one`,
        {
          [`addressFields.${channel}`]: `请选择存放${name.split(" / ")[0]}的字段 / Choose the field`,
        },
      );
    if (!ADDRESS_TYPES[channel].includes(field.type))
      throw invalid(
        `「${field.label}」不能作为${name.split(" / ")[0]} / "${field.label}" cannot hold a ${name.split(" / ")[1]}`,
        {
          [`addressFields.${channel}`]: `字段类型不符 / Wrong field type`,
        },
      );
    out[channel] = field.key;
  }
  return out;
}

/** The content checked against the table's merge fields: a 400 naming any unknown field. */
export function checkContent(table: TableDef, content: CampaignContent, channels: readonly Channel[]) {
  if (channels.includes("sms") && !(content.sms ?? content.text).trim())
    throw invalid("请填写短信内容 / Type the SMS text", { "content.sms": "短信内容为空 / Empty" });
  if (channels.includes("email") && !content.subject.trim())
    throw invalid("请填写邮件主题 / Type the email subject", { "content.subject": "主题为空 / Empty" });
  return prepareContent(content, mergeFieldNames(table));
}

export interface CampaignRequest {
  table: TableDef;
  title: string;
  channels: Channel[];
  content: CampaignContent;
  audience: z.infer<typeof campaignInputSchema>["audience"];
  addressFields: AddressFields;
  sendAt: number;
}

/** Parses and checks a campaign as asked (also what a preview shows). */
export async function checkCampaign(services: Services, input: unknown): Promise<CampaignRequest> {
  const request = parseInput(campaignInputSchema, input);
  const table = await loadTable(services.db, request.table);
  const addressFields = addressFieldsFor(table, request.channels, request.addressFields);
  checkContent(table, request.content, request.channels);
  const now = Date.now();
  if (request.sendAt && request.sendAt > now + 366 * 86_400_000)
    throw invalid("定时发送最多提前一年 / Schedule at most a year ahead", {
      sendAt: "时间太远 / Too far ahead",
    });
  return {
    table,
    title: request.title,
    channels: request.channels,
    content: request.content,
    audience: request.audience,
    addressFields,
    sendAt: request.sendAt && request.sendAt > now ? request.sendAt : now,
  };
}

/** Inserts the campaign row (scheduled or queueing) and its log event. */
export async function insertCampaign(
  db: Kysely<DB>,
  services: Services,
  caller: Caller,
  request: CampaignRequest,
  rule?: { id: number; runKey: string },
): Promise<number> {
  const now = Date.now();
  return db.transaction().execute(async (trx) => {
    const { insertId } = await trx
      .insertInto("campaigns")
      .values({
        table_id: request.table.id,
        title: request.title,
        status: request.sendAt > now + 1000 ? "scheduled" : "queueing",
        channels: request.channels.join(","),
        content: JSON.stringify(request.content),
        audience: JSON.stringify(request.audience),
        address_fields: JSON.stringify(request.addressFields),
        org_id: caller.actor.orgId,
        org_path: caller.actor.orgPath,
        created_by: caller.actor.id,
        created_at: now,
        send_at: request.sendAt,
        rule_id: rule?.id ?? null,
        run_key: rule?.runKey ?? null,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    const id = Number(insertId);
    await recordAudit(trx, services.dialect, {
      event: "notice.campaign_created",
      data: {
        campaign: id,
        title: request.title,
        channels: request.channels,
        audience: describeAudience(request.audience),
        sendAt: request.sendAt,
        ...(rule ? { rule: rule.id } : {}),
      },
      caller,
      target: { type: "campaign", id },
    });
    return id;
  });
}

export async function createCampaign(
  services: Services,
  caller: Caller,
  input: CampaignInput | unknown,
): Promise<CampaignView> {
  await authorize(services, caller, "notice.send");
  const request = await checkCampaign(services, input);
  await authorize(services, caller, "record.read");
  const id = await insertCampaign(services.db, services, caller, request);
  services.usage.count("notice.campaign", caller.actor.orgPath);
  wakeNotices(services);
  return getCampaign(services, caller, id);
}

export interface CampaignView {
  id: number;
  title: string;
  status: string;
  table: { key: string; name: string };
  channels: Channel[];
  audience: string;
  content: CampaignContent;
  sendAt: number;
  createdAt: number;
  createdBy: string;
  rule: number | null;
  /** Recipients resolved, and how many of them are rendered into the queue so far. */
  total: number;
  queued: number;
  error: string | null;
  finishedAt: number | null;
  /** Per channel: messages by status. */
  counts: Partial<Record<Channel, Partial<Record<MessageStatusName, number>>>>;
}

async function reachCampaign(services: Services, caller: Caller, id: number) {
  const row = await services.db
    .selectFrom("campaigns as c")
    .innerJoin("users as u", "u.id", "c.created_by")
    .innerJoin("data_tables as t", "t.id", "c.table_id")
    .selectAll("c")
    .select(["u.display_name as creator", "t.key as table_key", "t.name as table_name"])
    .where("c.id", "=", id)
    .where("c.org_path", "like", `${caller.actor.orgPath}%`)
    .executeTakeFirst();
  if (!row) throw notFound("没有这次群发 / No such notice");
  return row;
}

type CampaignRow = Awaited<ReturnType<typeof reachCampaign>>;

async function countsOf(services: Services, ids: readonly number[]) {
  const out = new Map<number, CampaignView["counts"]>();
  if (ids.length === 0) return out;
  const rows = await services.db
    .selectFrom("campaign_messages")
    .select(({ fn }) => ["campaign_id", "channel", "status", fn.countAll<number>().as("n")])
    .where("campaign_id", "in", [...ids])
    .groupBy(["campaign_id", "channel", "status"])
    .execute();
  for (const r of rows) {
    const counts = out.get(Number(r.campaign_id)) ?? {};
    const channel = counts[r.channel] ?? {};
    channel[r.status] = Number(r.n);
    counts[r.channel] = channel;
    out.set(Number(r.campaign_id), counts);
  }
  return out;
}

function present(row: CampaignRow, counts: CampaignView["counts"]): CampaignView {
  return {
    id: Number(row.id),
    title: row.title,
    status: row.status,
    table: { key: row.table_key, name: row.table_name },
    channels: row.channels.split(",") as Channel[],
    audience: describeAudience(JSON.parse(row.audience)),
    content: JSON.parse(row.content) as CampaignContent,
    sendAt: Number(row.send_at),
    createdAt: Number(row.created_at),
    createdBy: row.creator,
    rule: row.rule_id === null ? null : Number(row.rule_id),
    total: Number(row.total),
    queued: Number(row.queued),
    error: row.error,
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    counts,
  };
}

export async function getCampaign(services: Services, caller: Caller, id: number): Promise<CampaignView> {
  await authorize(services, caller, "notice.send");
  const row = await reachCampaign(services, caller, id);
  return present(row, (await countsOf(services, [id])).get(id) ?? {});
}

export const listCampaignsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  rule: z.coerce.number().int().positive().optional(),
});

export async function listCampaigns(
  services: Services,
  caller: Caller,
  input: unknown = {},
): Promise<CampaignView[]> {
  await authorize(services, caller, "notice.send");
  const { limit, before, rule } = parseInput(listCampaignsSchema, input);
  let q = services.db
    .selectFrom("campaigns as c")
    .innerJoin("users as u", "u.id", "c.created_by")
    .innerJoin("data_tables as t", "t.id", "c.table_id")
    .selectAll("c")
    .select(["u.display_name as creator", "t.key as table_key", "t.name as table_name"])
    .where("c.org_path", "like", `${caller.actor.orgPath}%`)
    .orderBy("c.id", "desc")
    .limit(limit);
  if (before) q = q.where("c.id", "<", before);
  if (rule) q = q.where("c.rule_id", "=", rule);
  const rows = await q.execute();
  const counts = await countsOf(
    services,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => present(r, counts.get(Number(r.id)) ?? {}));
}

export const messagesQuerySchema = z.object({
  status: z.enum(MESSAGE_STATUSES).optional(),
  channel: z.enum(["email", "sms", "fax", "inbox"]).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface MessageView {
  id: number;
  channel: Channel;
  recordId: number;
  systemId: string;
  name: string;
  /** Masked: 138****8000. */
  address: string | null;
  status: MessageStatusName;
  reason: string | null;
  attempts: number;
  provider: string | null;
  sentAt: number | null;
  updatedAt: number;
}

/** Each recipient's status (per channel), paged. */
export async function listCampaignMessages(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown = {},
): Promise<{ total: number; items: MessageView[] }> {
  await authorize(services, caller, "notice.send");
  await reachCampaign(services, caller, id);
  const { status, channel, offset, limit } = parseInput(messagesQuerySchema, input);
  let q = services.db.selectFrom("campaign_messages").where("campaign_id", "=", id);
  if (status) q = q.where("status", "=", status);
  if (channel) q = q.where("channel", "=", channel);
  const [total, rows] = await Promise.all([
    q.select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    q
      .select([
        "id",
        "channel",
        "record_id",
        "system_id",
        "name",
        "address_hint",
        "status",
        "reason",
        "attempts",
        "provider",
        "sent_at",
        "updated_at",
      ])
      .orderBy("id")
      .offset(offset)
      .limit(limit)
      .execute(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      recordId: Number(r.record_id),
      systemId: r.system_id,
      name: r.name,
      address: r.address_hint,
      status: r.status,
      reason: r.reason,
      attempts: Number(r.attempts),
      provider: r.provider,
      sentAt: r.sent_at === null ? null : Number(r.sent_at),
      updatedAt: Number(r.updated_at),
    })),
  };
}

type Control = "pause" | "resume" | "cancel" | "retry";

const FROM: Record<Control, readonly string[]> = {
  pause: ["sending", "queueing", "scheduled"],
  resume: ["paused"],
  cancel: ["scheduled", "queueing", "sending", "paused"],
  retry: ["done", "sending", "paused"],
};

const REFUSED: Record<Control, string> = {
  pause: "这次群发已结束，无法暂停 / The notice has ended: nothing to pause",
  resume: "这次群发没有暂停 / The notice is not paused",
  cancel: "这次群发已结束，无法取消 / The notice has ended: nothing to cancel",
  retry: "这次群发已取消或尚未发送 / The notice was cancelled or has not been sent yet",
};

/** Pause, resume, cancel, or resend the failed messages of a campaign. */
export async function controlCampaign(
  services: Services,
  caller: Caller,
  id: number,
  action: Control,
): Promise<CampaignView> {
  await authorize(services, caller, "notice.send");
  const row = await reachCampaign(services, caller, id);
  if (!FROM[action].includes(row.status)) throw conflict(REFUSED[action]);
  const now = Date.now();
  await services.db.transaction().execute(async (trx) => {
    const data = { campaign: id, title: row.title };
    if (action === "pause") {
      // A paused queueing or scheduled campaign resumes as it was: queueing is re-entered from the start.
      await trx
        .updateTable("campaigns")
        .set({ status: "paused", lease_until: null, updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, services.dialect, { event: "notice.campaign_paused", data, caller });
    } else if (action === "resume") {
      const queuedAll = Number(row.total) > 0 && Number(row.queued) >= Number(row.total);
      await trx
        .updateTable("campaigns")
        .set({
          status: queuedAll ? "sending" : row.send_at > now ? "scheduled" : "queueing",
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, services.dialect, { event: "notice.campaign_resumed", data, caller });
    } else if (action === "cancel") {
      const result = await trx
        .updateTable("campaign_messages")
        .set({ status: "cancelled", reason: null, updated_at: now })
        .where("campaign_id", "=", id)
        .where("status", "=", "queued")
        .executeTakeFirst();
      await trx
        .updateTable("campaigns")
        .set({ status: "cancelled", finished_at: now, lease_until: null, updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, services.dialect, {
        event: "notice.campaign_cancelled",
        data: { ...data, messages: Number(result.numUpdatedRows) },
        caller,
      });
    } else {
      // Resend what failed for a reason that may have passed (not invalid addresses, not opt-outs).
      const result = await trx
        .updateTable("campaign_messages")
        .set({ status: "queued", next_at: now, attempts: 0, updated_at: now })
        .where("campaign_id", "=", id)
        .where("status", "in", ["failed", "bounced"])
        .where("address", "is not", null)
        .executeTakeFirst();
      const messages = Number(result.numUpdatedRows);
      if (messages === 0) throw conflict("没有可以重发的消息 / Nothing to resend");
      await trx
        .updateTable("campaigns")
        .set({ status: row.status === "paused" ? "paused" : "sending", finished_at: null, updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, services.dialect, {
        event: "notice.campaign_retried",
        data: { ...data, messages },
        caller,
      });
    }
  });
  wakeNotices(services);
  return getCampaign(services, caller, id);
}
