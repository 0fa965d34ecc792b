// One pass of an import over a file (SPEC §A4): find the header, map the columns, then read the rows
// in batches — decide each row, and unless it is a dry run, write the batch. Valid-rows mode commits
// batch by batch (hooks.onCommitted records how far, in the same transaction); all-or-nothing writes
// everything in one transaction that is rolled back if any row is rejected or the run is cancelled.
import type { Transaction } from "kysely";
import { isUniqueViolation } from "../../../db/dialect.ts";
import type { DB } from "../../../db/types.ts";
import { recordAudit } from "../../audit/log.server.ts";
import { authorize } from "../../auth/access.server.ts";
import { invalid } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { parseInput } from "../../core/validate.ts";
import { loadTable } from "../../schema/tables.server.ts";
import { openSheetSource } from "../read/open.server.ts";
import type { SheetInfo, SheetRow, SheetSource } from "../read/source.ts";
import { rowsInWorker } from "../read/worker-rows.server.ts";
import { type ColumnMapping, mapColumns, targetId } from "./columns.ts";
import { type ImportContext, importContext } from "./context.server.ts";
import { type BatchPlan, decideBatch, type RowOutcome } from "./decide.server.ts";
import { applyOverrides, locateHeader, mappable } from "./header.ts";
import { type ImportOptions, importOptionsSchema } from "./options.ts";
import { type RowSetup, rowPreparer } from "./prepare-rows.ts";
import { openReport, type ReportWriter } from "./report.server.ts";
import type { RowInput } from "./row.ts";
import { markBatchFailed, writeBatch } from "./write.server.ts";

export interface ImportHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
  /** Every row's outcome in sheet order (the CLI's --json). */
  onRow?: (outcome: RowOutcome) => void;
  /** Inside each committed batch's transaction: the last sheet row and the rows written so far. */
  onCommitted?: (trx: Transaction<DB>, throughRow: number, rows: number) => Promise<void>;
  /**
   * Show sensitive values in full in the outcomes when the caller may reveal them (the command line);
   * otherwise they are masked, so nothing a job keeps holds a whole ID or phone number.
   */
  revealValues?: boolean;
  /** Where to write the error report (.xlsx of rejected rows); none when absent. */
  reportPath?: string;
  jobId?: number;
}

