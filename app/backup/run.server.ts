// One backup run, however it was started (the schedule, the console's 立即备份, `linli backup`): a row
// first, then the file, then the row's outcome, the system log, and retention. A failure is logged,
// written to the system log and posted to every active street admin's inbox.
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../../db/dialect.ts";
import { recordAudit } from "../audit/log.server.ts";
import { conflict, isAppError } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { sendNotice } from "../notify/inbox.server.ts";
import { applyRetention } from "./retention.server.ts";
import {
  type BackupVia,
  type BackupView,
  insertRun,
  loadRun,
  markInterrupted,
  runningRun,
  updateRun,
} from "./runs.server.ts";
import { writeBackupFile } from "./write.server.ts";

export interface RunOptions {
  via: BackupVia;
  caller?: Caller | null;
  /** The schedule's claim; a run whose slot another process took already does not start. */
  slot?: string;
  /** A file or directory instead of the backup directory (`linli backup --out`). */
  out?: string;
  onSnapshot?(db: Kysely<any>): Promise<void>;
  /** Told each step (the command line prints them). */
  progress?(phase: string, percent: number): void;
}

export interface Started {
  id: number;
  location: string;
  /** Settles when the run has ended: the done row, or the error it failed with. */
  finished: Promise<BackupView>;
}

const running = new Map<number, { controller: AbortController; finished: Promise<unknown> }>();

/** Starts a run (after checks that answer at once); null when the schedule's slot was taken elsewhere. */
export async function beginBackup(services: Services, options: RunOptions): Promise<Started | null> {
  await markInterrupted(services);
  const busy = await runningRun(services);
  if (busy !== null && options.via !== "schedule")
    throw conflict(`备份 #${busy} 正在进行，请等它完成 / Backup #${busy} is running; wait for it to finish`);
  if (busy !== null) return null;
  let run: { id: number; location: string };
  try {
    run = await insertRun(services, {
      via: options.via,
      slot: options.slot,
      userId: options.caller?.actor.id ?? null,
      out: options.out,
    });
  } catch (error) {
    if (options.slot && isUniqueViolation(error)) return null;
    throw error;
  }
  const controller = new AbortController();
  const finished = execute(services, run.id, run.location, options, controller.signal);
  running.set(run.id, { controller, finished: finished.catch(() => {}) });
  void finished.then(
    () => running.delete(run.id),
    () => running.delete(run.id),
  );
  return { ...run, finished };
}

async function execute(
  services: Services,
  id: number,
  location: string,
  options: RunOptions,
  signal: AbortSignal,
): Promise<BackupView> {
  // Progress writes run one after another, so a late one never lands after the outcome.
  let writes: Promise<void> = Promise.resolve();
  const write = (set: Parameters<typeof updateRun>[2]) => {
    writes = writes
      .then(() => updateRun(services, id, set))
      .catch((error) => {
        services.log.warn({ err: error, backup: id }, "backup progress not written");
      });
    return writes;
  };
  let last = 0;
  const heartbeat = setInterval(() => void write({}), 30_000);
  heartbeat.unref();
  const actor = options.caller
    ? { caller: options.caller }
    : { actorName: options.via === "schedule" ? "system" : "linli backup" };
  try {
    const written = await writeBackupFile(services, location, {
      signal,
      onSnapshot: options.onSnapshot,
      progress(phase, percent) {
        options.progress?.(phase, percent);
        const now = Date.now();
        if (now - last < 1000 && percent < 100) return;
        last = now;
        void write({ phase, progress: percent });
      },
    });
    clearInterval(heartbeat);
    await writes;
    await updateRun(services, id, {
      status: "done",
      size: written.size,
      sha256: written.sha256,
      row_count: written.manifest.totals.rows,
      file_count: written.manifest.totals.files,
      phase: null,
      progress: 100,
      finished_at: Date.now(),
    });
    await recordAudit(services.db, services.dialect, {
      event: "backup.created",
      ...actor,
      target: { type: "backup", id },
      data: {
        backup: id,
        file: written.file,
        size: written.size,
        rows: written.manifest.totals.rows,
        files: written.manifest.totals.files,
        via: options.via,
      },
    });
    services.log.info({ backup: id, file: written.file, size: written.size }, "backup made");
    await applyRetention(services).catch((error) =>
      services.log.error({ err: error }, "backup retention failed; old backups were kept"),
    );
    return (await loadRun(services, id))!;
  } catch (error) {
    clearInterval(heartbeat);
    await writes;
    const stopped = signal.aborted;
    const message = (
      isAppError(error) ? error.message : error instanceof Error ? error.message : String(error)
    ).slice(0, 1000);
    await updateRun(services, id, {
      status: stopped ? "interrupted" : "failed",
      error: stopped ? "服务停止，备份未完成 / The server stopped before the backup was finished" : message,
      finished_at: Date.now(),
    }).catch(() => {});
    if (!stopped) await reportFailure(services, id, options.via, message, actor);
    throw error;
  }
}

async function reportFailure(
  services: Services,
  id: number,
  via: BackupVia,
  message: string,
  actor: { caller: Caller } | { actorName: string },
): Promise<void> {
  services.log.error({ backup: id, via, error: message }, "backup failed");
  try {
    await recordAudit(services.db, services.dialect, {
      event: "backup.failed",
      ...actor,
      target: { type: "backup", id },
      data: { backup: id, error: message, via },
    });
    const admins = await services.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "street_admin")
      .where("status", "=", "active")
      .execute();
    await sendNotice(
      services.db,
      admins.map((a) => Number(a.id)),
      {
        kind: "backup.failed",
        title: `数据备份失败（#${id}） / Backup #${id} failed`,
        body: `${message}\n请检查备份目录的磁盘空间与权限，然后在“数据备份”页面重新备份。 / Check the backup directory's free space and permissions, then back up again on the Backups page.`,
        link: "/admin/backups",
      },
    );
  } catch (error) {
    services.log.error({ err: error, backup: id }, "the backup failure could not be reported");
  }
}

/** Resolves when run `id` of this process has ended (at once when none runs here). */
export const backupSettled = async (id: number): Promise<void> => {
  await running.get(id)?.finished;
};

/** An orderly stop: runs of this process are cancelled and marked interrupted. */
export async function stopRunningBackups(): Promise<void> {
  for (const run of running.values()) run.controller.abort();
  await Promise.all([...running.values()].map((r) => r.finished));
}
