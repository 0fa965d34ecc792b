import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { accountId, auditEvents, callerFor, orgId } from "../../tests/support/factories.ts";
import { createAccount, getAccount, listAccounts, resetPassword, updateAccount } from "./accounts.server.ts";
import { login } from "./login.server.ts";

describe("accounts", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("lists only the accounts inside the caller's scope", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const names = (await listAccounts(t.services, fengsheng)).map((a) => a.username).sort();
    expect(names).toEqual(["fengsheng", "qiye", "shangjia", "zhangwei"]);
    const admin = await callerFor(t.services, "admin");
    expect((await listAccounts(t.services, admin)).map((a) => a.username)).toContain("erlonglu");
  });

  it("lets a community admin create a grid worker, with a normalised mobile and the creation logged", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const grid = await orgId(t.services, "第二网格", "丰盛社区");
    const account = await createAccount(t.services, fengsheng, {
      username: "Wanggrid",
      displayName: "王网格",
      mobile: "+86 135-0000-1234",
      role: "community_admin",
      orgId: grid,
      password: "Grid#Worker2026",
    });
    expect(account).toMatchObject({ username: "wanggrid", mobile: "13500001234", orgName: "第二网格" });
    const created = await auditEvents(t.services, "account.created");
    expect(JSON.parse(created.at(-1)!.data).after.username).toBe("wanggrid");
    const session = await login(t.services, {
      login: "wanggrid",
      password: "Grid#Worker2026",
      ip: null,
      userAgent: null,
    });
    expect(session.role).toBe("community_admin");
  });

  it("refuses roles above the manager and places outside their scope", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const own = await orgId(t.services, "丰盛社区");
    const other = await orgId(t.services, "二龙路社区");
    const base = { username: "someone", displayName: "某人", password: "Some#Body2026" };
    await expect(
      createAccount(t.services, fengsheng, { ...base, role: "street_admin", orgId: own }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      createAccount(t.services, fengsheng, { ...base, role: "community_admin", orgId: other }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      createAccount(t.services, fengsheng, { ...base, role: "enterprise_admin", orgId: own }),
    ).rejects.toMatchObject({ kind: "invalid", fields: { orgId: expect.any(String) } });
  });

  it("explains every bad field in Chinese", async () => {
    const admin = await callerFor(t.services, "admin");
    await expect(
      createAccount(t.services, admin, {
        username: "1x",
        displayName: "",
        mobile: "12345",
        role: "boss",
        orgId: "abc",
        password: "x",
      }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fields: {
        username: expect.stringMatching(/用户名/),
        displayName: expect.stringMatching(/姓名/),
        mobile: expect.stringMatching(/手机/),
        role: expect.stringMatching(/角色/),
        orgId: expect.stringMatching(/组织/),
      },
    });
    await expect(
      createAccount(t.services, admin, {
        username: "weakling",
        displayName: "弱密码",
        role: "resident",
        orgId: await orgId(t.services, "西单社区"),
        password: "Password1",
      }),
    ).rejects.toMatchObject({ kind: "invalid", fields: { password: expect.stringMatching(/常见/) } });
    await expect(
      createAccount(t.services, admin, {
        username: "fengsheng",
        displayName: "重名",
        role: "resident",
        orgId: await orgId(t.services, "西单社区"),
        password: "Unique#Pass2026",
      }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });

  it("keeps a community admin away from other communities' accounts", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const erlonglu = await accountId(t.services, "erlonglu");
    await expect(getAccount(t.services, fengsheng, erlonglu)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      updateAccount(t.services, fengsheng, erlonglu, { status: "disabled" }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(resetPassword(t.services, fengsheng, erlonglu)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("does not let anyone change their own role or disable themselves", async () => {
    const admin = await callerFor(t.services, "admin");
    await expect(
      updateAccount(t.services, admin, admin.actor.id, { status: "disabled" }),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("resets a password to a one-time password that works and meets the policy", async () => {
    const admin = await callerFor(t.services, "admin");
    const { password } = await resetPassword(t.services, admin, await accountId(t.services, "zhangwei"));
    expect(password).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}$/);
    await expect(
      login(t.services, { login: "zhangwei", password: "Linli@2026", ip: null, userAgent: null }),
    ).rejects.toThrow();
    expect((await login(t.services, { login: "zhangwei", password, ip: null, userAgent: null })).role).toBe(
      "resident",
    );
  });

  it("records before → after when an account changes", async () => {
    const admin = await callerFor(t.services, "admin");
    const id = await accountId(t.services, "shangjia");
    await updateAccount(t.services, admin, id, { displayName: "吴经理" });
    const rows = await auditEvents(t.services, "account.updated");
    const data = JSON.parse(rows.at(-1)!.data);
    expect(data.before.displayName).toBe("吴店长");
    expect(data.after.displayName).toBe("吴经理");
  });
});
