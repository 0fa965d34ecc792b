// The JSON API end to end through its route modules, on a real database with the demo street office:
// scoping, typed errors as JSON, malformed input as 400, tokens shown once, responses as documented.
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { accountId, callerFor, orgId } from "../../tests/support/factories.ts";
import * as accountRoute from "../routes/api/account.ts";
import * as resetRoute from "../routes/api/account-reset-password.ts";
import * as accountsRoute from "../routes/api/accounts.ts";
import * as auditRoute from "../routes/api/audit.ts";
import * as meRoute from "../routes/api/me.ts";
import * as orgRoute from "../routes/api/org.ts";
import * as orgsRoute from "../routes/api/orgs.ts";
import * as tokenRoute from "../routes/api/token.ts";
import * as tokensRoute from "../routes/api/tokens.ts";
import type { RouteArgs } from "./endpoint.server.ts";
import { operation } from "./operations.ts";

type Handler = (args: RouteArgs) => Promise<Response> | Response;

describe("JSON API", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  async function call(
    handler: Handler,
    username: string,
    init: { method?: string; id?: string | number; body?: string; query?: string } = {},
  ) {
    const caller = { ...(await callerFor(t.services, username)), via: "token" as const };
    const request = new Request(`http://localhost/api/v1/x${init.query ?? ""}`, {
      method: init.method ?? "GET",
      body: init.body,
      headers: { "Content-Type": "application/json" },
    });
    const context = { services: t.services, caller } as unknown as AppLoadContext;
    const res = await handler({ request, context, params: { id: init.id?.toString() } });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  }

  it("tells the caller who they are and what they may do", async () => {
    const res = await call(meRoute.loader, "fengsheng");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: "fengsheng", role: "community_admin", via: "token" });
    expect(res.body.org.name).toBe("丰盛社区");
    expect(res.body.actions).toContain("org.write");
    expect(res.body.actions).not.toContain("audit.read");
  });

  it("lists only the orgs of the caller's own community", async () => {
    const res = await call(orgsRoute.loader, "fengsheng");
    expect(res.status).toBe(200);
    operation("listOrgs").success.schema!.parse(res.body);
    const names = res.body.items.map((o: { name: string }) => o.name);
    expect(names[0]).toBe("丰盛社区");
    expect(names).toContain("第一网格");
    expect(names).not.toContain("二龙路社区");
    expect(names).not.toContain("金融街街道");
  });

  it("refuses another community's org with a 403 JSON error", async () => {
    const erlonglu = await orgId(t.services, "二龙路社区");
    const res = await call(orgRoute.loader, "fengsheng", { id: erlonglu });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    const patch = await call(orgRoute.action, "fengsheng", {
      method: "PATCH",
      id: erlonglu,
      body: '{"name":"x"}',
    });
    expect(patch.status).toBe(403);
  });

  it("answers bad input, malformed JSON and bad ids with 400 JSON, never 500", async () => {
    const grid = await orgId(t.services, "第一网格", "丰盛社区");
    const bad = await call(orgRoute.action, "fengsheng", { method: "PATCH", id: grid, body: '{"name":""}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.name).toMatch(/名称/);
    const malformed = await call(orgRoute.action, "fengsheng", {
      method: "PATCH",
      id: grid,
      body: '{"name":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe("请求体不是有效的 JSON / Body is not valid JSON");
    const array = await call(orgRoute.action, "fengsheng", { method: "PATCH", id: grid, body: "[]" });
    expect(array.status).toBe(400);
    for (const id of ["abc", "0", "-1", "1.5", "99999999999999999999"]) {
      const res = await call(orgRoute.loader, "fengsheng", { id });
      expect(res.status, id).toBe(400);
      expect(res.body.error.fields.id).toBeDefined();
    }
    const query = await call(auditRoute.loader, "auditor", { query: "?from=2026-13-01" });
    expect(query.status).toBe(400);
    expect(query.body.error.fields.from).toBeDefined();
  });

  it("creates with 201, renames, and reports a duplicate name as 409", async () => {
    const fengsheng = await orgId(t.services, "丰盛社区");
    const created = await call(orgsRoute.action, "fengsheng", {
      method: "POST",
      body: JSON.stringify({ parentId: fengsheng, kind: "grid", name: "第四网格" }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ parentId: fengsheng, kind: "grid", name: "第四网格" });
    const dup = await call(orgRoute.action, "fengsheng", {
      method: "PATCH",
      id: created.body.id,
      body: '{"name":"第一网格"}',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.name).toBeDefined();
  });

  it("filters accounts by query and keeps them inside the caller's scope", async () => {
    const all = await call(accountsRoute.loader, "fengsheng");
    expect(all.status).toBe(200);
    operation("listAccounts").success.schema!.parse(all.body);
    const usernames = all.body.items.map((a: { username: string }) => a.username);
    expect(usernames).toContain("fengsheng");
    expect(usernames).not.toContain("erlonglu");
    const residents = await call(accountsRoute.loader, "fengsheng", {
      query: "?role=resident&q=&status=active",
    });
    expect(residents.body.items.every((a: { role: string }) => a.role === "resident")).toBe(true);
    const erlonglu = await accountId(t.services, "erlonglu");
    expect((await call(accountRoute.loader, "fengsheng", { id: erlonglu })).status).toBe(403);
  });

  it("resets a password with an empty body and returns the new one once", async () => {
    const zhangwei = await accountId(t.services, "zhangwei");
    const res = await call(resetRoute.action, "fengsheng", { method: "POST", id: zhangwei });
    expect(res.status).toBe(200);
    expect(res.body.password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  });

  it("creates a token whose secret is shown once, lists it without the secret, revokes it", async () => {
    const created = await call(tokensRoute.action, "fengsheng", {
      method: "POST",
      body: '{"name":"同步脚本"}',
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^lnl_/);
    const list = await call(tokensRoute.loader, "fengsheng");
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.items[0]).toMatchObject({ name: "同步脚本", revokedAt: null });
    const revoked = await call(tokenRoute.action, "fengsheng", { method: "DELETE", id: created.body.id });
    expect(revoked.status).toBe(204);
    const again = await call(tokenRoute.action, "fengsheng", { method: "DELETE", id: created.body.id });
    expect(again.status).toBe(404);
  });

  it("lets the auditor search the log, where the refused attempts show up, and nobody else", async () => {
    const res = await call(auditRoute.loader, "auditor", { query: "?event=access.denied&actor=fengsheng" });
    expect(res.status).toBe(200);
    operation("searchAudit").success.schema!.parse(res.body);
    expect(res.body.total).toBeGreaterThan(0);
    expect((await call(auditRoute.loader, "fengsheng")).status).toBe(403);
    expect((await call(orgsRoute.loader, "auditor")).status).toBe(403);
  });
});
