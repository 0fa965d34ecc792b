// A resident proposes changes to their own record, or withdraws a proposal. Values run through the
// same field rules as a form save; only fields staff made resident-editable may be proposed. A record
// has at most one pending proposal: proposing again while one waits merges into it (fields asked about
// now take the new value, a field set back to what the record holds drops out, others stay), and the
// proposal's revision goes up so a reviewer never approves a version they did not see.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { uniqueTransaction } from "../core/transaction.server.ts";
import { parseInput } from "../core/validate.ts";
import { recordCodec } from "../people/records/codec.server.ts";
import { parseContext } from "../people/records/context.server.ts";
import { prepareValues } from "../people/records/prepare.ts";
import type { Change } from "../people/records/repository.server.ts";
import { residentAccess } from "../schema/resident-access.ts";
import type { TableDef } from "../schema/tables.server.ts";
import { openChanges, type RequestView } from "./present.server.ts";
import { openValues, ownRecord, presentOwnRequest } from "./profile.server.ts";
import {
  changesOf,
  closeRequest,
  fetchRequest,
  insertRequest,
  pendingFor,
  reviseRequest,
} from "./repository.server.ts";

export const proposeSchema = z.object({
  values: z
    .record(z.string(), z.unknown(), { error: "values 应为对象 / values must be an object" })
    .describe("要修改的字段 key → 新值（空值表示清空）/ Field key → new value (blank clears)"),
});

const JUST_PROPOSED =
  "您刚刚已提交过一份申请，请刷新页面后再改 / You have just proposed changes; reload and try again";
const JUST_DECIDED =
  "这份申请刚刚已被处理，请刷新页面查看结果 / The proposal was just decided; reload to see the outcome";

export const fieldLabels = (table: TableDef, keys: readonly string[]) =>
  keys.map((k) => table.allFields.find((f) => f.key === k)?.label ?? k);

/** 400 naming every asked-for field the resident may not change, before anything is stored. */
function assertEditable(table: TableDef, keys: readonly string[]): void {
  const errors: Record<string, string> = {};
  for (const key of keys) {
    const field = table.fields.find((f) => f.key === key);
    if (!field) errors[key] = `没有字段“${key}” / No field "${key}"`;
    else if (residentAccess(field) !== "editable")
      errors[key] =
        `「${field.label}」不能自行修改，请联系社区 / ${field.label}: ask your community to change it`;
  }
  const names = Object.keys(errors).map((k) => table.fields.find((f) => f.key === k)?.label ?? k);
  if (names.length > 0)
    throw invalid(
      `以下信息不能自行修改：${names.join("、")} / You may not change: ${names.join(", ")}`,
      errors,
    );
}

export async function proposeChanges(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<RequestView> {
  const { values } = parseInput(proposeSchema, input);
  const own = await ownRecord(services, caller);
  const { row, table } = own;
  const asked = Object.keys(values);
  assertEditable(table, asked);
  const current = openValues(services, own);
  // Only the fields asked about must be complete: a record missing a value staff made required later
  // must not stop a resident correcting their phone number.
  const rules = table.fields.map((f) => (asked.includes(f.key) ? f : { ...f, required: false }));
  const prepared = prepareValues(rules, values, current, await parseContext(services.db));
  if (!prepared.ok) {
    const first = Object.values(prepared.errors)[0] ?? "";
    throw invalid(`请检查标出的信息：${first} / Check the marked fields`, prepared.errors);
  }
  const codec = recordCodec(services.cipher, table, row.system_id);
  const pending = await pendingFor(services.db, row.id);
  const before = pending ? openChanges(codec, table, pending) : [];
  const merged = new Map<string, { old: unknown; new: unknown }>();
  for (const c of before) if (!asked.includes(c.key)) merged.set(c.key, { old: c.old, new: c.new });
  for (const key of prepared.changed)
    if (asked.includes(key))
      merged.set(key, { old: current[key] ?? null, new: prepared.values[key] ?? null });
  if (merged.size === 0) {
    if (!pending)
      throw invalid("您没有修改任何信息 / Nothing differs from what is registered", {
        values: "没有修改 / No changes",
      });
    return withdrawPending(services, caller, own, pending.id);
  }
  // The same form sent again changes nothing: the reviewer's view stays as it was.
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (
    pending &&
    before.length === merged.size &&
    before.every((c) => merged.has(c.key) && same(merged.get(c.key)!.new, c.new))
  )
    return presentOwnRequest(services, caller, own, pending);
  const changes: Change[] = [...merged].map(([key, c]) => {
    const field = table.allFields.find((f) => f.key === key)!;
    return { field: key, old: codec.seal(field, c.old), new: codec.seal(field, c.new) };
  });

  const id = await uniqueTransaction(services, JUST_PROPOSED, async (trx) => {
    let requestId: number;
    if (pending) {
      if (!(await reviseRequest(trx, pending.id, Number(pending.revision), changes, Number(row.version))))
        throw conflict(JUST_DECIDED);
      requestId = pending.id;
    } else {
      requestId = await insertRequest(trx, {
        tableId: table.id,
        recordId: row.id,
        userId: caller.actor.id,
        orgPath: row.org_path,
        baseVersion: Number(row.version),
        changes,
      });
    }
    await recordAudit(trx, services.dialect, {
      event: "selfservice.proposed",
      data: {
        table: table.key,
        systemId: row.system_id,
        request: requestId,
        fields: fieldLabels(table, [...merged.keys()]),
      },
      caller,
      target: { type: table.key, id: row.system_id },
      orgPath: row.org_path,
    });
    return requestId;
  });
  return presentOwnRequest(services, caller, own, await fetchRequest(services.db, id));
}

/** The caller withdraws their own pending proposal. */
export async function withdrawProposal(services: Services, caller: Caller, id: number): Promise<RequestView> {
  const own = await ownRecord(services, caller);
  const request = await fetchRequest(services.db, id);
  // Another account's proposal is not theirs to know of.
  if (Number(request.user_id) !== caller.actor.id || Number(request.record_id) !== own.row.id)
    throw notFound("没有这份信息修改申请 / No such change request");
  if (request.status !== "pending")
    throw conflict("这份申请已处理，不能再撤回 / This proposal was already decided");
  return withdrawPending(services, caller, own, id);
}

async function withdrawPending(
  services: Services,
  caller: Caller,
  own: Awaited<ReturnType<typeof ownRecord>>,
  id: number,
): Promise<RequestView> {
  const request = await fetchRequest(services.db, id);
  const { row, table } = own;
  await services.db.transaction().execute(async (trx) => {
    const closed = await closeRequest(trx, id, Number(request.revision), {
      status: "withdrawn",
      reviewerId: null,
    });
    if (!closed) throw conflict(JUST_DECIDED);
    await recordAudit(trx, services.dialect, {
      event: "selfservice.withdrawn",
      data: {
        table: table.key,
        systemId: row.system_id,
        request: id,
        fields: fieldLabels(
          table,
          changesOf(request).map((c) => c.field),
        ),
      },
      caller,
      target: { type: table.key, id: row.system_id },
      orgPath: row.org_path,
    });
  });
  return presentOwnRequest(services, caller, own, await fetchRequest(services.db, id));
}
