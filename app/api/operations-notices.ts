// Registry entries for mass notices 一键群发 (app/notify/): campaigns and their per-recipient report,
// preview, rules, recipient groups, opt-outs, the outbox, the templates and the channels' settings.
// Spread into OPERATIONS.
import { z } from "zod";
import { campaignInputSchema, previewInputSchema } from "../notify/campaign-input.ts";
import { listCampaignsSchema, messagesQuerySchema } from "../notify/campaigns.server.ts";
import { channelTestSchema } from "../notify/channel-test.server.ts";
import { channelSettingsInputSchema } from "../notify/channels.server.ts";
import { createGroupSchema } from "../notify/groups.server.ts";
import { staffOptOutSchema } from "../notify/opt-out.server.ts";
import { outboxQuerySchema } from "../notify/outbox.server.ts";
import { ruleInputSchema, ruleUpdateSchema } from "../notify/rules.server.ts";
import type { ApiOperation, Text } from "./operations.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });
const time = z.number().int().describe("毫秒时间戳 / Epoch milliseconds");
const channel = z.enum(["email", "sms", "fax", "inbox"]);
const statusCounts = z.record(z.string(), z.number().int());

export const campaignSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    status: z
      .enum(["scheduled", "queueing", "sending", "paused", "done", "cancelled", "failed"])
      .describe("scheduled 定时、queueing 生成中、sending 发送中、paused、done、cancelled、failed"),
    table: z.object({ key: z.string(), name: z.string() }),
    channels: z.array(channel),
    audience: z.string(),
    content: z.object({ subject: z.string(), text: z.string() }).passthrough(),
    sendAt: time,
    createdAt: time,
    createdBy: z.string(),
    rule: z.number().int().nullable(),
    total: z.number().int(),
    queued: z.number().int(),
    error: z.string().nullable(),
    finishedAt: time.nullable(),
    counts: z
      .record(z.string(), statusCounts)
      .describe("每个渠道各状态的条数 / Messages by channel and status"),
  })
  .meta({ id: "Campaign", description: "一次群发 / One mass notice" });

const messageSchema = z.object({
  id: z.number().int(),
  channel,
  recordId: z.number().int(),
  systemId: z.string(),
  name: z.string(),
  address: z.string().nullable().describe("脱敏的地址 / Masked address"),
  status: z.enum(["queued", "sending", "sent", "failed", "bounced", "opted_out", "cancelled"]),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  provider: z.string().nullable(),
  sentAt: time.nullable(),
  updatedAt: time,
});

const previewSchema = z.object({
  total: z.number().int(),
  missing: z.record(z.string(), z.number().int()),
  choices: z.array(z.object({ recordId: z.number().int(), name: z.string(), systemId: z.string() })),
  message: z
    .object({
      recordId: z.number().int(),
      name: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string().nullable(),
      sms: z.string(),
      smsParams: z.record(z.string(), z.string()).nullable(),
      smsLength: z.object({ chars: z.number().int(), segments: z.number().int() }),
    })
    .nullable(),
});

const ruleSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(["birthday", "before_date"]),
    table: z.string(),
    field: z.object({ key: z.string(), label: z.string() }).nullable(),
    daysBefore: z.number().int(),
    runAt: z.string(),
    channels: z.array(channel),
    paused: z.boolean(),
    nextRunAt: time.nullable(),
    lastRunAt: time.nullable(),
    createdBy: z.string(),
  })
  .passthrough()
  .meta({ id: "NoticeRule", description: "定时规则 / A rule" });

const groupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  table: z.string(),
  members: z.number().int(),
  createdAt: time,
});

const channelSettingsSchema = z
  .object({
    channel,
    config: z.object({ provider: z.string() }).passthrough(),
    secretsSet: z
      .array(z.string())
      .describe("已设置的密钥项（不返回内容）/ Secrets that are set (never shown)"),
    ratePerMinute: z.number().int(),
    quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    updatedAt: time.nullable(),
  })
  .meta({ id: "ChannelSettings", description: "发送渠道设置 / A channel's settings" });

