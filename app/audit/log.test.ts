import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import type { Services } from "../core/services.server.ts";
import { type AuditEntry, recordAudit, recordAuditMany, verifyAuditChain } from "./log.server.ts";

async function logouts(services: Services, n: number) {
  const caller = await callerFor(services, "admin");
  const entries: AuditEntry[] = Array.from({ length: n }, () => ({ event: "auth.logout", data: {}, caller }));
  await recordAuditMany(services.db, services.dialect, entries);
}

describe("system log hash chain", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("chains every row to the one before and verifies ok", async () => {
    const { services } = t;
    const caller = await callerFor(services, "fengsheng");
    for (let i = 0; i < 5; i++) {
      await recordAudit(services.db, services.dialect, {
        event: "access.denied",
        data: { action: "org.read", target: `org:${i}` },
        caller,
      });
    }
    const rows = await services.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(services.db)).toMatchObject({ ok: true, rows: rows.length, firstId: 1 });
  });

  it("keeps one unbroken chain when many requests write at once", async () => {
    const { services } = t;
    const caller = await callerFor(services, "admin");
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAudit(services.db, services.dialect, {
          event: "access.denied",
          data: { action: "audit.read", target: `parallel:${i}` },
          caller,
        }),
      ),
    );
    const result = await verifyAuditChain(services.db);
    expect(result.ok).toBe(true);
  });

  it("appends a batch as consecutive rows, verified page by page", async () => {
    const { services } = t;
    const before = await verifyAuditChain(services.db);
    await logouts(services, 450);
    const pages: number[] = [];
    const result = await verifyAuditChain(services.db, { batch: 100, onProgress: (n) => pages.push(n) });
    expect(result).toMatchObject({ ok: true, rows: before.rows + 450 });
    expect(pages.length).toBeGreaterThan(4);
  });

  it("reports the first row whose content was changed by hand", async () => {
    const { services } = t;
    const victim = await services.db
      .selectFrom("audit_log")
      .select("id")
      .orderBy("id")
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET data = ${JSON.stringify({ action: "nothing to see" })} WHERE id = ${victim.id}`.execute(
      services.db,
    );
    const result = await verifyAuditChain(services.db, { batch: 7 });
    expect(result).toMatchObject({ ok: false, firstBadId: Number(victim.id), reason: "hash" });
  });

  it("reports an actor changed by hand, a deleted row as a gap, and a cut-off tail through the head", async () => {
    const fresh = await createTestServices();
    try {
      const db = fresh.services.db;
      await logouts(fresh.services, 40);
      expect((await verifyAuditChain(db)).ok).toBe(true);

      await sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 20`.execute(db);
      expect(await verifyAuditChain(db, { batch: 8 })).toMatchObject({
        ok: false,
        firstBadId: 20,
        reason: "hash",
      });
      await sql`UPDATE audit_log SET actor_name = 'admin' WHERE id = 20`.execute(db);
      expect((await verifyAuditChain(db)).ok).toBe(true);

      await sql`DELETE FROM audit_log WHERE id = 25`.execute(db);
      expect(await verifyAuditChain(db, { batch: 8 })).toMatchObject({
        ok: false,
        firstBadId: 25,
        reason: "gap",
      });

      const last = await db
        .selectFrom("audit_log")
        .select(sql<number>`max(id)`.as("id"))
        .executeTakeFirstOrThrow();
      await db.deleteFrom("audit_log").where("id", ">=", 25).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: 25, reason: "head" });
      expect(Number(last.id)).toBeGreaterThan(25);
    } finally {
      await fresh.cleanup();
    }
  });

  it("reports a row put back with a forged link, and a row added around the writer", async () => {
    const fresh = await createTestServices();
    try {
      const db = fresh.services.db;
      await logouts(fresh.services, 10);
      const row = await db.selectFrom("audit_log").selectAll().where("id", "=", 5).executeTakeFirstOrThrow();
      await db.deleteFrom("audit_log").where("id", "=", 5).execute();
      await db
        .insertInto("audit_log")
        .values({ ...row, prev_hash: "f".repeat(64) })
        .execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: 5, reason: "chain" });
      await db.updateTable("audit_log").set({ prev_hash: row.prev_hash }).where("id", "=", 5).execute();

      const headId = Number(
        (await db.selectFrom("audit_head").select("last_id").executeTakeFirstOrThrow()).last_id,
      );
      const lastRow = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("id", "=", headId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto("audit_log")
        .values({ ...lastRow, id: headId + 1, prev_hash: lastRow.hash })
        .execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: headId + 1 });
    } finally {
      await fresh.cleanup();
    }
  });
});
