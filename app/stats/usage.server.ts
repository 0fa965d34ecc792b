// Counting the use of platform functions without slowing requests down: `count()` only bumps a number in
// this process's memory, keyed by (Beijing day, feature, org path); a timer adds the numbers into
// usage_counts every few seconds, and `close()` does it once more before the database closes. Each key is
// one upsert that adds to the stored count, so several app processes on one database add up. A flush that
// fails keeps its numbers for the next one. The figures therefore lag by up to one flush interval.
import type { Kysely } from "kysely";
import type { Dialect } from "../../db/dialect.ts";
import type { DB } from "../../db/types.ts";
import type { Logger } from "../core/logger.server.ts";
import type { Caller } from "../core/services.server.ts";
import type { FilterNode, ViewQuery } from "../query/view.ts";
import { chinaDay } from "./periods.ts";
import type { UsageFeature } from "./usage-features.ts";

/** How often the counts are written: short enough for a newcomer to see their own sign-in at once. */
export const USAGE_FLUSH_MS = 5_000;

export interface UsageRecorder {
  /** One use of `feature` by an account scoped at `orgPath` ("" for a visitor), now. Memory only. */
  count(feature: UsageFeature, orgPath: string): void;
  /** Add what was counted so far into usage_counts (the timer does this on its own). Never rejects. */
  flush(): Promise<void>;
  /** Stop the timer and write what is left: at an orderly stop, before the database closes. */
  close(): Promise<void>;
}

export interface UsageRecorderOptions {
  /** Flush interval; 0: no timer (flush by hand). */
  everyMs?: number;
  /** The clock, for tests of day boundaries. */
  now?: () => number;
}

// A tab cannot occur in a day, a feature key or an org path.
const SEP = "\t";

export function createUsageRecorder(
  deps: { db: Kysely<DB>; dialect: Dialect; log: Logger },
  options: UsageRecorderOptions = {},
): UsageRecorder {
  const { db, dialect, log } = deps;
  const now = options.now ?? Date.now;
  let pending = new Map<string, number>();
  let queue: Promise<void> = Promise.resolve();

  const write = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    // Sorted, so processes sharing a MySQL database take the rows' locks in one order.
    const keys = [...batch.keys()].sort();
    for (let i = 0; i < keys.length; i++) {
      const [day, feature, org_path] = keys[i]!.split(SEP) as [string, string, string];
      const insert = db
        .insertInto("usage_counts")
        .values({ day, feature, org_path, count: batch.get(keys[i]!)! });
      try {
        // Each upsert commits on its own: no transaction holds a lock across the awaits, which on SQLite
        // would stall another connection of the same process until its busy timeout.
        await dialect.insertOrAdd(insert, ["day", "feature", "org_path"], "count").execute();
      } catch (error) {
        // This key and those after it were not written: they wait for the next flush.
        for (const key of keys.slice(i)) pending.set(key, (pending.get(key) ?? 0) + batch.get(key)!);
        log.error({ err: error, keys: keys.length - i }, "usage counts not written; kept for the next flush");
        return;
      }
    }
  };

  // One flush at a time: a second waits for the first, then writes what came in meanwhile.
  const flush = () => {
    queue = queue.then(write);
    return queue;
  };

  const everyMs = options.everyMs ?? USAGE_FLUSH_MS;
  const timer = everyMs > 0 ? setInterval(() => void flush(), everyMs) : null;
  // The timer alone never keeps a process (a CLI command, a test run) alive.
  timer?.unref();

  return {
    count(feature, orgPath) {
      const key = `${chinaDay(now())}${SEP}${feature}${SEP}${orgPath}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}

/**
 * A grid query's first window is one use of quick search and/or of condition queries; the further windows
 * of the same query (scrolling) are not counted again.
 */
export function countQueryUse(
  services: { usage: UsageRecorder },
  caller: Caller,
  query: ViewQuery,
  offset: number,
): void {
  if (offset !== 0) return;
  if (query.search) services.usage.count("query.search", caller.actor.orgPath);
  if (query.filter && hasCondition(query.filter)) services.usage.count("query.filter", caller.actor.orgPath);
}

function hasCondition(node: FilterNode): boolean {
  return node.kind === "condition" || node.items.some(hasCondition);
}
