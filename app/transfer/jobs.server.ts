// Background jobs for imports, exports and print jobs (SPEC §A4, §A7): a row in transfer_jobs per job, its files under
// <data dir>/transfer/<id>/, progress written about once a second, cancel through an AbortController
// held by the process running it. A job left running by a process that died is marked interrupted at
// the next start, with the committed prefix its row recorded.
import fs from "node:fs";
import path from "node:path";
import type { Transaction } from "kysely";
import type { DB, TransferJobTable } from "../../db/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { conflict, isAppError, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";

export type JobStatus = TransferJobTable["status"];

export interface JobView {
  id: number;
  kind: "import" | "export" | "print";
  table: string;
  status: JobStatus;
  phase: string;
  fileName: string;
  done: number;
  total: number | null;
  committedThrough: number | null;
  committedRows: number;
  options: Record<string, unknown>;
  result: unknown;
  error: string | null;
  createdAt: number;
  startedAt: number | null;
  updatedAt: number;
  finishedAt: number | null;
  owner: string;
}

const running = new Map<number, AbortController>();
const settling = new Map<number, Promise<void>>();

/** Resolves when the job's current run has ended (at once when none runs in this process). */
export const jobSettled = (id: number): Promise<void> => settling.get(id) ?? Promise.resolve();

export const jobDir = (services: Services, id: number) =>
  path.join(services.config.dataDir, "transfer", String(id));

export async function createJob(
  services: Services,
  caller: Caller,
  job: {
    kind: "import" | "export" | "print";
    tableId: number;
    phase: string;
    fileName: string;
    options: unknown;
  },
): Promise<number> {
  const now = Date.now();
  const inserted = await services.db
    .insertInto("transfer_jobs")
    .values({
      kind: job.kind,
      table_id: job.tableId,
      user_id: caller.actor.id,
      org_path: caller.actor.orgPath,
      status: "queued",
      phase: job.phase,
      file_name: job.fileName.slice(0, 255),
      options: JSON.stringify(job.options ?? {}),
      total: null,
      committed_through: null,
      result: null,
      error: null,
      created_at: now,
      started_at: null,
      updated_at: now,
      finished_at: null,
    })
    .executeTakeFirstOrThrow();
  const id = Number(inserted.insertId);
  fs.mkdirSync(jobDir(services, id), { recursive: true });
  return id;
}

export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number | null): void;
  /** Inside a committed batch's transaction: how far the file is in the database. */
  committed(trx: Transaction<DB>, throughRow: number, rows: number): Promise<void>;
}

/**
 * Run `work` for job `id` in the background: status running → done (with its result) / cancelled /
 * failed (a typed error's message; anything else is logged and reported plainly).
 */
export function runJob(
  services: Services,
  id: number,
  phase: string,
  work: (control: JobControl) => Promise<unknown>,
): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  let last = 0;
  const control: JobControl = {
    signal: controller.signal,
    progress(done, total) {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      void update(services, id, { done, total, updated_at: now });
    },
    async committed(trx, throughRow, rows) {
      await trx
        .updateTable("transfer_jobs")
        .set({ committed_through: throughRow, committed_rows: rows, updated_at: Date.now() })
        .where("id", "=", id)
        .execute();
    },
  };
  const start = Date.now();
  const settled = update(services, id, {
    status: "running",
    phase,
    started_at: start,
    updated_at: start,
    finished_at: null,
    error: null,
    done: 0,
  })
    .then(() => work(control))
    .then(
      (result) => finish(services, id, "done", { result: JSON.stringify(result ?? null) }),
      (error: unknown) => {
        if (controller.signal.aborted) return finish(services, id, "cancelled", {});
        if (isAppError(error)) return finish(services, id, "failed", { error: error.message.slice(0, 1000) });
        services.log.error({ err: error, job: id }, "transfer job failed");
        return finish(services, id, "failed", {
          error: "任务意外中止，请重试 / The job stopped unexpectedly; try again",
        });
      },
    )
    .finally(() => {
      running.delete(id);
      settling.delete(id);
    });
  settling.set(id, settled);
  return settled;
}

async function update(services: Services, id: number, set: Partial<Record<keyof TransferJobTable, unknown>>) {
  await services.db
    .updateTable("transfer_jobs")
    .set(set as never)
    .where("id", "=", id)
    .execute();
}

