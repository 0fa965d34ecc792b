// The import wizard's and the export dialog's calls to the JSON API with the page's session. The upload
// goes by XMLHttpRequest, the one browser API that reports upload progress; its body is the file itself.
import { useCallback, useEffect, useRef, useState } from "react";
import type { JobOut } from "../../api/presenters-transfer.ts";
import type { ViewQuery } from "../../query/view.ts";
import { ApiError, apiJson } from "../grid/api.ts";

export type Job = JobOut;
export type { ImportResult } from "../../api/presenters-transfer.ts";

export const isRunning = (job: Job) => job.status === "running" || job.status === "queued";

/** What the check step may change (null: back to automatic / none). */
export interface CheckChanges {
  sheet?: number;
  headerRow?: number | null;
  columns?: { column: number; target: string | null }[] | null;
  mode?: "add" | "update" | "upsert";
  key?: string;
  orgId?: number | null;
}

export interface ExportRequest {
  query: ViewQuery;
  columns?: string[];
  format: "xlsx" | "csv";
  subTables?: string[];
  reveal?: boolean;
}

export function transferApi(csrf: string) {
  return {
    job: (id: number, signal?: AbortSignal) => apiJson<Job>(`/api/v1/jobs/${id}`, { signal }),
    jobs: () => apiJson<{ items: Job[] }>("/api/v1/jobs"),
    cancel: (id: number) => apiJson<Job>(`/api/v1/jobs/${id}/cancel`, { method: "POST", csrf }),
    check: (id: number, changes: CheckChanges) =>
      apiJson<Job>(`/api/v1/imports/${id}/check`, { method: "POST", body: changes, csrf }),
    commit: (id: number, atomic: boolean) =>
      apiJson<Job>(`/api/v1/imports/${id}/commit`, { method: "POST", body: { atomic }, csrf }),
    exportView: (table: string, body: ExportRequest) =>
      apiJson<Job>(`/api/v1/tables/${encodeURIComponent(table)}/export`, { method: "POST", body, csrf }),
    upload: (file: File, table: string, onProgress: (fraction: number) => void) =>
      uploadFile(file, table, csrf, onProgress),
  };
}

function uploadFile(file: File, table: string, csrf: string, onProgress: (f: number) => void): Promise<Job> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports?table=${encodeURIComponent(table)}`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { error?: { message?: string; fields?: Record<string, string> } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body) return resolve(body as Job);
      reject(
        new ApiError(
          xhr.status,
          body?.error?.message ?? `上传失败（${xhr.status}） / The upload failed (${xhr.status})`,
          body?.error?.fields ?? {},
        ),
      );
    };
    xhr.onerror = () =>
      reject(new ApiError(0, "网络连接失败，上传没有完成 / The network failed; the upload did not finish"));
    xhr.send(file);
  });
}

/**
 * A job, polled about every 700 ms while it runs. `replace` takes a job an action returned (a new check
 * or a commit) and polls again from there.
 */
export function useJob(id: number | null, csrf: string) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const api = useRef(transferApi(csrf));
  useEffect(() => {
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.current.job(id, controller.signal);
        setJob(next);
        setError(null);
        if (isRunning(next)) timer = setTimeout(poll, 700);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
        // A network hiccup: try again a little later rather than give up on a running job.
        timer = setTimeout(poll, 2000);
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, tick]);
  const replace = useCallback((next: Job) => {
    setJob(next);
    setTick((t) => t + 1);
  }, []);
  return { job: id === null ? null : job?.id === id ? job : null, error, replace };
}
