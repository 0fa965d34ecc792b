// Start-up: configuration → logger → keys → database (migrated) → demo data on an empty database.
import path from "node:path";
import { createAnalytics } from "../../analytics/registry.server.ts";
import { openDatabase } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { sealAccountMobiles } from "../auth/account-mobile.server.ts";
import { loadDemoPeople } from "../demo/people-records.server.ts";
import { seedDemoPhotos } from "../demo/photos.server.ts";
import { loadDemo } from "../demo/seed.server.ts";
import { seedDemoViews } from "../demo/views.server.ts";
import { localFileStorage } from "../files/storage.server.ts";
import { fieldCipherFromKeys } from "../people/crypto/field-cipher.server.ts";
import { installBuiltIns } from "../schema/install.server.ts";
import { createUsageRecorder } from "../stats/usage.server.ts";
import { XLSX_WORKER_URL } from "../transfer/export/xlsx-worker-sink.server.ts";
import { ROWS_WORKER_URL } from "../transfer/read/worker-rows.server.ts";
import { type Config, loadConfig } from "./config.server.ts";
import { loadKeys } from "./keys.server.ts";
import { createLogger } from "./logger.server.ts";
import type { Services } from "./services.server.ts";

export async function createServices(config: Config = loadConfig()): Promise<Services> {
  const log = createLogger(config.logLevel);
  const keys = loadKeys(config, log);
  const opened = openDatabase(config.databaseUrl);
  const usage = createUsageRecorder({ db: opened.db, dialect: opened.dialect, log });
  // Whoever closes the database (the server's stop, a CLI command, a test) writes the last usage counts first.
  const database = {
    ...opened,
    async close() {
      await usage.close();
      await opened.close();
    },
  };
  const base = {
    config,
    database,
    db: database.db,
    dialect: database.dialect,
    log,
    keys,
    cipher: fieldCipherFromKeys(keys),
    files: localFileStorage(path.join(config.dataDir, "files")),
    workers: { sheetRows: ROWS_WORKER_URL, xlsxWriter: XLSX_WORKER_URL },
    usage,
  };
  const services: Services = { ...base, analytics: createAnalytics(base) };
  const applied = await migrateToLatest(database);
  for (const m of applied) log.info({ migration: m.migrationName, status: m.status }, "migration");
  await installBuiltIns(services);
  await sealAccountMobiles(services);
  if (config.demo && (await isEmpty(services))) {
    const summary = await loadDemo(services);
    log.info(summary, "loaded the demo street office");
    if (config.demoPeople > 0) {
      const people = await loadDemoPeople(services, config.demoPeople);
      log.info(people, "generated demo people");
      // The lists offices keep of their people (独居老人 …), ready to filter by and send notices to.
      await seedDemoViews(services);
      // Some people with a photo, as a badge print shows them.
      if (config.demoPhotos > 0)
        log.info({ photos: await seedDemoPhotos(services, config.demoPhotos) }, "gave demo people photos");
    }
  }
  return services;
}

async function isEmpty(services: Services): Promise<boolean> {
  const row = await services.db.selectFrom("orgs").select("id").limit(1).executeTakeFirst();
  return !row;
}

export async function isDemo(services: Services): Promise<boolean> {
  const row = await services.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "demo")
    .executeTakeFirst();
  return row?.value === "1";
}
