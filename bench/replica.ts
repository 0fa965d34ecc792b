// First measurements of the DuckDB replica: load time and memory for N generated people, and quick
// search (pinyin initials, part of a phone, part of a name) p50/p95 beside the same search run directly
// on the relational store (which, holding numbers sealed, can only scan names).
// Usage: node --import tsx bench/replica.ts [--people 200000] [--database mysql://…]
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openReplica } from "../analytics/replica.server.ts";
import { quickSearch } from "../analytics/search.server.ts";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Caller } from "../app/core/services.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { listRecords } from "../app/people/records/read.server.ts";

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

async function main() {
  const people = Number(argument("people", "200000"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-bench-"));
  const services = await createServices({
    ...loadConfig({ NODE_ENV: "production" }),
    dataDir,
    databaseUrl: argument("database", path.join(dataDir, "linli.db")),
    demo: true,
    demoPeople: 0,
    secretKey: crypto.randomBytes(32).toString("hex"),
    logLevel: "warn",
  });
  try {
    await loadDemoPeople(services, people);
    const actor = await loadActorByUsername(services.db, "admin");
    const admin: Caller = { actor: actor!, ip: null, via: "cli" };
    const heapBefore = process.memoryUsage().rss;
    const loadStart = performance.now();
    const replica = await openReplica(services);
    const loadMs = performance.now() - loadStart;
    const rss = process.memoryUsage().rss;

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
    console.log(`\n${people.toLocaleString("en")} people, ${services.database.describe}`);
    console.log(
      `replica loaded in ${(loadMs / 1000).toFixed(1)} s; process memory ${(heapBefore / 2 ** 20).toFixed(0)} → ${(rss / 2 ** 20).toFixed(0)} MiB\n`,
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
    replica.close();
  } finally {
    await services.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
