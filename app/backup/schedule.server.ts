// Scheduled backups (LINLI_BACKUP_SCHEDULE, default "daily 02:30" Beijing time; "off" turns them off).
// Every app process looks once a minute; the first to find today's backup due claims its slot — a unique
// column of the run's row — so processes sharing one database make it once. A process that was down at
// the hour makes the day's backup when it starts; a day whose run failed or was interrupted is not
// retried until the next day (the failure is in street admins' inboxes).
import type { Services } from "../core/services.server.ts";
import { beginBackup, type Started } from "./run.server.ts";
import { parseSchedule, type Schedule } from "./settings.ts";

const BEIJING = 8 * 3600 * 1000;

/** The slot due at `now` ("daily:2026-12-07" once 02:30 Beijing time has passed that day), or null. */
export function dueSlot(schedule: Schedule, now: number): string | null {
  if (schedule.kind === "off") return null;
  const local = new Date(now + BEIJING);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  if (minutes < schedule.hour * 60 + schedule.minute) return null;
  return `daily:${local.toISOString().slice(0, 10)}`;
}

/** Starts the due backup unless some process has claimed its slot; null when nothing started. */
export async function runScheduledBackup(services: Services, now = Date.now()): Promise<Started | null> {
  const slot = dueSlot(parseSchedule(services.config.backupSchedule), now);
  if (!slot) return null;
  const claimed = await services.db
    .selectFrom("backups")
    .select("id")
    .where("slot", "=", slot)
    .executeTakeFirst();
  if (claimed) return null;
  return beginBackup(services, { via: "schedule", slot });
}

export function startBackupSchedule(services: Services): () => void {
  if (parseSchedule(services.config.backupSchedule).kind === "off") return () => {};
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const started = await runScheduledBackup(services);
      // The run reports its own failure (log, system log, inbox); here it only must not go unhandled.
      await started?.finished.catch(() => {});
    } catch (error) {
      services.log.error({ err: error }, "the scheduled backup could not start");
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(tick, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
