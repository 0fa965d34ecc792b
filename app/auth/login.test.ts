import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { accountId, auditEvents, callerFor } from "../../tests/support/factories.ts";
import { sealAccountMobiles } from "./account-mobile.server.ts";
import { updateAccount } from "./accounts.server.ts";
import { login, logoutEverywhere } from "./login.server.ts";
import { touchSession } from "./sessions.server.ts";

const meta = { ip: "10.0.0.1", userAgent: "vitest" };

describe("password login", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("signs in by username or by mobile number and logs it", async () => {
    const byName = await login(t.services, { login: "FengSheng", password: "Linli@2026", ...meta });
    expect(byName.role).toBe("community_admin");
    const byMobile = await login(t.services, { login: "13900139001", password: "Linli@2026", ...meta });
    expect(byMobile.token).not.toBe(byName.token);
    const logins = await auditEvents(t.services, "auth.login");
    expect(logins.filter((r) => r.actor_name === "fengsheng")).toHaveLength(2);
  });

  it("signs in by a mobile number written before numbers were sealed, once the start-up sealed it", async () => {
    await t.services.db
      .updateTable("users")
      .set({ mobile: "13911112222", mobile_sealed: null, mobile_digest: null })
      .where("username", "=", "auditor")
      .execute();
    expect(await sealAccountMobiles(t.services)).toBe(1);
    const row = await t.services.db
      .selectFrom("users")
      .select(["mobile", "mobile_sealed"])
      .where("username", "=", "auditor")
      .executeTakeFirstOrThrow();
    expect(row.mobile).toBeNull();
    expect(row.mobile_sealed).not.toContain("13911112222");
    const session = await login(t.services, { login: "139 1111 2222", password: "Linli@2026", ...meta });
    expect(session.role).toBe("auditor");
  });

  it("says how many attempts are left, then locks the account for a while", async () => {
    const attempt = () =>
      login(t.services, { login: "erlonglu", password: "wrong-password", ip: "10.0.0.2", userAgent: null });
    await expect(attempt()).rejects.toThrow(/再失败 4 次/);
    for (let i = 0; i < 3; i++) await expect(attempt()).rejects.toThrow(/用户名或密码错误/);
    await expect(attempt()).rejects.toMatchObject({
      kind: "too_many_requests",
      message: expect.stringMatching(/15 分钟/),
    });
    // Even the right password is refused while locked.
    await expect(
      login(t.services, { login: "erlonglu", password: "Linli@2026", ip: "10.0.0.3", userAgent: null }),
    ).rejects.toMatchObject({ kind: "too_many_requests" });
    const failures = await auditEvents(t.services, "auth.login_failed");
    expect(failures.filter((r) => r.actor_name === "erlonglu").length).toBeGreaterThanOrEqual(5);
    expect((await auditEvents(t.services, "auth.locked")).length).toBe(1);
  });

  it("gives the same answer for an unknown user as for a wrong password", async () => {
    await expect(login(t.services, { login: "nobody", password: "Whatever#2026", ...meta })).rejects.toThrow(
      /用户名或密码错误/,
    );
  });

  it("refuses a disabled account and ends its sessions at once", async () => {
    const session = await login(t.services, { login: "liuyang", password: "Linli@2026", ...meta });
    const roleOf = async () => "resident" as const;
    expect(await touchSession(t.services.db, t.services.config, session.token, roleOf)).not.toBeNull();
    const admin = await callerFor(t.services, "admin");
    await updateAccount(t.services, admin, await accountId(t.services, "liuyang"), { status: "disabled" });
    expect(await touchSession(t.services.db, t.services.config, session.token, roleOf)).toBeNull();
    await expect(login(t.services, { login: "liuyang", password: "Linli@2026", ...meta })).rejects.toThrow(
      /停用/,
    );
  });

  it("logs out everywhere", async () => {
    const a = await login(t.services, { login: "zhangwei", password: "Linli@2026", ...meta });
    const b = await login(t.services, { login: "zhangwei", password: "Linli@2026", ...meta });
    const caller = await callerFor(t.services, "zhangwei");
    expect(await logoutEverywhere(t.services, caller)).toBeGreaterThanOrEqual(2);
    const roleOf = async () => "resident" as const;
    expect(await touchSession(t.services.db, t.services.config, a.token, roleOf)).toBeNull();
    expect(await touchSession(t.services.db, t.services.config, b.token, roleOf)).toBeNull();
  });

  it("ends a staff session that sat idle longer than the limit", async () => {
    const s = await login(t.services, { login: "admin", password: "Linli@2026", ...meta });
    const idle = t.services.config.staffIdleMinutes * 60_000;
    await t.services.db
      .updateTable("sessions")
      .set({ expires_at: Date.now() - 1, last_seen_at: Date.now() - idle - 1 })
      .execute();
    expect(
      await touchSession(t.services.db, t.services.config, s.token, async () => "street_admin"),
    ).toBeNull();
  });
});
