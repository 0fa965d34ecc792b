// The query panels' calls to the JSON API with the page's session: writes carry the CSRF token; a
// refusal becomes a QueryApiError with the server's message ("中文 / English") and per-field messages
// (a filter problem names its condition as `filter.1.2`). Queries travel in request bodies only.
import { useMemo } from "react";
import type { Facet, GroupResult, Totals } from "../../../analytics/query/results.ts";
import type { GroupRequest, ViewDefinition, ViewQuery } from "../../query/view.ts";
import { useRoot } from "../useRoot.ts";

export class QueryApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "QueryApiError";
  }
}

/** Cancelled because a newer request replaced it: nothing to tell anyone. */
export const isAbort = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { name?: string }).name === "AbortError";

export type { ShareKind } from "../../query/view.ts";

import type { ShareKind } from "../../query/view.ts";

/** A saved view as the API lists it. */
export interface SavedView {
  id: number;
  name: string;
  owner: { id: number; username: string; displayName: string };
  mine: boolean;
  canEdit: boolean;
  share: ShareKind;
  shareRole: string | null;
  shareOrg: { id: number; name: string } | null;
  definition: ViewDefinition;
  updatedAt?: string;
}

export interface ViewInput {
  name?: string;
  share?: ShareKind;
  role?: string;
  orgId?: number;
  definition?: ViewDefinition;
}

/** One colour of a table's palette and what staff agreed it means. */
export interface PaletteColour {
  id?: number;
  colour: string;
  meaning: string;
}

export interface QueryApi {
  facets(query: ViewQuery, fields: string[], signal?: AbortSignal): Promise<Facet[]>;
  stats(
    request: Omit<GroupRequest, "query"> & { query: ViewQuery },
    signal?: AbortSignal,
  ): Promise<GroupResult>;
  totals(query: ViewQuery, signal?: AbortSignal): Promise<Totals>;
  views(signal?: AbortSignal): Promise<SavedView[]>;
  createView(input: ViewInput & { name: string; definition: ViewDefinition }): Promise<SavedView>;
  updateView(id: number, input: ViewInput): Promise<SavedView>;
  deleteView(id: number): Promise<void>;
  palette(signal?: AbortSignal): Promise<PaletteColour[]>;
  addColour(colour: { colour: string; meaning: string }): Promise<PaletteColour>;
  updateColour(
    id: number,
    patch: { meaning?: string; colour?: string; position?: number },
  ): Promise<PaletteColour>;
  deleteColour(id: number): Promise<void>;
}

type Fetch = typeof fetch;

/** Lists come wrapped as { items: [...] }. */
function listOf<T>(json: unknown): T[] {
  if (Array.isArray(json)) return json as T[];
  const inner = (json as { items?: unknown } | null)?.items;
  return Array.isArray(inner) ? (inner as T[]) : [];
}

/**
 * A JSON call to the API with the session cookie and, on writes, the CSRF header; a 4xx becomes a
 * QueryApiError carrying the server's bilingual message and per-field messages.
 */
export function jsonCall(csrf: string, fetchFn: Fetch = (...a) => fetch(...a)) {
  return async function call<T>(
    url: string,
    method = "GET",
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET") headers["x-csrf-token"] = csrf;
    let response: Response;
    try {
      response = await fetchFn(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: "same-origin",
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new QueryApiError(0, "网络连接失败，请稍后再试 / The network failed; try again shortly");
    }
    if (response.status === 204) return undefined as T;
    const json = (await response.json().catch(() => null)) as {
      error?: { message?: string; fields?: Record<string, string> };
    } | null;
    if (!response.ok)
      throw new QueryApiError(
        response.status,
        json?.error?.message ?? `请求失败（${response.status}）/ The request failed (${response.status})`,
        json?.error?.fields ?? {},
      );
    return json as T;
  };
}

export function queryApi(tableKey: string, csrf: string, fetchFn: Fetch = (...a) => fetch(...a)): QueryApi {
  const table = `/api/v1/tables/${encodeURIComponent(tableKey)}`;
  const call = jsonCall(csrf, fetchFn);
  return {
    facets: async (query, fields, signal) =>
      listOf<Facet>(await call(`${table}/facets`, "POST", { query, fields }, signal)),
    stats: (request, signal) => call(`${table}/stats`, "POST", request, signal),
    totals: (query, signal) => call(`${table}/totals`, "POST", { query }, signal),
    views: async (signal) => listOf<SavedView>(await call(`${table}/views`, "GET", undefined, signal)),
    createView: (input) => call(`${table}/views`, "POST", input),
    updateView: (id, input) => call(`/api/v1/views/${id}`, "PATCH", input),
    deleteView: async (id) => {
      await call(`/api/v1/views/${id}`, "DELETE");
    },
    palette: async (signal) =>
      listOf<PaletteColour>(await call(`${table}/colours`, "GET", undefined, signal)),
    addColour: (colour) => call(`${table}/colours`, "POST", colour),
    updateColour: (id, patch) => call(`/api/v1/colours/${id}`, "PATCH", patch),
    deleteColour: async (id) => {
      await call(`/api/v1/colours/${id}`, "DELETE");
    },
  };
}

/** The API for one table with the page's CSRF token. */
export function useQueryApi(tableKey: string): QueryApi {
  const { csrfToken } = useRoot();
  return useMemo(() => queryApi(tableKey, csrfToken), [tableKey, csrfToken]);
}
