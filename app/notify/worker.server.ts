// The notice worker of one process: a sending loop per channel and a scheduler loop.
// - Sending: claim due messages (queue.server.ts) as the channel's rate allows, outside its quiet hours,
//   check opt-outs once more, hand them to the channel's adapter with its concurrency, record outcomes.
// - Scheduler (every few seconds, or when woken): queue campaigns whose time came (or whose queueing
//   process died), start rules' daily runs, fail messages a dead process left mid-send, finish campaigns.
// Several processes may run it on one database: claims and leases keep each message and each queueing
// with one of them. stop() lets the batches in flight finish, so a restart loses and repeats nothing.
import crypto from "node:crypto";
import os from "node:os";
import { CHANNELS, type Channel, type ChannelAdapter } from "../../emails/channels/types.ts";
import type { Services } from "../core/services.server.ts";
import { buildAdapter } from "./adapters.server.ts";
import { channelSettings, inQuietHours, type QuietHours, settingsVersion } from "./channels.server.ts";
import { optedOutAmong, unsubscribeToken } from "./opt-out.server.ts";
import {
  type Claimed,
  claimDue,
  failInterrupted,
  finishCampaigns,
  recordOutcomes,
  renewClaims,
} from "./queue.server.ts";
import { dueForQueueing, queueCampaign } from "./queueing.server.ts";
import { runDueRules } from "./rules.server.ts";
import { onWake } from "./wake.server.ts";

const TICK_MS = 1000;
const SCHEDULE_MS = 5000;
const MAX_BATCH = 200;

