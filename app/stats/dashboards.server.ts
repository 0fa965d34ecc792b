// Dashboards 看板: the built-in 人口概况 and the ones staff save, run chart by chart. A chart that cannot
// be drawn (a field removed since, a view no longer shared) says why in its place; the others still draw.
import { runChart } from "../../analytics/stats/chart.server.ts";
import { authorize } from "../auth/access.server.ts";
import { isAppError } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { BUILTIN_DASHBOARD_NAME, builtinDashboard } from "./builtin-dashboard.ts";
import { resolveMoment } from "./moment.ts";
import type { ChartResult, Moment } from "./results.ts";
import { type SavedStore, savedStore } from "./saved.server.ts";
import {
  type DashboardDefinition,
  dashboardPreviewSchema,
  dashboardRunSchema,
  saveDashboardSchema,
  updateDashboardSchema,
} from "./spec.ts";

export type ChartOutcome = { ok: true; result: ChartResult } | { ok: false; title: string; error: string };

export interface DashboardResult {
  moment: Moment;
  charts: ChartOutcome[];
}

export const dashboards: SavedStore<DashboardDefinition> = savedStore("dashboard", {
  create: saveDashboardSchema,
  update: updateDashboardSchema,
});

export async function listDashboards(services: Services, caller: Caller) {
  const items = await dashboards.list(services, caller);
  return { builtin: { name: BUILTIN_DASHBOARD_NAME, definition: builtinDashboard() }, items };
}

/** An unsaved definition (the built-in one, or one being edited), now or as of a moment. */
export async function previewDashboard(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<DashboardResult> {
  const { definition, ...run } = parseInput(dashboardPreviewSchema, input);
  return runDashboard(services, caller, definition, run);
}

export async function savedDashboardData(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<DashboardResult> {
  const run = parseInput(dashboardRunSchema, input);
  const saved = await dashboards.get(services, caller, id);
  return runDashboard(services, caller, saved.definition, run);
}

async function runDashboard(
  services: Services,
  caller: Caller,
  definition: DashboardDefinition,
  run: { asOf?: string; viewId?: number },
): Promise<DashboardResult> {
  await authorize(services, caller, "stats.read");
  const moment = resolveMoment(run.asOf);
  services.usage.count("stats.dashboard", caller.actor.orgPath);
  const charts: ChartOutcome[] = [];
  // One after another: the replica answers one query at a time best on two cores.
  for (const chart of definition.charts) {
    const spec = run.viewId ? { ...chart, viewId: run.viewId } : chart;
    try {
      charts.push({ ok: true, result: await runChart(services, caller, { chart: spec, asOf: run.asOf }) });
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      charts.push({ ok: false, title: chart.title, error: error.message });
    }
  }
  return { moment, charts };
}
