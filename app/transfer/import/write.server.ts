// Writing a decided batch: new records through the bulk writer (documents, blind indexes, first
// versions), updated records each over the version read when the batch was decided, with one version row
// naming exactly the cells that change. A record saved by someone else in between is left alone and
// its row reported as a conflict. Every record written gets its own system-log row (created, or updated
// with the changed fields), appended with the batch in one go.
import type { Transaction } from "kysely";
import type { DB } from "../../../db/types.ts";
import { type AuditEntry, recordAuditMany } from "../../audit/log.server.ts";
import { fieldChanges } from "../../people/records/audit-changes.ts";
import { writeNewRecords } from "../../people/records/bulk.server.ts";
import { encodeDocument, recordCodec } from "../../people/records/codec.server.ts";
import { diff, insertVersion, writeLookups } from "../../people/records/repository.server.ts";
import type { ImportContext } from "./context.server.ts";
import type { BatchPlan } from "./decide.server.ts";
import { rowProblem } from "./problems.ts";

export interface Written {
  inserted: number;
  updated: number;
}

export async function writeBatch(
  ctx: ImportContext,
  trx: Transaction<DB>,
  plan: BatchPlan,
  jobId?: number,
): Promise<Written> {
  const { services, table, caller } = ctx;
  const userId = caller.actor.id;
  const inserts = plan.inserts.map((p) => ({
    orgId: p.placement.orgId,
    orgPath: p.placement.orgPath,
    values: p.values,
    uniqueKey: p.uniqueKey,
  }));
  const systemIds = await writeNewRecords(services, trx, table, inserts, ctx.blindKey, userId);
  const via = { via: "import" as const, ...(jobId ? { job: jobId } : {}) };
  const label = (key: string) => table.fields.find((f) => f.key === key)?.label ?? key;
  const events: AuditEntry[] = [];
  plan.inserts.forEach((p, i) => {
    p.outcome.systemId = systemIds[i];
    events.push({
      event: "record.created",
      data: {
        table: table.key,
        systemId: systemIds[i]!,
        fields: Object.keys(p.values)
          .filter((k) => p.values[k] !== null)
          .map(label),
        ...via,
      },
      caller,
      target: { type: table.key, id: systemIds[i]! },
      orgPath: p.placement.orgPath,
    });
  });
  let updated = 0;
  const now = Date.now();
  for (const u of plan.updates) {
    const codec = recordCodec(services.cipher, table, u.existing.system_id);
    const version = Number(u.existing.version) + 1;
    const result = await trx
      .updateTable("records")
      .set({
        data: JSON.stringify(encodeDocument(codec, table.allFields, u.values)),
        unique_key: u.uniqueKey,
        version,
        updated_at: now,
        updated_by: userId,
      })
      .where("id", "=", u.existing.id)
      .where("version", "=", u.existing.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      markConflict(ctx, u.outcome);
      continue;
    }
    await writeLookups(trx, ctx.blindKey, table, u.existing.id, u.values);
    await insertVersion(trx, {
      recordId: u.existing.id,
      tableId: table.id,
      version,
      kind: "update",
      changes: diff(codec, table.fields, u.changed, u.base, u.values),
      userId,
      at: now,
    });
    events.push({
      event: "record.updated",
      data: {
        table: table.key,
        systemId: u.existing.system_id,
        fields: u.changed.map(label),
        changes: fieldChanges(table.fields, u.changed, u.base, u.values, ctx.parse.dictionary),
        ...via,
      },
      caller,
      target: { type: table.key, id: u.existing.system_id },
      orgPath: u.existing.org_path,
    });
    updated++;
  }
  await recordAuditMany(trx, services.dialect, events);
  return { inserted: systemIds.length, updated };
}

function markConflict(ctx: ImportContext, outcome: BatchPlan["outcomes"][number]) {
  outcome.status = "rejected";
  outcome.action = undefined;
  outcome.changes = undefined;
  outcome.problems.push(
    rowProblem(ctx.options.key === "systemId" ? "系统编号" : "数据版本", "conflict", outcome.systemId),
  );
}

/** After a batch failed as a whole (someone registered the same person meanwhile): mark its rows. */
export function markBatchFailed(plan: BatchPlan) {
  for (const p of [...plan.inserts, ...plan.updates]) {
    p.outcome.status = "rejected";
    p.outcome.action = undefined;
    p.outcome.changes = undefined;
    p.outcome.problems.push(rowProblem("", "write-failed"));
  }
}
