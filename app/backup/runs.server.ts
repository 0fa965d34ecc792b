// The `backups` rows: one per run, how it is going and how it ended. Only a `done` row names a complete,
// verified file; a row left `running` by a process that died (kill -9, a crash, a power cut) is marked
// `interrupted` by the next process that looks, and its partial file is removed.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BackupTable } from "../../db/types.ts";
import type { Config } from "../core/config.server.ts";
import type { Services } from "../core/services.server.ts";
import { removeCopy } from "./snapshot.server.ts";
import { partialOf, snapshotCopyOf } from "./write.server.ts";

export type BackupStatus = BackupTable["status"];
export type BackupVia = BackupTable["started_via"];

export interface BackupView {
  id: number;
  status: BackupStatus;
  via: BackupVia;
  file: string;
  location: string;
  size: number | null;
  sha256: string | null;
  rows: number | null;
  files: number | null;
  phase: string | null;
  progress: number;
  error: string | null;
  host: string;
  startedBy: string | null;
  createdAt: number;
  finishedAt: number | null;
}

/** A run on another machine whose heartbeat stopped this long ago is taken as dead. */
const STALE_MS = 10 * 60 * 1000;

export const HOST = os.hostname();

export const backupDirOf = (config: Config) => config.backupDir ?? path.join(config.dataDir, "backups");

/** linli-backup-20261207-023000-12.lbk: Beijing time, then the row id (two runs in one second differ). */
export function fileNameFor(at: number, id: number): string {
  const beijing = new Date(at + 8 * 3600 * 1000).toISOString();
  const stamp = beijing.slice(0, 19).replace(/-/g, "").replace("T", "-").replace(/:/g, "");
  return `linli-backup-${stamp}-${id}.lbk`;
}

export async function insertRun(
  services: Services,
  run: { via: BackupVia; slot?: string; userId?: number | null; out?: string },
): Promise<{ id: number; location: string }> {
  const now = Date.now();
  const inserted = await services.db
    .insertInto("backups")
    .values({
      status: "running",
      started_via: run.via,
      slot: run.slot ?? null,
      location: "",
      size: null,
      sha256: null,
      row_count: null,
      file_count: null,
      phase: "snapshot",
      error: null,
      host: HOST,
      pid: process.pid,
      user_id: run.userId ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .executeTakeFirstOrThrow();
  const id = Number(inserted.insertId);
  const location = await targetFile(run.out, backupDirOf(services.config), now, id);
  await services.db.updateTable("backups").set({ location }).where("id", "=", id).execute();
  return { id, location };
}

/** `--out`: a file name, or a directory to put the usual name in; default the backup directory. */
async function targetFile(out: string | undefined, dir: string, at: number, id: number): Promise<string> {
  if (!out) return path.join(dir, fileNameFor(at, id));
  const resolved = path.resolve(out);
  const stat = await fs.stat(resolved).catch(() => null);
  return stat?.isDirectory() || out.endsWith("/") ? path.join(resolved, fileNameFor(at, id)) : resolved;
}

export async function updateRun(
  services: Services,
  id: number,
  set: Partial<Omit<BackupTable, "id" | "progress">> & { progress?: number },
): Promise<void> {
  await services.db
    .updateTable("backups")
    .set({ ...set, updated_at: Date.now() })
    .where("id", "=", id)
    .execute();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Marks runs whose process is gone as interrupted (and removes what they left); returns how many. */
export async function markInterrupted(services: Services): Promise<number> {
  const rows = await services.db
    .selectFrom("backups")
    .select(["id", "host", "pid", "location", "updated_at"])
    .where("status", "=", "running")
    .execute();
  const now = Date.now();
  let marked = 0;
  for (const row of rows) {
    const mine = row.host === HOST;
    const dead = mine ? Number(row.pid) !== process.pid && !alive(Number(row.pid)) : false;
    if (!dead && now - Number(row.updated_at) < STALE_MS) continue;
    const result = await services.db
      .updateTable("backups")
      .set({
        status: "interrupted",
        error: "备份进程意外中止，未生成可用的备份 / The backup process stopped; no usable backup was made",
        updated_at: now,
        finished_at: now,
      })
      .where("id", "=", row.id)
      .where("status", "=", "running")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) continue;
    marked++;
    // Only a `done` row vouches for a file under the final name; whatever this run left goes.
    if (mine && row.location) {
      await Promise.all([row.location, partialOf(row.location)].map((f) => fs.rm(f, { force: true })));
      await removeCopy(snapshotCopyOf(row.location));
    }
  }
  return marked;
}

export async function runningRun(services: Services): Promise<number | null> {
  const row = await services.db
    .selectFrom("backups")
    .select("id")
    .where("status", "=", "running")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function listRuns(services: Services, limit = 50): Promise<BackupView[]> {
  const rows = await services.db
    .selectFrom("backups")
    .leftJoin("users", "users.id", "backups.user_id")
    .selectAll("backups")
    .select("users.username")
    .orderBy("backups.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(present);
}

export async function loadRun(services: Services, id: number): Promise<BackupView | null> {
  const row = await services.db
    .selectFrom("backups")
    .leftJoin("users", "users.id", "backups.user_id")
    .selectAll("backups")
    .select("users.username")
    .where("backups.id", "=", id)
    .executeTakeFirst();
  return row ? present(row) : null;
}

function present(row: Record<string, unknown>): BackupView {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(row.id),
    status: row.status as BackupStatus,
    via: row.started_via as BackupVia,
    file: path.basename(String(row.location)),
    location: String(row.location),
    size: n(row.size),
    sha256: (row.sha256 as string | null) ?? null,
    rows: n(row.row_count),
    files: n(row.file_count),
    phase: (row.phase as string | null) ?? null,
    progress: Number(row.progress),
    error: (row.error as string | null) ?? null,
    host: String(row.host),
    startedBy: (row.username as string | null) ?? null,
    createdAt: Number(row.created_at),
    finishedAt: n(row.finished_at),
  };
}
