// Restoring what should not be restored: a database or data directory in use (unless forced), a file cut
// short, a byte changed, another key. Each is refused with a message saying which, and leaves the target
// exactly as it was; an unused, merely migrated database counts as empty.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import {
  createTestServices,
  type TestEnv,
  type TestServices,
  testConfig,
  testDialect,
} from "../../tests/support/db.ts";
import type { Config } from "../core/config.server.ts";
import { loadKeys } from "../core/keys.server.ts";
import { createLogger } from "../core/logger.server.ts";
import { restoreBackup } from "./restore.server.ts";
import { beginBackup } from "./run.server.ts";
import { checksumTables } from "./tables.server.ts";

const keysOf = (config: Config) => loadKeys(config, createLogger("silent"));

async function tableCount(config: Config): Promise<number> {
  const database = openDatabase(config.databaseUrl);
  try {
    return (await (database.db as unknown as Kysely<any>).introspection.getTables()).length;
  } finally {
    await database.close();
  }
}

describe(`restore refusals (${testDialect})`, () => {
  let source: TestServices;
  let file: string;
  const targets: TestEnv[] = [];
  const target = async (overrides: Partial<Config> = {}) => {
    const env = await testConfig({ secretKey: source.config.secretKey, ...overrides });
    targets.push(env);
    return env;
  };

  beforeAll(async () => {
    source = await createTestServices({ demoPeople: 30 });
    await source.services.files.put("refusal0001", "original", crypto.randomBytes(70_000));
    file = (await (await beginBackup(source.services, { via: "cli" }))!.finished).location;
  });
  afterAll(async () => {
    for (const env of targets) await env.cleanup();
    await source?.cleanup();
  });

  it("refuses a truncated file and a flipped byte, and restores nothing", async () => {
    const whole = fs.readFileSync(file);
    const damaged = path.join(path.dirname(file), "damaged.lbk");
    const cases: [string, Buffer, RegExp][] = [
      ["cut in half", whole.subarray(0, Math.floor(whole.length / 2)), /不完整（被截断）.*cut short/],
      ["last byte missing", whole.subarray(0, whole.length - 1), /不完整（被截断）.*cut short/],
    ];
    for (const at of [whole.length - 20, Math.floor(whole.length / 2), 200]) {
      const copy = Buffer.from(whole);
      copy[at] = copy[at]! ^ 0x40;
      cases.push([`byte ${at} flipped`, copy, /已损坏或被改动.*damaged or was altered/]);
    }
    for (const [what, bytes, message] of cases) {
      fs.writeFileSync(damaged, bytes);
      const env = await target();
      await expect(restoreBackup(env.config, keysOf(env.config), damaged), what).rejects.toThrow(message);
      expect(await tableCount(env.config), what).toBe(0);
      expect(fs.existsSync(path.join(env.config.dataDir, "files")), what).toBe(false);
    }
  });

  it("tells another key apart from damage", async () => {
    const env = await target({ secretKey: crypto.randomBytes(32).toString("hex") });
    await expect(restoreBackup(env.config, keysOf(env.config), file)).rejects.toThrow(
      /another key \(id [0-9a-f]{16}, yours is [0-9a-f]{16}\): set the LINLI_SECRET_KEY/,
    );
    expect(await tableCount(env.config)).toBe(0);
  });

  it("opens a backup made before a key rotation with the old key given as LINLI_OLD_SECRET_KEYS", async () => {
    const env = await target({
      secretKey: crypto.randomBytes(32).toString("hex"),
      oldSecretKeys: [source.config.secretKey!],
    });
    const restored = await restoreBackup(env.config, keysOf(env.config), file);
    expect(restored.keyWarning).toBe(false);
  });

  it("refuses a database in use unless forced, then replaces it and its files", async () => {
    const busy = await createTestServices({ secretKey: source.config.secretKey });
    targets.push({ config: busy.config, cleanup: busy.cleanup });
    await busy.services.files.put("theirs00001", "original", Buffer.from("kept aside"));
    const before = await checksumTables(busy.services.db as unknown as Kysely<any>, testDialect);
    await busy.services.database.close();
    await expect(restoreBackup(busy.config, keysOf(busy.config), file)).rejects.toThrow(
      /不是空的，拒绝覆盖.*not empty; refused \(add --force/,
    );
    const database = openDatabase(busy.config.databaseUrl);
    const untouched = await checksumTables(database.db as unknown as Kysely<any>, testDialect);
    await database.close();
    expect(untouched).toEqual(before);

    const restored = await restoreBackup(busy.config, keysOf(busy.config), file, { force: true });
    expect(restored.movedFiles).toMatch(/files\.before-restore-\d{8}T\d{6}$/);
    expect(fs.readFileSync(path.join(restored.movedFiles!, "th", "theirs00001.original"), "utf8")).toBe(
      "kept aside",
    );
    expect(fs.existsSync(path.join(busy.config.dataDir, "files", "re", "refusal0001.original"))).toBe(true);
    const again = openDatabase(busy.config.databaseUrl);
    const people = await again.db
      .selectFrom("records")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await again.close();
    expect(Number(people.n)).toBe(restored.manifest.tables.records!.rows);
  });

  it("refuses a data directory that already holds files unless forced", async () => {
    const env = await target();
    fs.mkdirSync(path.join(env.config.dataDir, "files", "ab"), { recursive: true });
    fs.writeFileSync(path.join(env.config.dataDir, "files", "ab", "abc.original"), "x");
    await expect(restoreBackup(env.config, keysOf(env.config), file)).rejects.toThrow(
      /already holds 1 files/,
    );
    expect(await tableCount(env.config)).toBe(0);
  });

  it("takes a database that was only migrated as empty", async () => {
    const env = await target();
    const database = openDatabase(env.config.databaseUrl);
    await migrateToLatest(database);
    await database.close();
    const restored = await restoreBackup(env.config, keysOf(env.config), file);
    expect(restored.keyWarning).toBe(false);
    expect(restored.manifest.totals.files).toBe(1);
  });
});
