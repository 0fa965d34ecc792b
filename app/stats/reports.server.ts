// Pivot-table reports 报表: saved definitions run in the reader's scope, live or as of a moment, and
// exported to .xlsx or PDF. Every export is in the system log (which report, as of when, how many rows).
import { runReport } from "../../analytics/stats/report.server.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import type { Lang } from "../i18n/index.ts";
import { renderReportPdf } from "./report-pdf.server.tsx";
import { renderReportXlsx } from "./report-xlsx.server.ts";
import type { PivotResult } from "./results.ts";
import { type SavedStore, savedStore } from "./saved.server.ts";
import {
  type ReportDefinition,
  reportExportSchema,
  reportPreviewSchema,
  reportRunSchema,
  saveReportSchema,
  updateReportSchema,
} from "./spec.ts";

export const reports: SavedStore<ReportDefinition> = savedStore("report", {
  create: saveReportSchema,
  update: updateReportSchema,
});

/** An unsaved report, as the editor previews it. */
export async function previewReport(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<PivotResult> {
  await authorize(services, caller, "stats.read");
  const { definition, name, asOf } = parseInput(reportPreviewSchema, input);
  return runReport(services, caller, definition, { name: name || "未命名报表", asOf });
}

export async function savedReportResult(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<PivotResult> {
  const { asOf } = parseInput(reportRunSchema, input);
  const saved = await reports.get(services, caller, id);
  services.usage.count("stats.report", caller.actor.orgPath);
  return runReport(services, caller, saved.definition, { name: saved.name, asOf });
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export async function exportReport(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
  lang: Lang = "zh-CN",
): Promise<ReportFile> {
  const { format, asOf } = parseInput(reportExportSchema, input);
  const saved = await reports.get(services, caller, id);
  const result = await runReport(services, caller, saved.definition, { name: saved.name, asOf });
  const body = format === "xlsx" ? await renderReportXlsx(result, lang) : await renderReportPdf(result, lang);
  await recordAudit(services.db, services.dialect, {
    event: "stats.exported",
    data: {
      report: id,
      name: saved.name,
      format,
      asOf: result.moment.live ? null : result.moment.day,
      rows: result.rows.length,
    },
    caller,
    target: { type: "report", id },
  });
  services.usage.count("stats.export", caller.actor.orgPath);
  const suffix = result.moment.live ? "" : `_截至${result.moment.day}`;
  return { fileName: `${saved.name}${suffix}.${format}`, contentType: CONTENT_TYPES[format], body };
}