/** The choices a job runs with (an import's sheet, mapping, mode…), saved before it runs again. */
export const saveJobOptions = (services: Services, id: number, options: unknown) =>
  update(services, id, { options: JSON.stringify(options) });

async function finish(services: Services, id: number, status: JobStatus, set: Record<string, unknown>) {
  const now = Date.now();
  await update(services, id, { ...set, status, updated_at: now, finished_at: now });
}

/** At start: jobs a dead process left running are interrupted, not silently half-done. */
export async function markInterruptedJobs(services: Services): Promise<number> {
  const result = await services.db
    .updateTable("transfer_jobs")
    .set({ status: "interrupted", finished_at: Date.now(), updated_at: Date.now() })
    .where("status", "in", ["queued", "running"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An orderly stop: running jobs are cancelled (valid-rows imports keep and report their prefix). */
export async function stopRunningJobs(): Promise<void> {
  for (const controller of running.values()) controller.abort();
  await Promise.all([...settling.values()]);
}

export function cancelRunning(id: number): boolean {
  const controller = running.get(id);
  controller?.abort();
  return controller !== undefined;
}

/** A job the caller may see: one of record readers made inside their scope (their own included). */
export async function loadJob(services: Services, caller: Caller, id: number): Promise<JobView> {
  await authorize(services, caller, "record.read");
  const row = await jobRows(services).where("transfer_jobs.id", "=", id).executeTakeFirst();
  if (!row || (Number(row.user_id) !== caller.actor.id && !row.org_path.startsWith(caller.actor.orgPath)))
    throw notFound("没有这个导入导出任务 / No such job");
  return present(row);
}

export async function listJobs(
  services: Services,
  caller: Caller,
  limit = 20,
  kinds?: readonly JobView["kind"][],
): Promise<JobView[]> {
  await authorize(services, caller, "record.read");
  let query = jobRows(services).where("transfer_jobs.org_path", "like", `${caller.actor.orgPath}%`);
  if (kinds) query = query.where("transfer_jobs.kind", "in", [...kinds]);
  const rows = await query.orderBy("transfer_jobs.id", "desc").limit(limit).execute();
  return rows.map(present);
}

/** Job rows with their table's key and their owner's username, as JobView presents them. */
const jobRows = (services: Services) =>
  services.db
    .selectFrom("transfer_jobs")
    .innerJoin("data_tables", "data_tables.id", "transfer_jobs.table_id")
    .innerJoin("users", "users.id", "transfer_jobs.user_id")
    .selectAll("transfer_jobs")
    .select(["data_tables.key as table_key", "users.username"]);

export function assertIdle(job: JobView) {
  if (job.status === "running" || job.status === "queued")
    throw conflict("任务正在进行中，请等待完成或先取消 / The job is still running; wait or cancel it first");
}

function present(row: Record<string, unknown>): JobView {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(row.id),
    kind: row.kind as JobView["kind"],
    table: String(row.table_key),
    status: row.status as JobStatus,
    phase: String(row.phase),
    fileName: String(row.file_name),
    done: Number(row.done),
    total: n(row.total),
    committedThrough: n(row.committed_through),
    committedRows: Number(row.committed_rows),
    options: JSON.parse(String(row.options)),
    result: row.result ? JSON.parse(String(row.result)) : null,
    error: (row.error as string | null) ?? null,
    createdAt: Number(row.created_at),
    startedAt: n(row.started_at),
    updatedAt: Number(row.updated_at),
    finishedAt: n(row.finished_at),
    owner: String(row.username),
  };
}

/** Stop a running job: a committed prefix stays (and is reported), an all-or-nothing import rolls back. */
export async function cancelJob(services: Services, caller: Caller, id: number): Promise<JobView> {
  const job = await loadJob(services, caller, id);
  if (job.status !== "running" && job.status !== "queued")
    throw conflict("任务已经结束，无法取消 / The job has already ended");
  await recordAudit(services.db, services.dialect, {
    event: "transfer.cancelled",
    data: { job: id, kind: job.kind, table: job.table, file: job.fileName },
    caller,
    target: { type: job.table, id: `${job.kind}-${id}` },
  });
  if (!cancelRunning(id)) await finish(services, id, "cancelled", {});
  await jobSettled(id);
  return loadJob(services, caller, id);
}
