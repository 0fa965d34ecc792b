// Periodic chores of a running server: finish sealing fields newly marked sensitive (after a restart), and
// empty the recycle bin of records past their retention period. Runs at start and then every hour; a
// failure is logged and retried at the next round.
import { purgeExpired } from "../people/records/recycle.server.ts";
import { resealPending } from "../people/records/reseal.server.ts";
import type { Services } from "./services.server.ts";

const HOUR = 60 * 60 * 1000;

export function startHousekeeping(services: Services): () => void {
  const round = async () => {
    try {
      await resealPending(services);
      const purged = await purgeExpired(services);
      if (purged > 0) services.log.info({ purged }, "emptied expired records from the recycle bin");
    } catch (error) {
      services.log.error({ err: error }, "recycle-bin housekeeping failed");
    }
  };
  void round();
  const timer = setInterval(round, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
