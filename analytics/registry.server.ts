// One replica per record table, per process: opened on first use, then kept current by following the
// change log. Every query of the engine goes through here.
import type { Services } from "../app/core/services.server.ts";
import { openReplica, type Replica } from "./replica.server.ts";

export interface Analytics {
  /** The table's replica, current to within a second; opened (loaded) on first use. */
  replica(tableKey: string): Promise<Replica>;
  close(): void;
}

/** How often each replica looks for committed changes. */
const FOLLOW_MS = 250;

export function createAnalytics(services: Omit<Services, "analytics">): Analytics {
  const opened = new Map<string, Promise<Replica>>();
  return {
    replica(tableKey) {
      let replica = opened.get(tableKey);
      if (!replica) {
        replica = openReplica(services as Services, tableKey).then((r) => {
          r.follow(FOLLOW_MS);
          return r;
        });
        // A failed load is not remembered: the next query tries again.
        replica.catch(() => opened.delete(tableKey));
        opened.set(tableKey, replica);
      }
      return replica;
    },
    close() {
      for (const replica of opened.values()) replica.then((r) => r.close()).catch(() => {});
      opened.clear();
    },
  };
}
