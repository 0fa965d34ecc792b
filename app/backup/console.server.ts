// What the console's 数据备份 page and /api/v1/backups ask: the list of runs with their status and the
// settings they follow, and 立即备份 — a run in the background whose progress the list shows.
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { beginBackup } from "./run.server.ts";
import { type BackupView, backupDirOf, listRuns, loadRun, markInterrupted } from "./runs.server.ts";
import { parseKeep, parseSchedule } from "./settings.ts";

export interface BackupsPage {
  items: BackupView[];
  settings: {
    /** null: scheduled backups are off. */
    daily: string | null;
    keep: { count: number } | { days: number };
    directory: string;
  };
}

export async function listBackups(services: Services, caller: Caller): Promise<BackupsPage> {
  await authorize(services, caller, "backup.manage");
  await markInterrupted(services);
  const schedule = parseSchedule(services.config.backupSchedule);
  return {
    items: await listRuns(services),
    settings: {
      daily:
        schedule.kind === "off"
          ? null
          : `${String(schedule.hour).padStart(2, "0")}:${String(schedule.minute).padStart(2, "0")}`,
      keep: parseKeep(services.config.backupKeep),
      directory: backupDirOf(services.config),
    },
  };
}

/** Starts a backup now; answers at once with its row (409 while another one runs). */
export async function startBackup(services: Services, caller: Caller): Promise<BackupView> {
  await authorize(services, caller, "backup.manage");
  const started = await beginBackup(services, { via: "console", caller });
  // Reported by the run itself (log, system log, street admins' inboxes).
  void started!.finished.catch(() => {});
  return (await loadRun(services, started!.id))!;
}
