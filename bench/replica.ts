// Measurements of the DuckDB replica for N generated people: a full load (decoding on the main thread
// and in worker threads), writing the snapshot, a restart from the snapshot (with changes made while it
// was down), memory, how soon a save is visible to queries, and quick search (pinyin initials, part of a
// phone, part of a name) p50/p95 beside the same search run directly on the relational store (which,
// holding numbers sealed, can only scan names).
// Usage: node --import tsx bench/replica.ts [--people 200000] [--database mysql://…] [--keep <dir>]
//        [--threads N]
// --keep reuses (or creates) the data directory and SQLite file there, so people are generated once.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultThreads } from "../analytics/decode-pool.server.ts";
import { openReplica, type Replica } from "../analytics/replica.server.ts";
import { quickSearch } from "../analytics/search.server.ts";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { listRecords } from "../app/people/records/read.server.ts";
import { updateRecord } from "../app/people/records/write.server.ts";

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRuns(queries: string[], run: (q: string) => Promise<unknown>) {
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    await run(q);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const MiB = 2 ** 20;
const rss = () => process.memoryUsage().rss / MiB;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What DuckDB itself holds for the replica (its tables and indexes), in MiB. */
async function duckMemory(replica: Replica): Promise<number> {
  const reader = await replica.connection.runAndReadAll(
    "SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()",
  );
  return Number(reader.getRowObjectsJS()[0]!.bytes) / MiB;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rss: number }> {
  global.gc?.();
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start, rss: rss() };
}

