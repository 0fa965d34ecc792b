import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { recordAudit, verifyAuditChain } from "./log.server.ts";

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
    expect(await verifyAuditChain(services.db)).toEqual({ ok: true, rows: rows.length });
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

  it("reports the first row whose content was changed", async () => {
    const { services } = t;
    const victim = await services.db
      .selectFrom("audit_log")
      .select("id")
      .orderBy("id")
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await services.db
      .updateTable("audit_log")
      .set({ data: JSON.stringify({ action: "nothing to see" }) })
      .where("id", "=", victim.id)
      .execute();
    const result = await verifyAuditChain(services.db);
    expect(result).toMatchObject({ ok: false, firstBadId: Number(victim.id), reason: "hash" });
  });

  it("reports a deleted row as a gap, and a cut-off tail through the head", async () => {
    const { services } = t;
    const fresh = await createTestServices();
    try {
      const db = fresh.services.db;
      const caller = await callerFor(fresh.services, "admin");
      for (let i = 0; i < 4; i++) {
        await recordAudit(db, fresh.services.dialect, { event: "auth.logout", data: {}, caller });
      }
      await db.deleteFrom("audit_log").where("id", "=", 3).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: 3, reason: "gap" });

      const last = await db
        .selectFrom("audit_log")
        .select(sql<number>`max(id)`.as("id"))
        .executeTakeFirstOrThrow();
      await db.deleteFrom("audit_log").where("id", ">=", 3).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: "head" });
      expect(Number(last.id)).toBeGreaterThan(3);
    } finally {
      await fresh.cleanup();
    }
    expect(services).toBeDefined();
  });
});
