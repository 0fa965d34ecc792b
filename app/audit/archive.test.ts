// Retention: log rows past the period leave the database only into a verified archive file, the chain
// stays verifiable from the archive point, and a failed archive removes nothing.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linliCommand } from "../../tests/support/cli.ts";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { loadConfig } from "../core/config.server.ts";
import { archiveDir, archiveExpired, verifyArchiveFile } from "./archive.server.ts";
import { type AuditEntry, recordAuditMany, verifyAuditChain } from "./log.server.ts";

const DAY = 86_400_000;

describe("system log retention and archives", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
    const caller = await callerFor(t.services, "admin");
    const entries: AuditEntry[] = Array.from({ length: 30 }, () => ({
      event: "auth.logout",
      data: {},
      caller,
    }));
    await recordAuditMany(t.services.db, t.services.dialect, entries);
  });
  afterAll(() => t.cleanup());

  const rowCount = async () =>
    Number(
      (
        await t.services.db
          .selectFrom("audit_log")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("refuses a retention below 180 days at start, with the reason", () => {
    expect(loadConfig({}).auditRetentionDays).toBe(180);
    expect(loadConfig({ LINLI_AUDIT_RETENTION_DAYS: "365" }).auditRetentionDays).toBe(365);
    expect(() => loadConfig({ LINLI_AUDIT_RETENTION_DAYS: "30" })).toThrow(/at least 180 days/);
    expect(() => loadConfig({ LINLI_AUDIT_RETENTION_DAYS: "half a year" })).toThrow(
      /LINLI_AUDIT_RETENTION_DAYS/,
    );
  });

  it("keeps every row younger than the retention period", async () => {
    const before = await rowCount();
    expect(await archiveExpired(t.services)).toEqual([]);
    expect(await archiveExpired(t.services, Date.now() + 179 * DAY)).toEqual([]);
    expect(await rowCount()).toBe(before);
  });

  it("archives nothing when the archive file cannot be written", async () => {
    const before = await rowCount();
    fs.writeFileSync(archiveDir(t.services), "a file where the folder should be");
    try {
      await expect(archiveExpired(t.services, Date.now() + 200 * DAY)).rejects.toThrow();
    } finally {
      fs.rmSync(archiveDir(t.services));
    }
    expect(await rowCount()).toBe(before);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it("never archives a chain that does not verify", async () => {
    const db = t.services.db;
    const before = await rowCount();
    await sql`UPDATE audit_log SET ip = '10.0.0.9' WHERE id = 7`.execute(db);
    await expect(archiveExpired(t.services, Date.now() + 200 * DAY)).rejects.toThrow(/#7/);
    await sql`UPDATE audit_log SET ip = '127.0.0.1' WHERE id = 7`.execute(db);
    expect(await rowCount()).toBe(before);
    expect(fs.readdirSync(archiveDir(t.services)).filter((f) => f.endsWith(".gz"))).toEqual([]);
  });

  let first: string;
  it("moves rows past the period into a gzip'd file with their hashes; verify goes on from there", async () => {
    const db = t.services.db;
    const head = await db.selectFrom("audit_head").selectAll().executeTakeFirstOrThrow();
    const [archive, ...more] = await archiveExpired(t.services, Date.now() + 181 * DAY);
    expect(more).toEqual([]);
    expect(archive).toMatchObject({ firstId: 1, lastId: Number(head.last_id), lastHash: head.last_hash });
    first = path.join(archiveDir(t.services), archive!.file);
    expect(fs.statSync(first).isFile()).toBe(true);

    // Only the archive's own log row is left, linked to the archived rows' last hash.
    const kept = await db.selectFrom("audit_log").selectAll().execute();
    expect(kept.map((r) => r.event)).toEqual(["audit.archived"]);
    expect(kept[0]!.prev_hash).toBe(head.last_hash);
    expect(await db.selectFrom("audit_archive").selectAll().execute()).toMatchObject([
      { file: archive!.file, first_id: 1, last_id: Number(head.last_id), last_hash: head.last_hash },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      rows: 1,
      archivedThrough: Number(head.last_id),
    });
    expect(await verifyArchiveFile(first)).toMatchObject({
      ok: true,
      firstId: 1,
      lastId: Number(head.last_id),
      lastHash: head.last_hash,
    });
  });

  it("catches a deleted first kept row, and a later archive continues the first one", async () => {
    const db = t.services.db;
    const caller = await callerFor(t.services, "admin");
    await recordAuditMany(db, t.services.dialect, [{ event: "auth.logout", data: {}, caller }]);
    const [second] = await archiveExpired(t.services, Date.now() + 181 * DAY);
    const secondPath = path.join(archiveDir(t.services), second!.file);
    const cli = linliCommand(t.config);
    const both = await cli("audit", "verify", "--archive", first, secondPath);
    expect(both.code).toBe(0);
    expect(both.out).toMatch(/ok — .*rows #1–#/);
    const wrongOrder = await cli("audit", "verify", "--archive", secondPath, secondPath);
    expect(wrongOrder.code).toBe(1);
    expect(wrongOrder.out).toMatch(/does not continue/);

    const ok = await cli("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/after the archive point #/);
    await recordAuditMany(
      db,
      t.services.dialect,
      [1, 2, 3].map(() => ({ event: "auth.logout", data: {}, caller })),
    );
    const firstKept = Number(
      (await db.selectFrom("audit_log").select("id").orderBy("id").limit(1).executeTakeFirstOrThrow()).id,
    );
    await db.deleteFrom("audit_log").where("id", "=", firstKept).execute();
    const cut = await cli("audit", "verify");
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(new RegExp(`first bad row: #${firstKept} \\(gap`));
  });

  it("names the first changed row of a tampered archive file", async () => {
    const original = zlib.gunzipSync(fs.readFileSync(first)).toString("utf8").split("\n");
    const lines = [...original];
    const row = JSON.parse(lines[3]!);
    lines[3] = JSON.stringify({ ...row, actor_name: "nobody" });
    const forged = path.join(path.dirname(first), "forged.jsonl.gz");
    fs.writeFileSync(forged, zlib.gzipSync(lines.join("\n")));
    expect(await verifyArchiveFile(forged)).toMatchObject({ ok: false, firstBadId: row.id, reason: "hash" });
    fs.writeFileSync(forged, zlib.gzipSync(original.slice(0, 6).join("\n")));
    expect(await verifyArchiveFile(forged)).toMatchObject({ ok: false, reason: "truncated" });
    const res = await linliCommand(t.config)("audit", "verify", "--archive", forged);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/TAMPERED/);
  });
});
