import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../tests/support/factories.ts";
import { login } from "./login.server.ts";
import { changeOwnPassword } from "./self.server.ts";

describe("changeOwnPassword", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  const signIn = (password: string) =>
    login(t.services, { login: "erlonglu", password, ip: null, userAgent: null });

  it("refuses a wrong current password, a weak new one and a mismatched repeat, naming the field", async () => {
    const caller = await callerFor(t.services, "erlonglu");
    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changeOwnPassword(t.services, caller, { currentPassword, newPassword, confirmPassword }, null);
    await expect(change("Wrong#Pass2026", "Erlong#Road-2026")).rejects.toMatchObject({
      kind: "invalid",
      fields: { currentPassword: expect.any(String) },
    });
    await expect(change("Linli@2026", "password1")).rejects.toMatchObject({
      fields: { newPassword: expect.any(String) },
    });
    await expect(change("Linli@2026", "Linli@2026")).rejects.toMatchObject({
      fields: { newPassword: expect.stringContaining("相同") },
    });
    await expect(change("Linli@2026", "Erlong#Road-2026", "Erlong#Road-2027")).rejects.toMatchObject({
      fields: { confirmPassword: expect.any(String) },
    });
  });

  it("changes the password, ends the other sessions but keeps the current one, and logs it", async () => {
    const here = await signIn("Linli@2026");
    await signIn("Linli@2026");
    const current = await t.services.db
      .selectFrom("sessions")
      .select("id")
      .where("csrf_token", "=", here.csrfToken)
      .executeTakeFirstOrThrow();
    const caller = await callerFor(t.services, "erlonglu");
    const result = await changeOwnPassword(
      t.services,
      caller,
      { currentPassword: "Linli@2026", newPassword: "Erlong#Road-2026", confirmPassword: "Erlong#Road-2026" },
      current.id,
    );
    expect(result.otherSessionsEnded).toBe(1);
    const left = await t.services.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", caller.actor.id)
      .execute();
    expect(left.map((s) => s.id)).toEqual([current.id]);
    await expect(signIn("Linli@2026")).rejects.toMatchObject({ kind: "invalid" });
    await expect(signIn("Erlong#Road-2026")).resolves.toMatchObject({ role: "community_admin" });
    const logged = await auditEvents(t.services, "auth.password_changed");
    expect(logged.at(-1)).toMatchObject({ actor_name: "erlonglu" });
  });

  it("locks further attempts after repeated wrong current passwords", async () => {
    const caller = await callerFor(t.services, "auditor");
    const attempt = () =>
      changeOwnPassword(
        t.services,
        caller,
        {
          currentPassword: "Not#Mine-2026",
          newPassword: "Audit#Trail-2026",
          confirmPassword: "Audit#Trail-2026",
        },
        null,
      );
    for (let i = 0; i < 4; i++) await expect(attempt()).rejects.toMatchObject({ kind: "invalid" });
    await expect(attempt()).rejects.toMatchObject({ kind: "too_many_requests" });
    await expect(
      changeOwnPassword(
        t.services,
        caller,
        {
          currentPassword: "Linli@2026",
          newPassword: "Audit#Trail-2026",
          confirmPassword: "Audit#Trail-2026",
        },
        null,
      ),
    ).rejects.toMatchObject({ kind: "too_many_requests" });
  });
});
