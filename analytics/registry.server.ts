// One replica per record table, per process: opened on first use (the server opens `people` at start),
// then kept current by following the change log every 250 ms, snapshotted to disk every ten minutes when
// it changed and at an orderly shutdown. Every query of the engine goes through here.
import path from "node:path";
import type { Services } from "../app/core/services.server.ts";
import { openReplica, type Replica, type ReplicaOrigin } from "./replica.server.ts";

/** What a health check may say about a table's replica. */
export type ReplicaStatus =
  | { state: "loading"; since: number }
  | ({ state: "ready"; seenVersion: number } & ReplicaOrigin)
  | { state: "failed"; error: string };

export interface Analytics {
  /** The table's replica, current to within a second; opened (loaded) on first use. */
  replica(tableKey: string): Promise<Replica>;
  /** How the table's replica stands; undefined when it was never asked for. */
  status(tableKey: string): ReplicaStatus | undefined;
  /** Write the snapshots of replicas that changed (the periodic timer does this on its own). */
  saveSnapshots(): Promise<void>;
  /** Stop following, write the snapshots that changed, free the memory. */
  close(): Promise<void>;
}

export interface AnalyticsOptions {
  /** Where snapshots are kept; null: none (tests). Default `<data dir>/replica`, none under NODE_ENV=test. */
  snapshotDir?: string | null;
  /** How often changed replicas are snapshotted. */
  snapshotEveryMs?: number;
  /** Worker threads decoding a full load (default: by cores). */
  threads?: number;
}

/** How often each replica looks for committed changes. */
const FOLLOW_MS = 250;
const SNAPSHOT_EVERY_MS = 10 * 60 * 1000;

export function createAnalytics(
  services: Omit<Services, "analytics">,
  options: AnalyticsOptions = {},
): Analytics {
  const snapshotDir =
    options.snapshotDir !== undefined
      ? options.snapshotDir
      : services.config.env === "test"
        ? null
        : path.join(services.config.dataDir, "replica");
  const opened = new Map<string, Promise<Replica>>();
  /** Replicas loaded and current. */
  const live = new Map<string, Replica>();
  /** Tables whose replica is loading or failed to load. */
  const statuses = new Map<string, ReplicaStatus>();
  let snapshotTimer: NodeJS.Timeout | undefined;
  let closing = false;
  /** Aborts loads under way when the process stops. */
  const stopping = new AbortController();

  const save = async (replica: Replica) => {
    try {
      await replica.saveSnapshot();
    } catch (error) {
      services.log.error({ err: error, table: replica.tableKey }, "replica snapshot failed");
    }
  };

  const open = (tableKey: string): Promise<Replica> => {
    statuses.set(tableKey, { state: "loading", since: Date.now() });
    const replica = openReplica(services as Services, tableKey, {
      snapshotDir: snapshotDir ?? undefined,
      threads: options.threads,
      onStale: () => void rebuild(tableKey),
      signal: stopping.signal,
    }).then(
      (r) => {
        r.follow(FOLLOW_MS);
        live.set(tableKey, r);
        statuses.delete(tableKey);
        services.log.info({ table: tableKey, ...r.origin }, "replica ready");
        // A full load is worth keeping at once: the next start reads the snapshot instead.
        if (r.origin.source === "full") void save(r);
        startSnapshots();
        return r;
      },
      (error: unknown) => {
        // A failed load is not remembered: the next query tries again.
        opened.delete(tableKey);
        statuses.set(tableKey, { state: "failed", error: (error as Error).message });
        throw error;
      },
    );
    opened.set(tableKey, replica);
    return replica;
  };

  /** A replica whose rows no longer match its fields is loaded again beside it, then swapped in. */
  const rebuild = async (tableKey: string) => {
    const old = opened.get(tableKey);
    if (!old || closing) return;
    try {
      const fresh = await openReplica(services as Services, tableKey, {
        snapshotDir: snapshotDir ?? undefined,
        threads: options.threads,
        onStale: () => void rebuild(tableKey),
        signal: stopping.signal,
      });
      if (closing || opened.get(tableKey) !== old) {
        await fresh.close();
        return;
      }
      fresh.follow(FOLLOW_MS);
      opened.set(tableKey, Promise.resolve(fresh));
      live.set(tableKey, fresh);
      void save(fresh);
      // Queries already holding the old replica finish first.
      setTimeout(() => void old.then((r) => r.close()), 5_000).unref();
    } catch (error) {
      services.log.error({ err: error, table: tableKey }, "replica rebuild failed");
    }
  };

  const ready = () =>
    Promise.all(
      [...opened.values()].map((p) =>
        p.then(
          (r) => r,
          () => null,
        ),
      ),
    );

  const analytics: Analytics = {
    replica(tableKey) {
      return opened.get(tableKey) ?? open(tableKey);
    },
    status(tableKey) {
      const replica = live.get(tableKey);
      return replica
        ? { state: "ready", seenVersion: replica.seenVersion, ...replica.origin }
        : statuses.get(tableKey);
    },
    async saveSnapshots() {
      for (const replica of await ready()) if (replica) await save(replica);
    },
    async close() {
      closing = true;
      stopping.abort(new Error("the process is stopping"));
      if (snapshotTimer) clearInterval(snapshotTimer);
      const replicas = await ready();
      opened.clear();
      live.clear();
      for (const replica of replicas) {
        if (!replica) continue;
        await save(replica);
        await replica.close();
      }
    },
  };

  function startSnapshots() {
    if (!snapshotDir || snapshotTimer) return;
    snapshotTimer = setInterval(
      () => void analytics.saveSnapshots(),
      options.snapshotEveryMs ?? SNAPSHOT_EVERY_MS,
    );
    snapshotTimer.unref();
  }

  return analytics;
}
