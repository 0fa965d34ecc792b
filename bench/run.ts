// `npm run bench` / `npx linli bench`: generates (or reuses) N people, boots the query engine on them and
// times every operation of SPEC §8 that exists — p50/p95 over varied runs — through the engine and
// straight on SQLite and, when given, MySQL/MariaDB. Writes JSON and the table in docs/PERFORMANCE.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { historySize } from "../analytics/history.server.ts";
import { queryWindow } from "../analytics/query/index.server.ts";
import { createAnalytics } from "../analytics/registry.server.ts";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { createRecord } from "../app/people/records/write.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { openDataset } from "./dataset.ts";
import { benchNotices, writeNoticeReport } from "./notices.ts";
import { operations, sampleParameters } from "./operations.ts";
import { benchPrint, writePrintReport } from "./print.ts";
import { type BenchResult, type EngineSummary, formatDocs, writeReport } from "./report.ts";
import { benchTransfer } from "./transfer.ts";
import { writeTransferReport } from "./transfer-report.ts";

export interface BenchOptions {
  people: number;
  runs: number;
  /** mysql:// URL of an (empty or earlier-benchmarked) database; SQLite only when absent. */
  mysql?: string;
  out?: string;
  /** Rewrite the generated section of docs/PERFORMANCE.md. */
  docs: boolean;
  fresh: boolean;
  /** Which parts to measure: the query engine, import/export, or both. */
  only?: "engine" | "transfer" | "notices" | "print";
  /** Rows of the import/export sheets (default 100 000 and 1 000 000). */
  transferRows?: number[];
  log: (line: string) => void;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs with varied parameters; past `budgetMs` it stops after at least three (a full scan can take 40 s). */
async function time(
  runs: number,
  fn: (run: number) => Promise<unknown>,
  options: { warmUps?: number; budgetMs?: number } = {},
) {
  const { warmUps = 3, budgetMs = Number.POSITIVE_INFINITY } = options;
  for (let i = 0; i < Math.min(warmUps, runs); i++) await fn(runs + i); // other parameters
  const times: number[] = [];
  const began = performance.now();
  for (let run = 0; run < runs; run++) {
    if (run >= 3 && performance.now() - began > budgetMs) break;
    const start = performance.now();
    await fn(run);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
}

async function caller(services: Services, username: string): Promise<Caller> {
  const actor = await loadActorByUsername(services.db, username);
  if (!actor) throw new Error(`no account ${username}`);
  return { actor, ip: null, via: "cli" };
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Boot the engine twice: from nothing (full load), then again as a restart would (snapshot if any). */
async function bootEngine(services: Services, log: (line: string) => void) {
  fs.rmSync(path.join(services.config.dataDir, "replica"), { recursive: true, force: true });
  await services.analytics.close();
  const rssBefore = process.memoryUsage().rss;
  let start = performance.now();
  let analytics = createAnalytics(services);
  await analytics.replica("people");
  const fullLoadMs = performance.now() - start;
  log(`  full load ${(fullLoadMs / 1000).toFixed(1)} s`);
  await analytics.close(); // writes the snapshot a restart reads
  start = performance.now();
  analytics = createAnalytics(services);
  const replica = await analytics.replica("people");
  const bootMs = performance.now() - start;
  log(`  restart ${(bootMs / 1000).toFixed(1)} s`);
  const duck = (
    await replica.connection.runAndReadAll("SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()")
  ).getRowObjectsJS()[0]!.b;
  Object.assign(services, { analytics });
  return {
    fullLoadMs,
    bootMs,
    rssMiB: mib(process.memoryUsage().rss),
    rssGrowthMiB: mib(process.memoryUsage().rss - rssBefore),
    duckdbMiB: mib(Number(duck ?? 0)),
    history: await historySize(replica.connection),
  };
}

/** A save by one user, then polling as another until their query sees it. */
async function changeVisibility(services: Services, runs: number) {
  const editor = await caller(services, "fengsheng");
  const reader = await caller(services, "admin");
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const token = `变更测试${Date.now().toString(36)}${run}`;
    const start = performance.now();
    await createRecord(services, editor, "people", { values: { name: "测试", notes: token } });
    for (;;) {
      const seen = await queryWindow(services, reader, "people", { query: { search: token }, limit: 1 });
      if (seen.total > 0) break;
      if (performance.now() - start > 10_000) throw new Error("a change stayed invisible for 10 s");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchEngine(options: BenchOptions, databaseUrl: string | undefined): Promise<EngineSummary> {
  const { log } = options;
  const dataset = await openDataset({
    people: options.people,
    ...(databaseUrl ? { databaseUrl } : {}),
    fresh: options.fresh,
    log,
  });
  const { services, engine } = dataset;
  try {
    log(`${engine}: ${services.database.describe}`);
    const boot = await bootEngine(services, log);
    const admin = await caller(services, "admin");
    const samples = await sampleParameters(services, await loadTable(services.db, "people"));
    const results: BenchResult[] = [];
    const record = (operation: string, engineName: string, t: { p50: number; p95: number }, bar?: number) =>
      results.push({
        operation,
        engine: engineName,
        people: options.people,
        p50_ms: round(t.p50),
        p95_ms: round(t.p95),
        runs: options.runs,
        ...(bar ? { bar_ms: bar } : {}),
      });
    for (const op of await operations(services, admin, samples)) {
      const duck = await time(options.runs, op.duck);
      record(op.name, "duckdb", duck, op.bar);
      log(`  ${op.name}: duckdb p95 ${duck.p95.toFixed(1)} ms`);
      if (op.direct) {
        // Straight SQL scans every document for seconds at a million: a minute of runs says enough.
        const direct = await time(Math.min(options.runs, 10), op.direct, { warmUps: 1, budgetMs: 60_000 });
        record(op.name, engine, direct);
        results.at(-1)!.runs = direct.runs;
        log(`  ${op.name}: ${engine} p95 ${direct.p95.toFixed(1)} ms`);
      }
    }
    record(
      "a change visible to another user's query 变更可见",
      "duckdb",
      await changeVisibility(services, 10),
      1000,
    );
    record("boot, ready to answer 启动就绪", "duckdb", { p50: boot.bootMs, p95: boot.bootMs }, 30_000);
    results.at(-1)!.runs = 1;
    results.at(-2)!.runs = 10;
    return {
      engine,
      describe: services.database.describe,
      generatedSeconds: dataset.generatedSeconds,
      boot,
      results,
      notes: Object.fromEntries(
        (await operations(services, admin, samples)).map((o) => [o.name, o.note ?? ""]),
      ),
    };
  } finally {
    await services.analytics.close();
    await services.database.close();
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runBench(options: BenchOptions): Promise<EngineSummary[]> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${mib(os.totalmem())} MiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  if (!options.only || options.only === "engine") await runEngineBench(options, machine);
  if (!options.only || options.only === "transfer") {
    const results = await benchTransfer({
      sizes: options.transferRows ?? [100_000, 1_000_000],
      ...(options.mysql ? { mysql: options.mysql } : {}),
      log: options.log,
    });
    writeTransferReport(results, machine, options.docs);
  }
  if (!options.only || options.only === "notices") {
    const results = await benchNotices({
      ...(options.mysql ? { mysql: options.mysql } : {}),
      log: options.log,
    });
    writeNoticeReport(results, machine, options.docs);
  }
  if (!options.only || options.only === "print") {
    const results = await benchPrint({
      ...(options.mysql ? { mysql: options.mysql } : {}),
      log: options.log,
    });
    writePrintReport(results, machine, options.docs);
  }
  if (options.docs) formatDocs();
  return [];
}

async function runEngineBench(options: BenchOptions, machine: string): Promise<EngineSummary[]> {
  const summaries = [await benchEngine(options, undefined)];
  if (options.mysql) {
    try {
      summaries.push(await benchEngine(options, options.mysql));
    } catch (error) {
      // A machine without MySQL still gets its SQLite figures.
      options.log(`MySQL/MariaDB skipped: ${(error as Error).message}`);
    }
  }
  writeReport(summaries, { machine, people: options.people, out: options.out, docs: options.docs });
  return summaries;
}