/** Save one person and wait until the replica (following every 250 ms) shows it. */
async function visibleAfter(services: Services, caller: Caller, replica: Replica, id: number, n: number) {
  // A number the record cannot already hold (earlier runs on a kept database saved others).
  // Saves at random moments of the 250 ms cycle (right after one became visible would always wait a whole one).
  await new Promise((resolve) => setTimeout(resolve, crypto.randomInt(250)));
  const mobile = `139${String(crypto.randomInt(10_000_000)).padStart(7, "0")}${n % 10}`;
  const start = performance.now();
  await updateRecord(services, caller, id, { values: { mobile } });
  for (;;) {
    const reader = await replica.connection.runAndReadAll("SELECT mobile FROM records WHERE id = $id", {
      id,
    });
    if (reader.getRowObjectsJS()[0]?.mobile === mobile) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main() {
  const people = Number(argument("people", "200000"));
  const keep = argument("keep", "");
  // Workers for the second full load: as many as the default would use, at least one.
  const threads = Number(argument("threads", String(Math.max(1, defaultThreads()))));
  const dataDir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "linli-bench-"));
  fs.mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, "bench.key");
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, crypto.randomBytes(32).toString("hex"));
  const services = await createServices({
    ...loadConfig({ NODE_ENV: "production" }),
    dataDir,
    databaseUrl: argument("database", path.join(dataDir, "linli.db")),
    demo: true,
    demoPeople: 0,
    secretKey: fs.readFileSync(keyFile, "utf8"),
    logLevel: "warn",
  });
  const snapshotDir = path.join(dataDir, "replica");
  try {
    const people0 = await services.db
      .selectFrom("records")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(people0.n) < people) await loadDemoPeople(services, people - Number(people0.n));
    const actor = await loadActorByUsername(services.db, "admin");
    const admin: Caller = { actor: actor!, ip: null, via: "cli" };
    fs.rmSync(snapshotDir, { recursive: true, force: true });
    const baseline = rss();

    const inline = await timed(() => openReplica(services, "people", { threads: 0 }));
    const inlineDuck = await duckMemory(inline.value);
    await inline.value.close();

    const full = await timed(() => openReplica(services, "people", { snapshotDir, threads }));
    const fullDuck = await duckMemory(full.value);
    const saved = await timed(() => full.value.saveSnapshot());
    const snapshotBytes = fs
      .readdirSync(snapshotDir)
      .reduce((sum, f) => sum + fs.statSync(path.join(snapshotDir, f)).size, 0);
    await full.value.close();

    // Changes committed while no process followed: the restart catches up with them.
    const changed = await services.db
      .selectFrom("records")
      .select("id")
      .orderBy("id", "desc")
      .limit(1000)
      .execute();
    let n = 0;
    const run = crypto.randomInt(10_000);
    for (const { id } of changed)
      await updateRecord(services, admin, Number(id), { values: { landline: `010-${run}-${n++}` } });

    const restart = await timed(() => openReplica(services, "people", { snapshotDir, threads }));
    const replica = restart.value;
    const restartDuck = await duckMemory(replica);
    replica.follow(250);

    const latencies: number[] = [];
    for (let i = 0; i < 20; i++)
      latencies.push(await visibleAfter(services, admin, replica, Number(changed[i]!.id), i));
    latencies.sort((a, b) => a - b);

    const initials = ["zsf", "wxy", "lj", "chy", "zwei", "ljh", "wl", "zyx", "lxm", "yh"];
    const digits = ["8000", "1234", "5678", "0013", "9999", "2024", "3456", "7777", "6543", "1010"];
    const names = ["张", "王秀", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    const rounds = (list: string[]) => Array.from({ length: 5 }, () => list).flat();
    const rows: [string, { p50: number; p95: number }, { p50: number; p95: number } | null][] = [
      [
        "quick search, pinyin initials",
        await timeRuns(rounds(initials), (q) => quickSearch(services, admin, replica, q)),
        null,
      ],
      [
        "quick search, part of a phone",
        await timeRuns(rounds(digits), (q) => quickSearch(services, admin, replica, q)),
        null,
      ],
      [
        "quick search, part of a name",
        await timeRuns(rounds(names), (q) => quickSearch(services, admin, replica, q)),
        await timeRuns(rounds(names), (q) => listRecords(services, admin, "people", { q, pageSize: 50 })),
      ],
    ];
    await replica.close();

    const perRecord = (ms: number) => `${((ms * 1000) / people).toFixed(0)} µs/record`;
    const at1M = (ms: number) => seconds((ms * 1_000_000) / people);
    console.log(
      `\n${people.toLocaleString("en")} people, ${services.database.describe}, ${os.cpus().length} cores`,
    );
    console.log(`process memory before loading: ${baseline.toFixed(0)} MiB\n`);
    console.log(
      "| step | time | × 1M / N | DuckDB memory | process memory after |\n| --- | --- | --- | --- | --- |",
    );
    console.log(
      `| full load, decoding on the main thread | ${seconds(inline.ms)} (${perRecord(inline.ms)}) | ${at1M(inline.ms)} | ${inlineDuck.toFixed(0)} MiB | ${inline.rss.toFixed(0)} MiB |`,
    );
    console.log(
      `| full load, ${threads} decoding worker thread(s) | ${seconds(full.ms)} (${perRecord(full.ms)}) | ${at1M(full.ms)} | ${fullDuck.toFixed(0)} MiB | ${full.rss.toFixed(0)} MiB |`,
    );
    console.log(
      `| write the snapshot (${(snapshotBytes / MiB).toFixed(0)} MiB on disk) | ${seconds(saved.ms)} | ${at1M(saved.ms)} | | |`,
    );
    console.log(
      `| restart from the snapshot + 1,000 changes made meanwhile | ${seconds(restart.ms)} | ${at1M(restart.ms)} | ${restartDuck.toFixed(0)} MiB | ${restart.rss.toFixed(0)} MiB |`,
    );
    console.log(
      `\nsave → visible to a query (follow every 250 ms), 20 saves: p50 ${latencies[10]!.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms\n`,
    );
    console.log("| operation | replica p50 / p95 | straight SQL p50 / p95 |\n| --- | --- | --- |");
    for (const [name, duck, direct] of rows)
      console.log(
        `| ${name} | ${duck.p50.toFixed(1)} / ${duck.p95.toFixed(1)} ms | ${
          direct
            ? `${direct.p50.toFixed(1)} / ${direct.p95.toFixed(1)} ms`
            : "no such search (SQL holds no pinyin, numbers sealed)"
        } |`,
      );
  } finally {
    await services.database.close();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
