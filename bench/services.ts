// A fresh demo street office for one benchmark on one store: its own data directory under .bench/, an empty
// SQLite file or MySQL/MariaDB database, no generated people (each benchmark makes its own), no notice worker.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Services } from "../app/core/services.server.ts";
import { emptyMysql } from "./transfer.ts";

export const BENCH_HOME = path.resolve(".bench");

export async function benchServices(
  store: "sqlite" | "mysql",
  name: string,
  mysql: string | undefined,
): Promise<{ services: Services; dir: string }> {
  const dir = path.join(BENCH_HOME, `${name}-${store}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const databaseUrl = store === "mysql" ? await emptyMysql(mysql!, name) : path.join(dir, "linli.db");
  const services = await createServices({
    ...loadConfig({ ...process.env, NODE_ENV: "production" }),
    dataDir: dir,
    databaseUrl,
    secretKey: crypto.randomBytes(32).toString("hex"),
    demo: true,
    demoPeople: 0,
    demoResidents: false,
    demoPhotos: 0,
    noticeWorker: false,
    logLevel: "warn",
  });
  return { services, dir };
}
