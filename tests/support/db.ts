// A fresh, migrated database per test file: a temporary SQLite file, or a throwaway MySQL/MariaDB
// database when LINLI_TEST_DATABASE_URL points at a server (CI runs the suite on both).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { createServices } from "../../app/core/boot.server.ts";
import { type Config, loadConfig } from "../../app/core/config.server.ts";
import type { Services } from "../../app/core/services.server.ts";

export const TEST_MYSQL_URL = process.env.LINLI_TEST_DATABASE_URL;
export const testDialect = TEST_MYSQL_URL ? "mysql" : "sqlite";

export interface TestEnv {
  config: Config;
  cleanup(): Promise<void>;
}

/** Configuration pointing at a new empty database and data directory. */
export async function testConfig(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-test-"));
  let databaseUrl = path.join(dataDir, "linli.db");
  let dropDatabase: (() => Promise<void>) | undefined;
  if (TEST_MYSQL_URL) {
    const name = `linli_t_${crypto.randomBytes(5).toString("hex")}`;
    const server = new URL(TEST_MYSQL_URL);
    const admin = await adminConnection(server);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    server.pathname = `/${name}`;
    databaseUrl = server.toString();
    dropDatabase = async () => {
      const conn = await adminConnection(server);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const config: Config = {
    ...loadConfig({ NODE_ENV: "test" }),
    dataDir,
    databaseUrl,
    port: 0,
    secretKey: crypto.randomBytes(32).toString("hex"),
    logLevel: "silent",
    // Generated people only where a test asks for them: most tests need the org tree and accounts alone.
    demoPeople: 0,
    // Likewise the demo residents' own person records (self-service tests ask for them).
    demoResidents: false,
    // And the demo's placeholder photos (the print tests upload their own).
    demoPhotos: 0,
    ...overrides,
  };
  return {
    config,
    async cleanup() {
      await dropDatabase?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function adminConnection(server: URL) {
  return createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
}

export interface TestServices extends TestEnv {
  services: Services;
}

/** Services on a fresh database, with the demo street office loaded unless `demo: false`. */
export async function createTestServices(overrides: Partial<Config> = {}): Promise<TestServices> {
  const env = await testConfig({ demo: true, ...overrides });
  const services = await createServices(env.config);
  return {
    ...env,
    services,
    async cleanup() {
      await services.analytics.close();
      await services.database.close();
      await env.cleanup();
    },
  };
}
