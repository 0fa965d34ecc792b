// Print jobs: a template and an audience (a selection, a filter, a saved view, a group) → one PDF made on
// the server in the background, with progress, as a row of transfer_jobs (kind "print") and its file
// under the job's folder. The template is checked and the audience resolved before the job exists, so a
// removed field or an empty selection is a 400 then, not a failed job later. Every job is in the log:
// who, which template, how many records.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { contentDisposition } from "../files/names.ts";
import { describeAudience, resolveAudience } from "../notify/audience.server.ts";
import { audienceSchema } from "../notify/campaign-input.ts";
import { type Recipient, recipientLoader } from "../notify/recipients.server.ts";
import { todayInChina } from "../people/normalise/calendar.ts";
import type { TableDef } from "../schema/tables.server.ts";
import { createJob, type JobView, jobDir, loadJob, runJob } from "../transfer/jobs.server.ts";
import { type CompiledTemplate, labelMaker } from "./prepare.server.ts";
import { type PreparedLabel, renderPrintPdf } from "./render.server.tsx";
import { labelsPerPage } from "./template.ts";
import { checkTemplate, getTemplate } from "./templates.server.ts";

/** One job's most records: a PDF of this many labels is still made in memory in well under a minute. */
export const MAX_PRINT_RECORDS = 5000;
const BATCH = 200;
const PDF = "print.pdf";

export const printInputSchema = z.object({
  template: z.string({ error: "请选择打印模板 / Choose a template" }).trim().min(1).max(40),
  audience: audienceSchema,
});

export const previewInputSchema = z.object({
  /** The template being designed (unsaved), or a saved one by ref. */
  template: z.unknown().optional(),
  ref: z.string().trim().max(40).optional(),
  /** The record to show; default: the first in scope. */
  recordId: z.number().int().positive().optional(),
  /** Fill the whole sheet with this record (see the N-up layout); default: one label. */
  fullSheet: z.boolean().default(false),
});

async function loadLabels(
  services: Services,
  compiled: CompiledTemplate,
  caller: Caller,
  ids: readonly number[],
  onBatch: (done: number) => void,
  signal?: AbortSignal,
): Promise<PreparedLabel[]> {
  const loader = await recipientLoader(services, compiled.table, caller.actor.orgPath, todayInChina(), false);
  const make = labelMaker(services, compiled);
  const labels: PreparedLabel[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    signal?.throwIfAborted();
    const batch: Recipient[] = await loader.load(ids.slice(i, i + BATCH));
    // Concurrently: photos decode and scale on libuv's threads while the next labels are merged.
    labels.push(...(await Promise.all(batch.map((recipient) => make(recipient)))));
    onBatch(Math.min(ids.length, i + BATCH));
  }
  return labels;
}

export interface PrintJobResult {
  template: string;
  name: string;
  records: number;
  pages: number;
  bytes: number;
}

/** Checks, resolves the audience, starts the job; returns it queued (poll /jobs/{id} for progress). */
export async function startPrint(services: Services, caller: Caller, input: unknown): Promise<JobView> {
  await authorize(services, caller, "print.run");
  const request = parseInput(printInputSchema, input);
  const detail = await getTemplate(services, caller, request.template);
  const compiled = await checkTemplate(services, detail.template);
  const { table } = compiled;
  const ids = await resolveAudience(services, caller, table, request.audience);
  if (ids.length === 0)
    throw invalid("所选范围内没有可打印的记录 / Nobody to print: the selection is empty", {
      audience: "请先勾选或筛选出要打印的人 / Tick or filter the people to print first",
    });
  if (ids.length > MAX_PRINT_RECORDS)
    throw invalid(
      `一次最多打印 ${MAX_PRINT_RECORDS} 条记录，当前 ${ids.length} 条，请缩小范围 / At most ${MAX_PRINT_RECORDS} records a job (${ids.length} chosen): narrow the selection`,
      { audience: `最多 ${MAX_PRINT_RECORDS} 条 / At most ${MAX_PRINT_RECORDS}` },
    );
  const fileName = `${detail.name}-${todayInChina()}.pdf`;
  const id = await createJob(services, caller, {
    kind: "print",
    tableId: table.id,
    phase: "print",
    fileName,
    options: { template: request.template, name: detail.name, records: ids.length },
  });
  await recordAudit(services.db, services.dialect, {
    event: "print.job_created",
    data: {
      job: id,
      template: request.template,
      name: detail.name,
      records: ids.length,
      audience: describeAudience(request.audience),
    },
    caller,
    target: { type: table.key, id: `print-${id}` },
  });
  services.usage.count("print.job", caller.actor.orgPath);
  void runJob(services, id, "print", async (control) => {
    control.progress(0, ids.length);
    const labels = await loadLabels(
      services,
      compiled,
      caller,
      ids,
      (done) => control.progress(done, ids.length),
      control.signal,
    );
    const pdf = await renderPrintPdf(compiled.template, labels, {
      title: detail.name,
      author: caller.actor.orgName,
    });
    control.signal.throwIfAborted();
    fs.writeFileSync(path.join(jobDir(services, id), PDF), pdf);
    const result: PrintJobResult = {
      template: request.template,
      name: detail.name,
      records: labels.length,
      pages: Math.ceil(labels.length / labelsPerPage(compiled.template)),
      bytes: pdf.length,
    };
    await recordAudit(services.db, services.dialect, {
      event: "print.job_finished",
      data: {
        job: id,
        template: request.template,
        records: result.records,
        pages: result.pages,
        bytes: result.bytes,
      },
      caller,
      target: { type: table.key, id: `print-${id}` },
    });
    return result;
  });
  return loadJob(services, caller, id);
}