const example = {
  title: "寒潮降温提醒",
  channels: ["email", "inbox"],
  content: {
    subject: "{{称呼}}，寒潮来了请注意保暖",
    text: "{{称呼}}您好：本周寒潮来袭，{{社区}}提醒您注意保暖，如有需要请联系社区。",
    sms: "{{称呼}}您好，本周寒潮来袭，请注意保暖。",
  },
  audience: { kind: "view", view: 1 },
};

const control = (action: "pause" | "resume" | "cancel" | "retry", zh: string, en: string) =>
  ({
    operationId: `${action}Campaign` as const,
    method: "POST",
    path: `/notices/{id}/${action}` as const,
    tag: "notices",
    summary: ok(zh, en),
    access: "notice.send",
    success: { status: 200, description: ok("群发", "The notice"), schema: campaignSchema },
    errors: [401, 403, 404, 409],
  }) as const;

export const NOTICE_OPERATIONS = [
  {
    operationId: "listCampaigns",
    method: "GET",
    path: "/notices",
    tag: "notices",
    summary: ok("管理范围内的群发，最新在前", "Mass notices in your scope, newest first"),
    access: "notice.send",
    query: listCampaignsSchema,
    queryHelp: {
      limit: ok("最多条数，默认 50", "At most this many, default 50"),
      before: ok("只看编号小于此值的（翻页）", "Only ids below this (paging)"),
      rule: ok("只看某条定时规则发出的", "Only those a rule started"),
    },
    success: { status: 200, description: ok("群发列表", "The notices"), schema: z.array(campaignSchema) },
    errors: [400, 401, 403],
  },
  {
    operationId: "createCampaign",
    method: "POST",
    path: "/notices",
    tag: "notices",
    summary: ok(
      "新建群发：立即或定时发送（模板里有未知字段时 400，什么都不排队）",
      "Send a notice now or at a time (a template naming an unknown field: 400, nothing queued)",
    ),
    access: "notice.send",
    body: { schema: campaignInputSchema, required: true, example },
    success: { status: 201, description: ok("已建的群发", "The notice"), schema: campaignSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "previewCampaign",
    method: "POST",
    path: "/notices/preview",
    tag: "notices",
    summary: ok(
      "预览：收件人数、各渠道缺少地址的人数、以某位收件人身份看到的消息",
      "Preview: recipients, how many lack an address per channel, the message as one recipient gets it",
    ),
    access: "notice.send",
    body: { schema: previewInputSchema, required: true, example },
    success: { status: 200, description: ok("预览", "The preview"), schema: previewSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "getCampaign",
    method: "GET",
    path: "/notices/{id}",
    tag: "notices",
    summary: ok("一次群发及各渠道各状态的条数", "One notice with counts per channel and status"),
    access: "notice.send",
    success: { status: 200, description: ok("群发", "The notice"), schema: campaignSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listCampaignMessages",
    method: "GET",
    path: "/notices/{id}/messages",
    tag: "notices",
    summary: ok("每位收件人的发送状态", "Each recipient's status"),
    access: "notice.send",
    query: messagesQuerySchema,
    queryHelp: {
      status: ok("只看某状态", "Only this status"),
      channel: ok("只看某渠道", "Only this channel"),
      offset: ok("跳过条数", "Skip this many"),
      limit: ok("最多条数，默认 100", "At most this many, default 100"),
    },
    success: {
      status: 200,
      description: ok("收件人状态", "Recipients' status"),
      schema: z.object({ total: z.number().int(), items: z.array(messageSchema) }),
    },
    errors: [400, 401, 403, 404],
  },
  control("pause", "暂停群发", "Pause the notice"),
  control("resume", "继续已暂停的群发", "Resume a paused notice"),
  control("cancel", "取消群发：尚未发出的不再发送", "Cancel: what has not gone out stays unsent"),
  control("retry", "重发失败的消息", "Resend the failed messages"),
  {
    operationId: "listNoticeRules",
    method: "GET",
    path: "/notice-rules",
    tag: "notices",
    summary: ok(
      "定时规则（生日祝福、到期提醒）及下次运行时间",
      "Rules (birthdays, reminders) and their next run",
    ),
    access: "notice.send",
    success: { status: 200, description: ok("规则", "The rules"), schema: z.array(ruleSchema) },
    errors: [401, 403],
  },
  {
    operationId: "createNoticeRule",
    method: "POST",
    path: "/notice-rules",
    tag: "notices",
    summary: ok("新建定时规则", "Add a rule"),
    access: "notice.send",
    body: {
      schema: ruleInputSchema,
      required: true,
      example: {
        name: "生日祝福",
        kind: "birthday",
        runAt: "08:00",
        channels: ["sms"],
        content: { subject: "生日快乐", text: "{{称呼}}，祝您生日快乐！", sms: "{{称呼}}，祝您生日快乐！" },
      },
    },
    success: { status: 201, description: ok("规则", "The rule"), schema: ruleSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "getNoticeRule",
    method: "GET",
    path: "/notice-rules/{id}",
    tag: "notices",
    summary: ok("一条定时规则", "One rule"),
    access: "notice.send",
    success: { status: 200, description: ok("规则", "The rule"), schema: ruleSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "updateNoticeRule",
    method: "PATCH",
    path: "/notice-rules/{id}",
    tag: "notices",
    summary: ok("暂停或恢复定时规则", "Pause or resume a rule"),
    access: "notice.send",
    body: { schema: ruleUpdateSchema, required: true, example: { paused: true } },
    success: { status: 200, description: ok("规则", "The rule"), schema: ruleSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "deleteNoticeRule",
    method: "DELETE",
    path: "/notice-rules/{id}",
    tag: "notices",
    summary: ok("删除定时规则（已发出的群发保留）", "Delete a rule (its notices stay)"),
    access: "notice.send",
    success: { status: 204, description: ok("已删除", "Deleted") },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listNoticeGroups",
    method: "GET",
    path: "/notice-groups",
    tag: "notices",
    summary: ok("收件人分组", "Recipient groups"),
    access: "notice.send",
    success: { status: 200, description: ok("分组", "The groups"), schema: z.array(groupSchema) },
    errors: [401, 403],
  },
  {
    operationId: "createNoticeGroup",
    method: "POST",
    path: "/notice-groups",
    tag: "notices",
    summary: ok("把选中的人存为收件人分组", "Save selected people as a recipient group"),
    access: "notice.send",
    body: { schema: createGroupSchema, required: true, example: { name: "楼门长", ids: [1, 2, 3] } },
    success: { status: 201, description: ok("分组", "The group"), schema: groupSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "deleteNoticeGroup",
    method: "DELETE",
    path: "/notice-groups/{id}",
    tag: "notices",
    summary: ok("删除收件人分组", "Delete a recipient group"),
    access: "notice.send",
    success: { status: 204, description: ok("已删除", "Deleted") },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listNoticeTemplates",
    method: "GET",
    path: "/notice-templates",
    tag: "notices",
    summary: ok("内置模板与可用的合并字段", "Built-in templates and the merge fields"),
    access: "notice.send",
    query: z.object({ table: z.string().trim().max(80).default("people") }),
    queryHelp: { table: ok("表的 key，默认 people", "The table's key, default people") },
    success: {
      status: 200,
      description: ok("模板与字段", "Templates and fields"),
      schema: z.object({
        fields: z.array(z.string()),
        templates: z.array(z.object({ key: z.string() }).passthrough()),
      }),
    },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listOptOuts",
    method: "GET",
    path: "/notice-opt-outs",
    tag: "notices",
    summary: ok("退订名单（脱敏）", "Who opted out (masked)"),
    access: "notice.send",
    success: {
      status: 200,
      description: ok("退订", "Opt-outs"),
      schema: z.array(
        z.object({
          channel: z.string(),
          id: z.string(),
          address: z.string(),
          via: z.string(),
          createdAt: time,
        }),
      ),
    },
    errors: [401, 403],
  },
  {
    operationId: "addOptOut",
    method: "POST",
    path: "/notice-opt-outs",
    tag: "notices",
    summary: ok("登记退订（如居民回复“退订”）", "Record an opt-out (a resident replied 退订)"),
    access: "notice.send",
    body: { schema: staffOptOutSchema, required: true, example: { channel: "sms", address: "13800138000" } },
    success: {
      status: 201,
      description: ok("已登记", "Recorded"),
      schema: z.object({ channel: z.string(), address: z.string() }),
    },
    errors: [400, 401, 403],
  },
  {
    operationId: "listOutbox",
    method: "GET",
    path: "/outbox",
    tag: "notices",
    summary: ok(
      "发件箱：未设置发送渠道时消息投递到这里",
      "The outbox: where messages go while a channel is not configured",
    ),
    access: "notice.send",
    query: outboxQuerySchema,
    queryHelp: {
      channel: ok("只看某渠道", "Only this channel"),
      limit: ok("最多条数，默认 50", "At most this many, default 50"),
      before: ok("只看编号小于此值的（翻页）", "Only ids below this (paging)"),
    },
    success: {
      status: 200,
      description: ok("发件箱", "The outbox"),
      schema: z.array(z.object({ id: z.number().int(), subject: z.string() }).passthrough()),
    },
    errors: [400, 401, 403],
  },
  {
    operationId: "downloadOutboxMessage",
    method: "GET",
    path: "/outbox/{id}",
    tag: "notices",
    summary: ok("下载发件箱里的消息（邮件为 .eml）", "Download an outbox message (.eml for email)"),
    access: "notice.send",
    success: { status: 200, description: ok("文件", "The file"), contentType: "message/rfc822" },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "listChannelSettings",
    method: "GET",
    path: "/notice-channels",
    tag: "notices",
    summary: ok("发送渠道设置（密钥不返回）", "Channel settings (secrets never shown)"),
    access: "notice.configure",
    success: { status: 200, description: ok("渠道", "Channels"), schema: z.array(channelSettingsSchema) },
    errors: [401, 403],
  },
  {
    operationId: "saveChannelSettings",
    method: "POST",
    path: "/notice-channels",
    tag: "notices",
    summary: ok(
      "保存一个渠道的设置（密钥留空则不变）",
      "Save a channel's settings (an empty secret keeps it)",
    ),
    access: "notice.configure",
    body: {
      schema: channelSettingsInputSchema,
      required: true,
      example: {
        channel: "email",
        config: {
          provider: "smtp",
          host: "smtp.example.com",
          port: 465,
          security: "tls",
          user: "notice@example.com",
          password: "…",
          from: "金融街街道 <notice@example.com>",
        },
        ratePerMinute: 600,
      },
    },
    success: { status: 200, description: ok("渠道", "The channel"), schema: channelSettingsSchema },
    errors: [400, 401, 403],
  },
  {
    operationId: "testChannel",
    method: "POST",
    path: "/notice-channels/test",
    tag: "notices",
    summary: ok("发送一条测试消息", "Send one test message"),
    access: "notice.configure",
    body: { schema: channelTestSchema, required: true, example: { channel: "email", to: "me@example.com" } },
    success: {
      status: 200,
      description: ok("结果", "How it went"),
      schema: z.object({
        ok: z.boolean(),
        provider: z.string(),
        status: z.string(),
        reason: z.string().nullable(),
      }),
    },
    errors: [400, 401, 403],
  },
] as const satisfies readonly ApiOperation[];
