// Periodic chores of a running server: finish sealing fields newly marked sensitive (after a restart), and
// empty the recycle bin of records past their retention period, archive system-log rows past theirs. Runs
// at start and then every hour; a failure is logged and retried at the next round.
import { archiveExpired } from "../audit/archive.server.ts";
import { startBackupSchedule } from "../backup/schedule.server.ts";
import { purgeExpired } from "../people/records/recycle.server.ts";
import { resealPending } from "../people/records/reseal.server.ts";
import type { Services } from "./services.server.ts";

const HOUR = 60 * 60 * 1000;

export function startHousekeeping(services: Services): () => void {
  // Scheduled backups look once a minute, on a timer of their own (app/backup/schedule.server.ts).
  const stopBackups = startBackupSchedule(services);
  const round = async () => {
    try {
      await resealPending(services);
      const purged = await purgeExpired(services);
      if (purged > 0) services.log.info({ purged }, "emptied expired records from the recycle bin");
    } catch (error) {
      services.log.error({ err: error }, "recycle-bin housekeeping failed");
    }
    // Apart from the recycle bin, so a failure of one never holds the other back.
    try {
      for (const archive of await archiveExpired(services))
        services.log.info(archive, "archived system-log rows past the retention period");
    } catch (error) {
      services.log.error({ err: error }, "system-log archive failed; no log rows were removed");
    }
  };
  void round();
  const timer = setInterval(round, HOUR);
  timer.unref();
  return () => {
    clearInterval(timer);
    stopBackups();
  };
}
