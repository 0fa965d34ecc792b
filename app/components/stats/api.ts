// The statistics pages' calls to the JSON API with the page's session: writes carry the CSRF token, a
// refusal becomes a QueryApiError with the server's message ("中文 / English") and per-field messages,
// as the grid's panels read them.
import { useMemo } from "react";
import type { ChartResult, Moment, PivotResult } from "../../stats/results.ts";
import type { ChartRequest, DashboardDefinition, ReportDefinition } from "../../stats/spec.ts";
import { jsonCall } from "../query/api.ts";
import { useRoot } from "../useRoot.ts";
import type { ChartOutcome } from "./ChartCard.tsx";

export interface DashboardResult {
  moment: Moment;
  charts: ChartOutcome[];
}

interface Saved<D> {
  id: number;
  name: string;
  shared: boolean;
  ownerName: string;
  mine: boolean;
  definition: D;
  updatedAt: string;
}
export type SavedDashboard = Saved<DashboardDefinition>;
export type SavedReport = Saved<ReportDefinition>;

export interface DashboardList {
  builtin: { name: string; definition: DashboardDefinition };
  items: SavedDashboard[];
}

/** A moment and a saved-view filter for a whole dashboard. */
export interface DashboardAsk {
  asOf?: string;
  viewId?: number;
}

type Fetch = typeof fetch;

export function statsApi(csrf: string, fetchFn: Fetch = (...a) => fetch(...a)) {
  const call = jsonCall(csrf, fetchFn);
  const base = "/api/v1";
  return {
    chart: (request: ChartRequest, signal?: AbortSignal) =>
      call<ChartResult>(`${base}/stats/charts`, "POST", request, signal),
    dashboard: (definition: DashboardDefinition, ask: DashboardAsk, signal?: AbortSignal) =>
      call<DashboardResult>(`${base}/stats/dashboard`, "POST", { definition, ...ask }, signal),
    dashboards: (signal?: AbortSignal) => call<DashboardList>(`${base}/dashboards`, "GET", undefined, signal),
    dashboardData: (id: number, ask: DashboardAsk, signal?: AbortSignal) =>
      call<DashboardResult>(`${base}/dashboards/${id}/data`, "POST", ask, signal),
    createDashboard: (input: { name: string; shared?: boolean; definition: DashboardDefinition }) =>
      call<SavedDashboard>(`${base}/dashboards`, "POST", input),
    updateDashboard: (
      id: number,
      patch: { name?: string; shared?: boolean; definition?: DashboardDefinition },
    ) => call<SavedDashboard>(`${base}/dashboards/${id}`, "PATCH", patch),
    deleteDashboard: (id: number) => call<void>(`${base}/dashboards/${id}`, "DELETE"),
    previewReport: (definition: ReportDefinition, asOf?: string, signal?: AbortSignal) =>
      call<PivotResult>(`${base}/stats/report`, "POST", { definition, ...(asOf ? { asOf } : {}) }, signal),
    reports: (signal?: AbortSignal) =>
      call<{ items: SavedReport[] }>(`${base}/reports`, "GET", undefined, signal),
    report: (id: number, signal?: AbortSignal) =>
      call<SavedReport>(`${base}/reports/${id}`, "GET", undefined, signal),
    createReport: (input: { name: string; shared?: boolean; definition: ReportDefinition }) =>
      call<SavedReport>(`${base}/reports`, "POST", input),
    updateReport: (id: number, patch: { name?: string; shared?: boolean; definition?: ReportDefinition }) =>
      call<SavedReport>(`${base}/reports/${id}`, "PATCH", patch),
    deleteReport: (id: number) => call<void>(`${base}/reports/${id}`, "DELETE"),
    reportResult: (id: number, asOf?: string, signal?: AbortSignal) =>
      call<PivotResult>(`${base}/reports/${id}/result`, "POST", asOf ? { asOf } : {}, signal),
  };
}

export type StatsApi = ReturnType<typeof statsApi>;

/** Where a saved report's file is: the browser follows the link, the session cookie comes along. */
export function exportUrl(id: number, format: "xlsx" | "pdf", asOf?: string): string {
  const params = new URLSearchParams({ format });
  if (asOf) params.set("asOf", asOf);
  return `/api/v1/reports/${id}/export?${params}`;
}

export function useStatsApi(): StatsApi {
  const { csrfToken } = useRoot();
  return useMemo(() => statsApi(csrfToken), [csrfToken]);
}
