// The import and export bars of SPEC §A4 (issue: Excel at a million rows): an office sheet of N people ×
// 20 columns imported into an empty table by a process of its own (time to committed, time until the
// query engine of a running app counts every row, that process's peak memory), then the whole table
// exported to .xlsx and .csv. Beside them, the same rows loaded into and read out of a plain 20-column
// table straight on the store, with no checks, encryption, versions or engine.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { createConnection } from "mysql2/promise";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Services } from "../app/core/services.server.ts";
import { exportRecords } from "../app/transfer/export/export.server.ts";
import { openSheetSource } from "../app/transfer/read/open.server.ts";
import { OFFICE_COLUMNS, officeSheet } from "./office-sheet.ts";

const run = promisify(execFile);
const HOME = path.resolve(".bench");

export interface TransferResult {
  store: "sqlite" | "mysql";
  rows: number;
  format: "xlsx" | "csv";
  operation: "import" | "export";
  /** Through Linli: import to committed, or the export file written. */
  seconds: number;
  /** Import only: until a running app's query engine counts every imported row. */
  queryableSeconds?: number;
  peakMiB?: number;
  /** The same rows straight into / out of a plain table. */
  straightSeconds: number;
  bar?: { seconds: number; peakMiB?: number };
}

const BARS: Record<string, { seconds: number; peakMiB?: number }> = {
  "import-1000000": { seconds: 120, peakMiB: 1536 },
  "import-100000": { seconds: 12 },
  "export-1000000": { seconds: 60 },
};

export async function benchTransfer(options: {
  sizes: readonly number[];
  mysql?: string;
  log: (line: string) => void;
}): Promise<TransferResult[]> {
  const results: TransferResult[] = [];
  const stores: ("sqlite" | "mysql")[] = options.mysql ? ["sqlite", "mysql"] : ["sqlite"];
  for (const store of stores)
    for (const rows of options.sizes)
      for (const format of ["xlsx", "csv"] as const) {
        if (format === "csv" && rows !== Math.max(...options.sizes)) continue;
        options.log(`${store}: ${rows.toLocaleString("en")} rows, ${format}`);
        results.push(...(await importThenExport(store, rows, format, options)));
      }
  return results;
}

