// What self-service updates and the in-site inbox send out through the JSON API: a resident's profile,
// proposals with each field old → new (sensitive values already masked by the domain), the review
// queue, and inbox messages. One zod schema per shape and the function that fills it.
import { z } from "zod";
import type { InboxMessage } from "../notify/inbox.server.ts";
import type { RequestView } from "../selfservice/present.server.ts";
import type { OwnProfile } from "../selfservice/profile.server.ts";
import type { ReviewQueue } from "../selfservice/review.server.ts";

const time = z.iso.datetime().describe("ISO 8601 时间 / ISO 8601 time");
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const id = z.number().int();
const STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;

const changeSchema = z.object({
  field: z.string().describe("字段 key / Field key"),
  label: z.string(),
  masked: z.boolean().describe("敏感字段，值已打码 / Sensitive: values masked"),
  old: z.string().describe("修改前 / Before"),
  new: z.string().describe("申请的新值 / Proposed"),
  current: z.string().describe("记录现在的值 / The record's value now"),
  photo: z
    .object({ old: z.string().nullable(), new: z.string().nullable(), current: z.string().nullable() })
    .nullable()
    .describe("照片字段的文件编号 / File ids of a photo field"),
  conflict: z.boolean().describe("提交后已被他人修改 / Changed by someone since the proposal"),
  applied: z.boolean().nullable().describe("审核通过时是否采纳 / Whether an approval applied it"),
});

export const proposalSchema = z
  .object({
    id,
    status: z.enum(STATUSES),
    revision: id.describe("居民每次修改加一；审核时带上 / Raised on each change; send it when deciding"),
    recordId: id,
    systemId: z.string(),
    person: z.string(),
    account: z.string(),
    orgName: z.string(),
    createdAt: time,
    updatedAt: time,
    decidedAt: time.nullable(),
    reason: z.string().nullable().describe("退回原因 / Why it was rejected"),
    changes: z.array(changeSchema),
    conflicts: z.array(z.string()).describe("有冲突的字段 key / Keys of fields in conflict"),
  })
  .meta({ id: "ChangeRequest", description: "居民信息修改申请 / A resident's proposed changes" });

export function proposalOut(r: RequestView): z.output<typeof proposalSchema> {
  return {
    id: r.id,
    status: r.status,
    revision: r.revision,
    recordId: r.recordId,
    systemId: r.systemId,
    person: r.person,
    account: r.account,
    orgName: r.orgName,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    decidedAt: isoOrNull(r.decidedAt),
    reason: r.reason,
    changes: r.changes.map(({ type: _type, ...c }) => c),
    conflicts: r.conflicts,
  };
}

export const profileSchema = z
  .object({
    systemId: z.string(),
    orgName: z.string(),
    version: id,
    fields: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        type: z.string(),
        editable: z.boolean().describe("可以提交修改 / May be proposed"),
        value: z.unknown().describe("值（敏感字段已打码）/ Value (masked when sensitive)"),
        display: z.string(),
        masked: z.boolean(),
      }),
    ),
    pending: proposalSchema.nullable(),
    history: z.array(proposalSchema),
  })
  .meta({ id: "OwnProfile", description: "我的信息 / The caller's own record" });

export function profileOut(p: OwnProfile): z.output<typeof profileSchema> {
  return {
    systemId: p.systemId,
    orgName: p.orgName,
    version: p.version,
    fields: p.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      editable: f.editable,
      value: f.value,
      display: f.display,
      masked: f.masked,
    })),
    pending: p.pending ? proposalOut(p.pending) : null,
    history: p.history.map(proposalOut),
  };
}

const count = z.number().int().min(0);

export const reviewQueueSchema = z
  .object({
    status: z.enum([...STATUSES, "decided"]),
    counts: z.object({ pending: count, approved: count, rejected: count, withdrawn: count }),
    items: z.array(
      z.object({
        id,
        status: z.enum(STATUSES),
        recordId: id,
        systemId: z.string(),
        account: z.string(),
        orgName: z.string(),
        fields: z.array(z.string()).describe("申请修改的字段名 / Labels of the fields proposed"),
        createdAt: time,
        decidedAt: time.nullable(),
      }),
    ),
  })
  .meta({ id: "ReviewQueue", description: "待审核的信息变更 / Proposals to review" });

export function reviewQueueOut(q: ReviewQueue): z.output<typeof reviewQueueSchema> {
  return {
    status: q.status,
    counts: q.counts,
    items: q.items.map((i) => ({ ...i, createdAt: iso(i.createdAt), decidedAt: isoOrNull(i.decidedAt) })),
  };
}

export const inboxSchema = z
  .object({
    unread: count,
    items: z.array(
      z.object({
        id,
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        link: z.string().nullable().describe("站内链接 / A path inside the app"),
        createdAt: time,
        read: z.boolean(),
      }),
    ),
  })
  .meta({ id: "Inbox", description: "站内信 / In-site messages" });

export function inboxOut(inbox: { unread: number; items: InboxMessage[] }): z.output<typeof inboxSchema> {
  return { unread: inbox.unread, items: inbox.items.map((m) => ({ ...m, createdAt: iso(m.createdAt) })) };
}
