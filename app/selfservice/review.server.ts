// Staff review residents' proposals 待审核的信息变更, in their scope (the record's org path): list them,
// see each field old → new against the record as it is now, approve (applied in one transaction through
// the record write path, never over a change made meanwhile) or reject with a reason. The resident gets
// an in-site notice either way; every step is in the system log.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { can } from "../auth/permissions.ts";
import { conflict, invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { sendNotice } from "../notify/inbox.server.ts";
import { decodeDocument, recordCodec, type Values } from "../people/records/codec.server.ts";
import { orgNames } from "../people/records/present.server.ts";
import { fetchRecordRow, type RecordRow } from "../people/records/repository.server.ts";
import { prepareUpdate, writeUpdate } from "../people/records/write.server.ts";
import { loadDictionaries } from "../schema/dictionaries.server.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import { approvedNotice, rejectedNotice } from "./notices.ts";
import { conflictsOf, openChanges, personName, presentRequest, type RequestView } from "./present.server.ts";
import { fieldLabels } from "./propose.server.ts";
import {
  changesOf,
  closeRequest,
  countsIn,
  fetchRequest,
  type QueueStatus,
  queueIn,
  type RequestRow,
} from "./repository.server.ts";

export const reviewListSchema = z.object({
  status: z
    .enum(["pending", "approved", "rejected", "withdrawn", "decided"], {
      error: "状态应为 pending、approved、rejected、withdrawn 或 decided / Unknown status",
    })
    .default("pending"),
});

const revision = z.coerce
  .number()
  .int()
  .positive()
  .optional()
  .describe(
    "审核时看到的申请版本；居民其后又改过则拒绝 / The revision you saw; refused if the resident changed it since",
  );

export const approveSchema = z.object({
  revision,
  fields: z
    .array(z.string().max(64))
    .max(200)
    .optional()
    .describe("只采纳这些字段（不填：全部）/ Apply only these fields (default: all)"),
});

export const rejectSchema = z.object({
  revision,
  reason: z
    .string({ error: "请填写退回原因 / Give a reason" })
    .trim()
    .min(1, "请填写退回原因 / Give a reason")
    .max(500, "原因最多 500 个字 / At most 500 characters"),
});

export interface ReviewItem {
  id: number;
  status: RequestRow["status"];
  recordId: number;
  systemId: string;
  account: string;
  orgName: string;
  fields: string[];
  createdAt: number;
  decidedAt: number | null;
}

export interface ReviewQueue {
  status: QueueStatus;
  counts: Awaited<ReturnType<typeof countsIn>>;
  items: ReviewItem[];
}

export async function listReviews(
  services: Services,
  caller: Caller,
  input: unknown = {},
): Promise<ReviewQueue> {
  await authorize(services, caller, "selfservice.review");
  const { status } = parseInput(reviewListSchema, input);
  const rows = await queueIn(services.db, caller.actor.orgPath, status, 200);
  const tables = new Map<number, TableDef>();
  for (const id of new Set(rows.map((r) => Number(r.table_id))))
    tables.set(id, await loadTable(services.db, id));
  const names = await orgNames(
    services.db,
    rows.map((r) => Number(r.org_id)),
  );
  return {
    status,
    counts: await countsIn(services.db, caller.actor.orgPath),
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      recordId: Number(r.record_id),
      systemId: r.system_id,
      account: r.display_name,
      orgName: names.get(Number(r.org_id)) ?? "",
      fields: fieldLabels(
        tables.get(Number(r.table_id))!,
        changesOf(r).map((c) => c.field),
      ),
      createdAt: Number(r.created_at),
      decidedAt: r.decided_at === null ? null : Number(r.decided_at),
    })),
  };
}

/** Pending proposals in the caller's scope, for the console's navigation (0 for those who do not review). */
export async function pendingReviewCount(services: Services, caller: Caller): Promise<number> {
  if (!can(caller.actor.role, "selfservice.review")) return 0;
  return (await countsIn(services.db, caller.actor.orgPath)).pending;
}

interface Reached {
  request: RequestRow;
  record: RecordRow;
  table: TableDef;
}

/** A proposal inside the caller's scope (a refusal outside it is logged like any other). */
async function reach(services: Services, caller: Caller, id: number): Promise<Reached> {
  await authorize(services, caller, "selfservice.review");
  const request = await fetchRequest(services.db, id);
  await authorize(services, caller, "selfservice.review", {
    orgPath: request.org_path,
    type: "change_request",
    id,
  });
  const record = await fetchRecordRow(services.db, Number(request.record_id));
  return { request, record, table: await loadTable(services.db, Number(record.table_id)) };
}