async function importThenExport(
  store: "sqlite" | "mysql",
  rows: number,
  format: "xlsx" | "csv",
  options: { mysql?: string; log: (line: string) => void },
): Promise<TransferResult[]> {
  const file = await officeSheet(path.join(HOME, "sheets"), rows, format);
  const dir = path.join(HOME, `transfer-${store}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const databaseUrl = store === "mysql" ? await emptyMysql(options.mysql!) : path.join(dir, "linli.db");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    LINLI_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    LINLI_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
  };
  const services = await createServices({
    ...loadConfig(env),
    demo: true,
    demoPeople: 0,
    logLevel: "warn",
  });
  try {
    // A running app: its replica of the (empty) table follows what the import commits.
    const replica = await services.analytics.replica("people");
    const before = await countIn(replica);
    // When the running app's replica counts every imported row (polled every 250 ms, as it follows).
    const watching = (async () => {
      for (;;) {
        if ((await countIn(replica)) - before >= rows) return Date.now();
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const child = await run(process.execPath, ["--import", "tsx", "bench/import-child.ts", file, format], {
      env,
      maxBuffer: 1 << 20,
    });
    const imported = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      startedAt: number;
      ms: number;
      totals: { inserted: number };
      maxRssMiB: number;
    };
    if (imported.totals.inserted !== rows) throw new Error(`imported ${imported.totals.inserted} of ${rows}`);
    const queryableAt = await watching;
    options.log(
      `  import ${(imported.ms / 1000).toFixed(1)} s, queryable after ${((queryableAt - imported.startedAt) / 1000).toFixed(1)} s, peak ${imported.maxRssMiB} MiB`,
    );
    const straightImport = await straightLoad(services, file);
    options.log(`  straight load ${straightImport.toFixed(1)} s`);
    const out: TransferResult[] = [
      {
        store,
        rows,
        format,
        operation: "import",
        seconds: imported.ms / 1000,
        queryableSeconds: (queryableAt - imported.startedAt) / 1000,
        peakMiB: imported.maxRssMiB,
        straightSeconds: straightImport,
        ...(format === "xlsx" && BARS[`import-${rows}`] ? { bar: BARS[`import-${rows}`] } : {}),
      },
    ];
    const exported = await timedExport(services, dir, format);
    const straightExport = await straightDump(services, path.join(dir, "straight.csv"));
    options.log(`  export ${exported.toFixed(1)} s, straight ${straightExport.toFixed(1)} s`);
    out.push({
      store,
      rows,
      format,
      operation: "export",
      seconds: exported,
      straightSeconds: straightExport,
      ...(format === "xlsx" && BARS[`export-${rows}`] ? { bar: BARS[`export-${rows}`] } : {}),
    });
    return out;
  } finally {
    await services.analytics.close();
    await services.database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function countIn(replica: {
  connection: { runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }> };
}) {
  const rows = (
    await replica.connection.runAndReadAll("SELECT count(*) AS n FROM records WHERE NOT deleted")
  ).getRowObjectsJS();
  return Number(rows[0]!.n);
}

async function timedExport(services: Services, dir: string, format: "xlsx" | "csv"): Promise<number> {
  const actor = await loadActorByUsername(services.db, "admin");
  const start = performance.now();
  await exportRecords(
    services,
    { actor: actor!, ip: null, via: "cli" },
    { table: "people", format },
    path.join(dir, `export.${format}`),
  );
  return (performance.now() - start) / 1000;
}

/** The sheet's rows into a plain table of 20 text columns: multi-row inserts, one transaction per 1000. */
async function straightLoad(services: Services, file: string): Promise<number> {
  const { db } = services;
  const columns = OFFICE_COLUMNS.map((_, i) => `c${i}`);
  await sql`DROP TABLE IF EXISTS bench_plain`.execute(db);
  await sql
    .raw(`CREATE TABLE bench_plain (${columns.map((c) => `${c} VARCHAR(255)`).join(", ")})`)
    .execute(db);
  const start = performance.now();
  const source = await openSheetSource(file, path.basename(file));
  let batch: Record<string, string | null>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200)
        await (trx as never as typeof db)
          .insertInto("bench_plain" as never)
          .values(rows.slice(i, i + 200) as never)
          .execute();
    });
  };
  let header = true;
  for await (const row of source.rows(0)) {
    if (header) {
      header = !row.cells.some((c) => c === OFFICE_COLUMNS[0]![0]);
      continue;
    }
    batch.push(Object.fromEntries(columns.map((c, i) => [c, cellString(row.cells[i])])));
    if (batch.length >= 1000) await flush();
  }
  await flush();
  await source.close();
  return (performance.now() - start) / 1000;
}

const cellString = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/** The plain table out to CSV, streamed in pages of 10 000 rows. */
async function straightDump(services: Services, target: string): Promise<number> {
  const start = performance.now();
  const out = fs.createWriteStream(target);
  let offset = 0;
  for (;;) {
    const page = await sql<
      Record<string, string | null>
    >`SELECT * FROM bench_plain LIMIT 10000 OFFSET ${offset}`.execute(services.db);
    if (!page.rows.length) break;
    const text = page.rows
      .map((r) =>
        Object.values(r)
          .map((v) => (v === null ? "" : `"${v.replace(/"/g, '""')}"`))
          .join(","),
      )
      .join("\r\n");
    if (!out.write(`${text}\r\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
    offset += page.rows.length;
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  await sql`DROP TABLE bench_plain`.execute(services.db);
  return (performance.now() - start) / 1000;
}

/** A new empty database beside the bench's own (`<name>_<suffix>`), as a URL. */
export async function emptyMysql(url: string, suffix = "transfer"): Promise<string> {
  const server = new URL(url);
  const name = `${server.pathname.slice(1) || "linli_bench"}_${suffix}`;
  const conn = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  server.pathname = `/${name}`;
  return server.toString();
}