export interface ImportTotals {
  rows: number;
  blank: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export type PublicOutcome = Omit<RowOutcome, "cells">;

export interface ImportSummary {
  file: string;
  format: string;
  encoding: string | null;
  sheets: SheetInfo[];
  sheet: number;
  headerRow: number;
  mapping: (Omit<ColumnMapping, "target"> & { target: string | null })[];
  options: ImportOptions;
  dryRun: boolean;
  totals: ImportTotals;
  problemCounts: Record<string, number>;
  /** The first rejected rows (all of them are in the report). */
  rejected: PublicOutcome[];
  /** The first updated rows with exactly the cells that change. */
  changes: PublicOutcome[];
  /** The first accepted rows, normalised. */
  preview: PublicOutcome[];
  /** Whether anything is in the database now (false: a dry run, or all-or-nothing rolled back). */
  committed: boolean;
  reportRows: number;
}

const BATCH = 1000;
const KEEP = { rejected: 200, changes: 1000, preview: 20 };

export async function runImport(
  services: Services,
  caller: Caller,
  file: { path: string; name: string },
  input: unknown,
  run: { dryRun: boolean },
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  await authorize(services, caller, "record.write");
  const options = parseInput(importOptionsSchema, input);
  const table = await loadTable(services.db, options.table);
  const source = await openSheetSource(file.path, file.name);
  try {
    const sheet = source.sheets.find((s) => s.index === options.sheet);
    if (!sheet) throw invalid(`工作簿中没有第 ${options.sheet + 1} 个工作表 / No sheet ${options.sheet + 1}`);
    const local = source.rows(sheet.index, hooks.signal)[Symbol.asyncIterator]();
    const { header, pending } = await locateHeader(local, table, options);
    const mapping = applyOverrides(table, mapColumns(header.cells, mappable(table)), header.cells, options);
    if (!mapping.some((m) => m.target?.kind === "field"))
      throw invalid(
        "表头中没有任何一列能对应到表中的字段，请检查表头或手动指定 / No column of the header maps to a field of the table",
      );
    const ctx = await importContext(
      services,
      caller,
      table,
      options,
      mapping,
      source.date1904,
      hooks.revealValues === true,
    );
    ctx.showAllValues = hooks.onRow !== undefined;
    const setup: RowSetup = {
      tableKey: table.key,
      fields: table.fields,
      mapping,
      headerRow: header.number,
      delimited: source.format === "csv" || source.format === "tsv",
      dictionaries: ctx.dictionaries,
      today: ctx.parse.today,
      date1904: source.date1904,
      blindKey: ctx.blindKey,
    };
    const inputs = await rowInputs(
      services,
      file,
      sheet.index,
      source.format,
      setup,
      local,
      pending,
      hooks.signal,
    );
    const summary = emptySummary(file.name, source, sheet.index, header.number, mapping, options, run.dryRun);
    const report = hooks.reportPath ? openReport(hooks.reportPath, header.cells) : null;
    try {
      await pass(ctx, source, sheet, inputs, summary, report, run.dryRun, hooks);
    } finally {
      summary.reportRows = report?.rows() ?? 0;
      await report?.close();
    }
    // A committed import is one use, counted when rows were written (a check or a rolled-back one is not).
    if (!run.dryRun && summary.committed) services.usage.count("transfer.import", caller.actor.orgPath);
    return summary;
  } finally {
    await source.close();
  }
}

/**
 * The rows below the header, read and prepared: an .xls is already in memory and is prepared here;
 * other formats are read again from the start in a worker thread on another core.
 */
async function rowInputs(
  services: Services,
  file: { path: string; name: string },
  sheet: number,
  format: string,
  setup: RowSetup,
  local: AsyncIterator<SheetRow>,
  pending: SheetRow[],
  signal: AbortSignal | undefined,
): Promise<AsyncIterable<RowInput>> {
  if (services.workers && format !== "xls") {
    await local.return?.();
    return rowsInWorker(services.workers.sheetRows, file, sheet, setup, signal);
  }
  const prepare = rowPreparer(setup);
  return (async function* () {
    for (const row of pending) yield prepare(row);
    for (;;) {
      const next = await local.next();
      if (next.done) return;
      yield prepare(next.value);
    }
  })();
}

async function pass(
  ctx: ImportContext,
  source: SheetSource,
  sheet: SheetInfo,
  inputs: AsyncIterable<RowInput>,
  summary: ImportSummary,
  report: ReportWriter | null,
  dryRun: boolean,
  hooks: ImportHooks,
) {
  const total = sheet.rowEstimate === null ? null : Math.max(0, sheet.rowEstimate - summary.headerRow);
  const record = (plan: BatchPlan) => {
    for (const o of plan.outcomes) tally(summary, o, report, hooks);
    hooks.onProgress?.(summary.totals.rows, total);
  };
  const batches = async function* () {
    let batch: RowInput[] = [];
    for await (const input of inputs) {
      batch.push(input);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  };
  const decide = (batch: RowInput[]) => decideBatch(ctx, batch);
  if (dryRun) {
    for await (const batch of batches()) record(await decide(batch));
    // A check writes nothing, but a file of people's data passed through: that is logged too.
    await logImport(ctx, ctx.services.db, summary, source, hooks, "checked");
    return;
  }
  if (ctx.options.atomic) {
    await ctx.services.db
      .transaction()
      .execute(async (trx) => {
        // On SQLite the transaction holds the one connection: every read of the run goes through it.
        ctx.reader = trx;
        let lastRow = summary.headerRow;
        for await (const batch of batches()) {
          const plan = await decide(batch);
          await writeBatch(ctx, trx, plan, hooks.jobId);
          record(plan);
          lastRow = batch.at(-1)!.number;
        }
        if (summary.totals.rejected > 0) throw new RolledBack();
        await hooks.onCommitted?.(trx, lastRow, summary.totals.inserted + summary.totals.updated);
        await logImport(ctx, trx, summary, source, hooks, "done");
        summary.committed = true;
      })
      .catch((e) => {
        if (!(e instanceof RolledBack)) throw e;
        // Rolled back: the rows were checked and would have been written, but nothing was.
        summary.totals.inserted = 0;
        summary.totals.updated = 0;
      });
    return;
  }
  try {
    for await (const batch of batches()) {
      const plan = await decide(batch);
      await commitBatch(ctx, plan, summary, hooks, batch.at(-1)!.number);
      record(plan);
    }
    await logImport(ctx, ctx.services.db, summary, source, hooks, "done");
  } catch (error) {
    if (summary.committed) {
      const outcome = hooks.signal?.aborted ? "cancelled" : "failed";
      await logImport(ctx, ctx.services.db, summary, source, hooks, outcome).catch(() => {});
    }
    throw error;
  }
}

class RolledBack extends Error {}

async function commitBatch(
  ctx: ImportContext,
  plan: BatchPlan,
  summary: ImportSummary,
  hooks: ImportHooks,
  through: number,
) {
  const write = () =>
    ctx.services.db.transaction().execute(async (trx) => {
      const written = await writeBatch(ctx, trx, plan, hooks.jobId);
      const rows = summary.totals.inserted + summary.totals.updated + written.inserted + written.updated;
      await hooks.onCommitted?.(trx, through, rows);
    });
  try {
    await write();
  } catch (error) {
    // The batch is all or nothing; a clash with a save made meanwhile fails the batch, not the import.
    if (!isUniqueViolation(error)) throw error;
    markBatchFailed(plan);
    plan.inserts = [];
    plan.updates = [];
    await write();
  }
  if (plan.inserts.length || plan.updates.length) summary.committed = true;
}

function tally(summary: ImportSummary, outcome: RowOutcome, report: ReportWriter | null, hooks: ImportHooks) {
  const t = summary.totals;
  t.rows++;
  hooks.onRow?.(outcome);
  const { cells: _cells, ...open } = outcome;
  if (outcome.status === "blank") {
    t.blank++;
    return;
  }
  if (outcome.status === "rejected") {
    t.rejected++;
    for (const p of outcome.problems)
      summary.problemCounts[p.code] = (summary.problemCounts[p.code] ?? 0) + 1;
    report?.add(outcome);
    if (summary.rejected.length < KEEP.rejected) summary.rejected.push(open);
    return;
  }
  t.accepted++;
  if (outcome.action === "insert" && !summary.dryRun) t.inserted++;
  if (outcome.action === "update" && !summary.dryRun) t.updated++;
  if (outcome.action === "unchanged") t.unchanged++;
  if (outcome.action === "update" && summary.changes.length < KEEP.changes) summary.changes.push(open);
  if (summary.preview.length < KEEP.preview) summary.preview.push(open);
}

async function logImport(
  ctx: ImportContext,
  db: Parameters<typeof recordAudit>[0],
  summary: ImportSummary,
  source: SheetSource,
  hooks: ImportHooks,
  outcome: "done" | "cancelled" | "failed" | "checked",
) {
  await recordAudit(db, ctx.services.dialect, {
    event: "transfer.imported",
    data: {
      table: ctx.table.key,
      job: hooks.jobId ?? 0,
      file: summary.file,
      format: source.format,
      mode: ctx.options.mode,
      atomic: ctx.options.atomic,
      counts: { ...summary.totals },
      outcome,
    },
    caller: ctx.caller,
    target: { type: ctx.table.key, id: hooks.jobId ? `import-${hooks.jobId}` : "import" },
  });
}

function emptySummary(
  file: string,
  source: SheetSource,
  sheet: number,
  headerRow: number,
  mapping: ColumnMapping[],
  options: ImportOptions,
  dryRun: boolean,
): ImportSummary {
  return {
    file,
    format: source.format,
    encoding: source.encoding,
    sheets: source.sheets,
    sheet,
    headerRow,
    mapping: mapping.map((m) => ({ ...m, target: m.target ? targetId(m.target) : null })),
    options,
    dryRun,
    totals: { rows: 0, blank: 0, accepted: 0, rejected: 0, inserted: 0, updated: 0, unchanged: 0 },
    problemCounts: {},
    rejected: [],
    changes: [],
    preview: [],
    committed: false,
    reportRows: 0,
  };
}