async function present(services: Services, { request, record, table }: Reached): Promise<RequestView> {
  const values = decodeDocument(
    recordCodec(services.cipher, table, record.system_id),
    table.allFields,
    JSON.parse(record.data) as Values,
  );
  const account = await services.db
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", Number(request.user_id))
    .executeTakeFirst();
  const names = await orgNames(services.db, [Number(record.org_id)]);
  return presentRequest(services, table, record, request, {
    dictionaries: await loadDictionaries(services.db),
    person: personName(table, values),
    account: account?.display_name ?? "",
    orgName: names.get(Number(record.org_id)) ?? "",
  });
}

export async function getReview(services: Services, caller: Caller, id: number): Promise<RequestView> {
  return present(services, await reach(services, caller, id));
}

const ALREADY_DECIDED = "这份申请已处理过 / This proposal was already decided";
const REVISED =
  "居民刚刚修改了这份申请，请刷新后重新审核 / The resident has just changed this proposal; reload and review it again";

function assertOpen(request: RequestRow, seen: number | undefined) {
  if (request.status !== "pending") throw conflict(ALREADY_DECIDED);
  if (seen !== undefined && seen !== Number(request.revision)) throw conflict(REVISED);
}

export async function approveReview(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown = {},
): Promise<RequestView> {
  const data = parseInput(approveSchema, input);
  const reached = await reach(services, caller, id);
  const { request, record, table } = reached;
  assertOpen(request, data.revision);
  if (record.deleted_at !== null)
    throw conflict("该记录在回收站中，请先恢复 / The record is in the recycle bin; restore it first");
  const codec = recordCodec(services.cipher, table, record.system_id);
  const current = decodeDocument(codec, table.allFields, JSON.parse(record.data) as Values);
  const changes = openChanges(codec, table, request);
  const proposed = changes.map((c) => c.key);
  const chosen = data.fields ?? proposed;
  const stray = chosen.filter((k) => !proposed.includes(k));
  if (stray.length > 0)
    throw invalid(`申请中没有这些字段：${stray.join("、")} / Not in the proposal: ${stray.join(", ")}`);
  // A field changed by staff since the proposal is never overwritten: the reviewer leaves it out.
  const clash = conflictsOf(changes, current).filter((k) => chosen.includes(k));
  if (clash.length > 0) {
    const names = fieldLabels(table, clash);
    throw conflict(
      `提交后已被修改：${names.join("、")}，请只采纳其余字段或退回 / Changed since the proposal: ${names.join(", ")}; apply the others only, or reject`,
      Object.fromEntries(clash.map((k) => [k, "提交后已被修改 / Changed since the proposal"])),
    );
  }
  // Fields staff removed since cannot be applied.
  const apply = chosen.filter((k) => table.fields.some((f) => f.key === k));
  if (apply.length === 0)
    throw invalid("请至少采纳一项修改，或退回申请 / Apply at least one change, or reject the proposal");
  const values = Object.fromEntries(apply.map((k) => [k, changes.find((c) => c.key === k)!.new]));
  const update = await prepareUpdate(services, caller, table, record, values);
  const skipped = proposed.filter((k) => !apply.includes(k));

  await services.db.transaction().execute(async (trx) => {
    if (update.changed.length > 0) await writeUpdate(trx, services, caller, update);
    const closed = await closeRequest(trx, id, Number(request.revision), {
      status: "approved",
      reviewerId: caller.actor.id,
      applied: apply,
    });
    if (!closed) throw conflict(REVISED);
    await recordAudit(trx, services.dialect, {
      event: "selfservice.approved",
      data: {
        table: table.key,
        systemId: record.system_id,
        request: id,
        fields: fieldLabels(table, apply),
        skipped: fieldLabels(table, skipped),
      },
      caller,
      target: { type: table.key, id: record.system_id },
      orgPath: record.org_path,
    });
    await sendNotice(
      trx,
      [Number(request.user_id)],
      approvedNotice(fieldLabels(table, apply), fieldLabels(table, skipped)),
    );
  });
  services.usage.count("record.update", caller.actor.orgPath);
  return getReview(services, caller, id);
}

export async function rejectReview(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<RequestView> {
  const data = parseInput(rejectSchema, input);
  const reached = await reach(services, caller, id);
  const { request, record, table } = reached;
  assertOpen(request, data.revision);
  const fields = fieldLabels(
    table,
    changesOf(request).map((c) => c.field),
  );
  await services.db.transaction().execute(async (trx) => {
    const closed = await closeRequest(trx, id, Number(request.revision), {
      status: "rejected",
      reviewerId: caller.actor.id,
      reason: data.reason,
    });
    if (!closed) throw conflict(REVISED);
    await recordAudit(trx, services.dialect, {
      event: "selfservice.rejected",
      data: { table: table.key, systemId: record.system_id, request: id, fields, reason: data.reason },
      caller,
      target: { type: table.key, id: record.system_id },
      orgPath: record.org_path,
    });
    await sendNotice(trx, [Number(request.user_id)], rejectedNotice(fields, data.reason));
  });
  return getReview(services, caller, id);
}