async function loadPrintJob(services: Services, caller: Caller, id: number): Promise<JobView> {
  await authorize(services, caller, "print.run");
  const job = await loadJob(services, caller, id);
  if (job.kind !== "print") throw notFound("没有这个打印任务 / No such print job");
  return job;
}

export const printJob = loadPrintJob;

/** The finished PDF, inline (for the browser's print dialog) or as a download. */
export async function printPdfResponse(
  services: Services,
  caller: Caller,
  id: number,
  disposition: "inline" | "attachment",
): Promise<Response> {
  const job = await loadPrintJob(services, caller, id);
  const file = path.join(jobDir(services, id), PDF);
  if (job.status !== "done" || !fs.existsSync(file))
    throw notFound("打印文件还没有生成（或已被清理） / The PDF is not ready (or was cleaned up)");
  const result = job.result as PrintJobResult;
  await recordAudit(services.db, services.dialect, {
    event: "print.downloaded",
    data: { job: id, template: result.template, records: result.records },
    caller,
    target: { type: job.table, id: `print-${id}` },
  });
  const data = fs.readFileSync(file);
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(data.length),
      "Content-Disposition": contentDisposition(disposition, job.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * The designer's live preview: one label (or a full sheet) of a template as given, unsaved, filled with
 * one record of the caller's scope. Nothing is stored; the template is checked like a save.
 */
export async function previewPdf(services: Services, caller: Caller, input: unknown): Promise<Buffer> {
  await authorize(services, caller, "print.run");
  const request = parseInput(previewInputSchema, input);
  let source: unknown;
  if (request.template !== undefined) {
    await authorize(services, caller, "print.design");
    source = request.template;
  } else if (request.ref) source = (await getTemplate(services, caller, request.ref)).template;
  else throw invalid("请给出模板 / Give a template");
  const compiled = await checkTemplate(services, source);
  const { template, table } = compiled;
  const ids = request.recordId ? [request.recordId] : await firstRecords(services, caller, table.id, 1);
  const labels = ids.length ? await loadLabels(services, compiled, caller, ids, () => {}) : [];
  if (labels.length === 0)
    throw invalid("没有可用来预览的记录 / No record to preview with", {
      recordId: "该记录不存在或不在您的范围内 / No such record in your scope",
    });
  const meta = { title: `${template.name}（预览）`, author: caller.actor.orgName };
  if (!request.fullSheet) return renderPrintPdf(template, [labels[0]], meta, { labelOnly: true });
  return renderPrintPdf(
    template,
    Array.from({ length: labelsPerPage(template) }, () => labels[0]),
    meta,
  );
}

/** The first records of the caller's scope, by id: what the designer previews with. */
async function firstRecords(services: Services, caller: Caller, tableId: number, limit: number) {
  const rows = await services.db
    .selectFrom("records")
    .select("id")
    .where("table_id", "=", tableId)
    .where("deleted_at", "is", null)
    .where("org_path", "like", `${caller.actor.orgPath}%`)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Records to preview a template with: id, name, system id and merge values (as staff see them). */
export async function previewRecords(services: Services, caller: Caller, table: TableDef, limit = 20) {
  await authorize(services, caller, "print.run");
  const ids = await firstRecords(services, caller, table.id, limit);
  const loader = await recipientLoader(services, table, caller.actor.orgPath, todayInChina(), false);
  return (await loader.load(ids)).map((r) => ({
    id: r.recordId,
    name: r.name,
    systemId: r.systemId,
    values: r.merge,
  }));
}

export async function previewResponse(services: Services, caller: Caller, input: unknown): Promise<Response> {
  const pdf = await previewPdf(services, caller, input);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: { "Content-Type": "application/pdf", "Cache-Control": "private, no-store" },
  });
}
