// The grid's calls to the JSON API with the page's session: every write carries the CSRF token, and a
// refusal comes back as an ApiError holding the server's message (Chinese / English) and per-field
// messages. Numbers and filters travel in request bodies, never in URLs.
import type { RowWindow, Totals } from "../../../analytics/query/results.ts";
import type { ViewQuery } from "../../query/view.ts";
import type { CellInput } from "./cells.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Aborted on purpose (a newer request replaced it): not worth telling anyone. */
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

export async function apiJson<T>(
  url: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; csrf?: string } = {},
): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && init.csrf) headers["x-csrf-token"] = init.csrf;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, "网络连接失败，请稍后再试 / The network failed; try again shortly");
  }
  const json = (await response.json().catch(() => null)) as {
    error?: { message?: string; fields?: Record<string, string> };
  } | null;
  if (!response.ok)
    throw new ApiError(
      response.status,
      json?.error?.message ?? `请求失败（${response.status}） / The request failed (${response.status})`,
      json?.error?.fields ?? {},
    );
  return json as T;
}

/** A record as the API returns it after a save (the parts the grid keeps). */
export interface SavedRecord {
  id: number;
  version: number;
  values: Record<string, unknown>;
  display: Record<string, string>;
  masked: string[];
}

export interface GridApi {
  window(query: ViewQuery, offset: number, limit: number, signal?: AbortSignal): Promise<RowWindow>;
  totals(query: ViewQuery, signal?: AbortSignal): Promise<Totals>;
  saveRecord(id: number, version: number, values: Record<string, CellInput>): Promise<SavedRecord>;
  deleteRecord(id: number): Promise<void>;
  mark(ids: number[], colour: string | null): Promise<MarkResult>;
  undoMark(undo: MarkUndo): Promise<MarkResult>;
}

/** The handle a marking returns to undo it with. */
export interface MarkUndo {
  from: number;
  to: number;
}

export interface MarkResult {
  /** Records whose colour changed. */
  count: number;
  undo: MarkUndo | null;
}

/** The grid's API for one table (the query API takes the table's key). */
export function gridApi(tableKey: string, csrf: string): GridApi {
  const table = `/api/v1/tables/${encodeURIComponent(tableKey)}`;
  return {
    window: (query, offset, limit, signal) =>
      apiJson<RowWindow>(`${table}/query`, {
        method: "POST",
        body: { query, offset, limit },
        signal,
        csrf,
      }),
    totals: (query, signal) =>
      apiJson<Totals>(`${table}/totals`, { method: "POST", body: { query }, signal, csrf }),
    saveRecord: (id, version, values) =>
      apiJson<SavedRecord>(`/api/v1/records/${id}`, { method: "PATCH", body: { version, values }, csrf }),
    deleteRecord: async (id) => {
      await apiJson(`/api/v1/records/${id}`, { method: "DELETE", csrf });
    },
    mark: (ids, colour) =>
      apiJson<MarkResult>(`${table}/marks`, { method: "POST", body: { ids, colour }, csrf }),
    undoMark: (undo) => apiJson<MarkResult>(`${table}/marks/undo`, { method: "POST", body: undo, csrf }),
  };
}
