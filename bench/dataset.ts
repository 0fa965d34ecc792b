// The benchmark's dataset: N generated people (about 40 fields each, through the same field rules as a
// typed record) in a database kept under .bench/ so a second run reuses it instead of generating again.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Services } from "../app/core/services.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { ensureHistory } from "./history.ts";

export interface Dataset {
  services: Services;
  engine: "sqlite" | "mysql";
  /** Seconds it took to generate, or null when an earlier run's data was reused. */
  generatedSeconds: number | null;
}

const HOME = path.resolve(".bench");

/** A stable key per dataset folder, so reused encrypted data stays readable. */
function secretKeyFor(dir: string): string {
  const file = path.join(dir, "secret.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export async function openDataset(options: {
  people: number;
  /** A mysql:// URL for MySQL/MariaDB; SQLite otherwise. */
  databaseUrl?: string;
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<Dataset> {
  const engine = options.databaseUrl?.startsWith("mysql") ? "mysql" : "sqlite";
  if (options.databaseUrl && engine === "mysql")
    await ensureMysqlDatabase(options.databaseUrl, options.fresh);
  const dir = path.join(HOME, `${engine}-${options.people}`);
  if (options.fresh) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const services = await createServices({
    ...loadConfig({ NODE_ENV: "production" }),
    dataDir: dir,
    databaseUrl: options.databaseUrl ?? path.join(dir, "linli.db"),
    demo: true,
    demoPeople: 0,
    secretKey: secretKeyFor(dir),
    logLevel: "warn",
  });
  const have = await countPeople(services);
  if (have >= options.people && !options.fresh) {
    await ensureHistory(services, options.log);
    return { services, engine, generatedSeconds: null };
  }
  if (have > 0)
    throw new Error(
      `${dir} holds ${have} people, not ${options.people}: run with --fresh (and an empty MySQL database)`,
    );
  const start = performance.now();
  await loadDemoPeople(services, options.people, {
    onProgress: (n) => n % 100_000 === 0 && options.log?.(`  generated ${n.toLocaleString("en")} people`),
  });
  await ensureHistory(services, options.log);
  return { services, engine, generatedSeconds: (performance.now() - start) / 1000 };
}

async function countPeople(services: Services): Promise<number> {
  const table = await loadTable(services.db, "people");
  const row = await services.db
    .selectFrom("records")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("table_id", "=", table.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates the benchmark's MySQL database when missing (and empties it for --fresh). */
async function ensureMysqlDatabase(url: string, fresh = false): Promise<void> {
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unusable database name "${name}"`);
  const connection = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  try {
    if (fresh) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}