/** Messages a minute → a bucket that refills continuously and holds about a second's worth. */
class RateLimit {
  #tokens: number;
  #at = Date.now();
  constructor(readonly perMinute: number) {
    this.#tokens = this.capacity;
  }
  get capacity() {
    return Math.max(1, this.perMinute / 60);
  }
  available(now = Date.now()): number {
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#at) * this.perMinute) / 60_000);
    this.#at = now;
    return Math.floor(this.#tokens);
  }
  take(n: number) {
    this.#tokens -= n;
  }
}

interface ChannelState {
  adapter: ChannelAdapter;
  limit: RateLimit;
  quiet: QuietHours | null;
}

export interface NoticeWorker {
  /** Looks for work at once. */
  wake(): void;
  /** Finishes the batches in flight, then stops. */
  stop(): Promise<void>;
  /** One scheduler round and one sending round per channel, awaited (tests, `linli notices run`). */
  runOnce(): Promise<void>;
}

export function startNoticeWorker(services: Services, options: { loop?: boolean } = {}): NoticeWorker {
  const prefix = `${os.hostname().slice(0, 12)}:${process.pid}:${crypto.randomBytes(3).toString("hex")}:`;
  let batch = 0;
  let stopping = false;
  let version = "";
  let states: Map<Channel, ChannelState> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wake = () => {
    for (const s of [...sleepers]) s();
  };

  async function channelStates(): Promise<Map<Channel, ChannelState>> {
    const now = await settingsVersion(services);
    if (states && now === version) return states;
    const old = states;
    const next = new Map<Channel, ChannelState>();
    for (const channel of CHANNELS) {
      const settings = await channelSettings(services, channel);
      next.set(channel, {
        adapter: await buildAdapter(services, channel),
        limit: new RateLimit(settings.ratePerMinute),
        quiet: settings.quietHours,
      });
    }
    states = next;
    version = now;
    // Adapters of old settings close once their sends are done.
    if (old)
      void Promise.allSettled([...inFlight]).then(() =>
        Promise.all([...old.values()].map((s) => s.adapter.close?.())),
      );
    return next;
  }

  async function sendBatch(channel: Channel): Promise<number> {
    const state = (await channelStates()).get(channel)!;
    if (inQuietHours(state.quiet, Date.now())) return 0;
    const room = Math.min(MAX_BATCH, state.limit.available());
    if (room < 1) return 0;
    const token = `${prefix}${++batch}`;
    const claimed = await claimDue(services, channel, room, token);
    if (claimed.length === 0) return 0;
    state.limit.take(claimed.length);
    const work = deliver(state.adapter, claimed, token);
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
    return claimed.length;
  }

  async function deliver(adapter: ChannelAdapter, claimed: Claimed[], token: string) {
    const out = await optedOutAmong(
      services,
      claimed.map((m) => ({ channel: m.channel, address: m.to, m })),
    );
    const skipped = new Set(out.map((o) => o.m.id));
    if (skipped.size > 0)
      await services.db
        .updateTable("campaign_messages")
        .set({ status: "opted_out", reason: "本人已退订 / Opted out", updated_at: Date.now() })
        .where("id", "in", [...skipped])
        .where("claim", "=", token)
        .execute();
    const toSend = claimed.filter((m) => !skipped.has(m.id));
    const results: Parameters<typeof recordOutcomes>[1][number][] = [];
    let next = 0;
    const lane = async () => {
      while (next < toSend.length) {
        const message = toSend[next++]!;
        if (message.channel === "email")
          message.unsubscribeUrl = `${services.config.publicUrl}/unsubscribe/${unsubscribeToken(services, message.id)}`;
        let outcome: Awaited<ReturnType<ChannelAdapter["send"]>>;
        try {
          outcome = await adapter.send(message);
        } catch (error) {
          services.log.warn({ err: error, message: message.id }, "a notice adapter threw");
          outcome = { status: "retry", reason: "发送时出错 / Sending failed" };
        }
        results.push({
          id: message.id,
          token,
          attempts: message.attempts,
          provider: adapter.provider,
          outcome,
        });
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(adapter.concurrency, toSend.length)) }, lane),
    );
    await recordOutcomes(services, results);
    await countSent(toSend, results);
  }

  // 使用统计: messages sent per channel, counted for the scope of the campaign's maker.
  const scopes = new Map<number, string>();
  async function countSent(
    messages: readonly Claimed[],
    results: readonly { id: number; outcome: { status: string } }[],
  ) {
    const sent = new Set(results.filter((r) => r.outcome.status === "sent").map((r) => r.id));
    for (const m of messages) {
      if (!sent.has(m.id)) continue;
      if (!scopes.has(m.campaignId)) {
        const row = await services.db
          .selectFrom("campaigns")
          .select("org_path")
          .where("id", "=", m.campaignId)
          .executeTakeFirst();
        scopes.set(m.campaignId, row?.org_path ?? "");
      }
      services.usage.count(`notice.sent.${m.channel}`, scopes.get(m.campaignId)!);
    }
  }

  async function schedule() {
    await renewClaims(services, prefix);
    const interrupted = await failInterrupted(services);
    if (interrupted > 0)
      services.log.warn({ interrupted }, "notices left mid-send by a stopped process were not resent");
    await runDueRules(services);
    for (const id of await dueForQueueing(services)) {
      if (stopping) return;
      await queueCampaign(services, id);
    }
    await finishCampaigns(services);
  }

  async function guarded(what: string, fn: () => Promise<unknown>) {
    try {
      await fn();
    } catch (error) {
      services.log.error({ err: error }, `notice worker: ${what} failed`);
    }
  }

  const loops: Promise<void>[] = [];
  if (options.loop !== false) {
    loops.push(
      (async () => {
        while (!stopping) {
          await guarded("scheduling", schedule);
          await sleep(SCHEDULE_MS);
        }
      })(),
    );
    for (const channel of CHANNELS)
      loops.push(
        (async () => {
          while (!stopping) {
            let sent = 0;
            await guarded(`sending ${channel}`, async () => {
              sent = await sendBatch(channel);
            });
            if (sent === 0 && !stopping) await sleep(TICK_MS);
          }
        })(),
      );
  }
  const unlisten = onWake(services, wake);

  return {
    wake,
    async runOnce() {
      await schedule();
      for (const channel of CHANNELS) while ((await sendBatch(channel)) > 0);
      await finishCampaigns(services);
    },
    async stop() {
      stopping = true;
      unlisten();
      wake();
      await Promise.allSettled(loops);
      await Promise.allSettled([...inFlight]);
      if (states) await Promise.allSettled([...states.values()].map((s) => s.adapter.close?.()));
    },
  };
}
