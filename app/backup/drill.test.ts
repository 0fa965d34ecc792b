// The restore drill: back up while people are being registered and edited and notices posted, restore
// into a fresh database and data directory, and compare every table with the source as it was at the
// backup point — through sums the test takes itself inside the backup's snapshot, and, for the tables
// that only grow, through the source's rows up to the manifest's highest id after the writes went on.
// Runs on SQLite, and on MariaDB when LINLI_TEST_DATABASE_URL is set.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection.ts";
import {
  createTestServices,
  type TestEnv,
  type TestServices,
  testConfig,
  testDialect,
} from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { verifyAuditChain } from "../audit/log.server.ts";
import { isAppError } from "../core/errors.ts";
import { loadKeys } from "../core/keys.server.ts";
import { createLogger } from "../core/logger.server.ts";
import { sendNotice } from "../notify/inbox.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { createRecord, updateRecord } from "../people/records/write.server.ts";
import { restoreBackup } from "./restore.server.ts";
import { beginBackup } from "./run.server.ts";
import { checksumTables, listTables, TableChecksum } from "./tables.server.ts";

type Sums = Record<string, { rows: number; checksum: string }>;

/** Whole tables read in one query each, in whatever order the database gives: not the dump's paging. */
async function sumsOf(db: Kysely<any>): Promise<Sums> {
  const out: Sums = {};
  for (const table of await listTables(db, testDialect)) {
    const rows = await db.selectFrom(table.name).selectAll().execute();
    const sum = new TableChecksum(table.columns);
    for (const row of rows) sum.addRecord(row);
    const counted = await db
      .selectFrom(table.name)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(rows.length);
    out[table.name] = { rows: rows.length, checksum: sum.digest };
  }
  return out;
}

describe(`restore drill (${testDialect})`, () => {
  let source: TestServices;
  let target: TestEnv;

  beforeAll(async () => {
    source = await createTestServices({ demoPeople: 500 });
    target = await testConfig({ secretKey: source.config.secretKey });
    await source.services.files.put("drillphoto01", "original", crypto.randomBytes(200_000));
    await source.services.files.put("drillphoto01", "thumb", crypto.randomBytes(5_000));
  });
  afterAll(async () => {
    await source?.cleanup();
    await target?.cleanup();
  });

  it("restores a backup taken under writes to exactly the source at the backup point", async () => {
    const { services } = source;
    const admin = await callerFor(services, "fengsheng");
    const adminId = admin.actor.id;
    let stop = false;
    let writes = 0;
    let refused = 0;
    let atSnapshot = -1;
    const writer = (async () => {
      const made: { id: number; version: number }[] = [];
      for (let n = 0; !stop; n++) {
        const day = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        try {
          const r = await createRecord(services, admin, "people", {
            values: { name: `演练${n}`, document: buildId("110105", day, "215").number },
          });
          made.push({ id: r.id, version: r.version });
          if (n % 3 === 2) {
            const earlier = made[n - 2]!;
            const u = await updateRecord(services, admin, earlier.id, {
              version: earlier.version,
              values: { nativePlace: `北京${n}` },
            });
            earlier.version = u.version;
          }
          await sendNotice(services.db, [adminId], { kind: "drill", title: `演练 ${n}`, body: "—" });
          writes++;
          // A steady stream of saves (several a second per clerk would already be busy), not a tight loop.
          await new Promise((r) => setTimeout(r, 2));
        } catch (error) {
          // A generated ID number the demo people already hold: try the next one.
          if (!isAppError(error) || ++refused > 20) throw error;
        }
      }
    })();
    while (writes < 5) await new Promise((r) => setTimeout(r, 5));

    let reference: Sums = {};
    const started = await beginBackup(services, {
      via: "cli",
      async onSnapshot(db) {
        atSnapshot = writes;
        reference = await sumsOf(db);
      },
    });
    const done = await started!.finished;
    // Saves went on while the backup read its snapshot.
    expect(writes).toBeGreaterThan(atSnapshot);
    expect(refused).toBeLessThan(20);
    // Keep writing a little after the backup, so "the source now" and "the backup point" differ.
    const after = writes;
    while (writes < after + 3) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await writer;
    expect(done.status).toBe("done");

    const keys = loadKeys(target.config, createLogger("silent"));
    const { manifest } = await restoreBackup(target.config, keys, done.location);
    const restored = openDatabase(target.config.databaseUrl);
    try {
      const db = restored.db as unknown as Kysely<any>;
      const got = await checksumTables(db, testDialect);
      const backedUp = Object.keys(manifest.tables).sort();
      expect(backedUp).toEqual(Object.keys(reference).sort());
      expect(backedUp).toContain("records");
      for (const name of backedUp) {
        const want = manifest.tables[name]!;
        expect({ name, ...reference[name] }).toEqual({ name, rows: want.rows, checksum: want.checksum });
        // The restore's own log row came after its check: the log is compared row by row below.
        if (name === "audit_log" || name === "audit_head") continue;
        expect({ name, rows: got[name]?.rows, checksum: got[name]?.checksum }).toEqual({
          name,
          rows: want.rows,
          checksum: want.checksum,
        });
      }
      expect(await verifyAuditChain(restored.db)).toMatchObject({
        ok: true,
        rows: manifest.tables.audit_log!.rows + 1,
      });

      // The tables that only grow: the source's rows up to the manifest's highest id are the restored rows.
      const sourceDb = services.db as unknown as Kysely<any>;
      const tables = await listTables(sourceDb, testDialect);
      for (const name of ["records", "record_versions", "inbox_messages", "audit_log"]) {
        const table = tables.find((t) => t.name === name)!;
        const maxId = manifest.tables[name]!.maxId!;
        const upTo = async (from: Kysely<any>) => {
          const sum = new TableChecksum(table.columns);
          const rows = await from.selectFrom(name).selectAll().where("id", "<=", maxId).execute();
          for (const row of rows) sum.addRecord(row);
          return { rows: rows.length, checksum: sum.digest };
        };
        const newer = await sourceDb
          .selectFrom(name)
          .select("id")
          .where("id", ">", maxId)
          .limit(1)
          .executeTakeFirst();
        expect(newer, `${name} gained rows after the backup point`).toBeTruthy();
        if (name === "records") continue; // edited after the backup point: compared through the sums above
        expect(await upTo(sourceDb), name).toEqual(await upTo(db));
      }

      const photo = manifest.files.find((f) => f.path === "dr/drillphoto01.original")!;
      const bytes = fs.readFileSync(path.join(target.config.dataDir, "files", "dr", "drillphoto01.original"));
      expect(bytes.length).toBe(200_000);
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(photo.sha256);
      const log = await restored.db
        .selectFrom("audit_log")
        .select("event")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(log.event).toBe("backup.restored");
    } finally {
      await restored.close();
    }
  }, 180_000);
});
