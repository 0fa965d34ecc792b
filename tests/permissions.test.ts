// The permission matrix, end to end over HTTP: every role × every protected page and API operation ×
// a target inside the caller's own scope and one outside it → allowed or refused exactly as written here.
// The expectations are spelled out independently of app/auth/permissions.ts so that a change there
// which widens or narrows access makes this test fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecord } from "../app/people/records/write.server.ts";
import { accountId, addAccount, addOrg, callerFor, orgId, tableId } from "./support/factories.ts";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const ROLES = ["admin", "fengsheng", "qiye", "shangjia", "auditor", "zhangwei"] as const;
type Who = (typeof ROLES)[number];
type Outcome = "ok" | "no";
type Scope = "own" | "other";

/** Per role: [own scope, other scope]. */
type Row = Record<Who, [Outcome, Outcome]>;
const row = (...cells: [Outcome, Outcome][]): Row =>
  Object.fromEntries(ROLES.map((r, i) => [r, cells[i]!])) as Row;

const OK: [Outcome, Outcome] = ["ok", "ok"];
const NO: [Outcome, Outcome] = ["no", "no"];
const SCOPED: [Outcome, Outcome] = ["ok", "no"];

//                                       admin   fengsheng qiye    shangjia auditor zhangwei
const EXPECTED: Record<string, Row> = {
  "page /admin": /*                */ row(OK, OK, OK, OK, OK, NO),
  "page /admin/orgs": /*           */ row(OK, OK, OK, OK, NO, NO),
  "page /admin/accounts": /*       */ row(OK, OK, NO, NO, NO, NO),
  "page /admin/accounts/:id": /*   */ row(SCOPED, SCOPED, NO, NO, NO, NO),
  "page /admin/tokens": /*         */ row(OK, OK, OK, OK, NO, NO),
  "page /admin/audit": /*          */ row(NO, NO, NO, NO, OK, NO),
  "page /admin/audit/export": /*   */ row(NO, NO, NO, NO, OK, NO),
  "page /admin/data/people": /*    */ row(OK, OK, OK, OK, NO, NO),
  "page /admin/records/:id": /*    */ row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
  "page /admin/records/:id/history": row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
  "page /admin/tables": /*         */ row(OK, OK, OK, OK, NO, NO),
  "page /admin/dictionaries": /*   */ row(OK, OK, OK, OK, NO, NO),
  "page /admin/recycle": /*        */ row(OK, OK, OK, OK, NO, NO),
  "page /sns": /*                  */ row(OK, OK, OK, OK, OK, OK),
  "GET /api/v1/me": /*             */ row(OK, OK, OK, OK, OK, OK),
  "GET /api/v1/orgs": /*           */ row(OK, OK, OK, OK, NO, NO),
  "GET /api/v1/orgs/:id": /*       */ row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
  "POST /api/v1/orgs": /*          */ row(SCOPED, SCOPED, NO, NO, NO, NO),
  "PATCH /api/v1/orgs/:id": /*     */ row(SCOPED, SCOPED, NO, NO, NO, NO),
  "GET /api/v1/accounts": /*       */ row(OK, OK, NO, NO, NO, NO),
  "GET /api/v1/accounts/:id": /*   */ row(SCOPED, SCOPED, NO, NO, NO, NO),
  "POST /api/v1/accounts": /*      */ row(SCOPED, SCOPED, NO, NO, NO, NO),
  "PATCH /api/v1/accounts/:id": /* */ row(SCOPED, SCOPED, NO, NO, NO, NO),
  "POST /api/v1/accounts/:id/reset-password": row(SCOPED, SCOPED, NO, NO, NO, NO),
  "GET /api/v1/tokens": /*         */ row(OK, OK, OK, OK, NO, NO),
  "POST /api/v1/tokens": /*        */ row(OK, OK, OK, OK, NO, NO),
  "GET /api/v1/audit": /*          */ row(NO, NO, NO, NO, OK, NO),
  "GET /api/v1/tables": /*         */ row(OK, OK, OK, OK, NO, NO),
  "POST /api/v1/tables": /*        */ row(OK, OK, NO, NO, NO, NO),
  "GET /api/v1/dictionaries": /*   */ row(OK, OK, OK, OK, NO, NO),
  "GET /api/v1/tables/:id/records": row(OK, OK, OK, OK, NO, NO),
  "GET /api/v1/records/:id": /*    */ row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
  "PATCH /api/v1/records/:id": /*  */ row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
  "POST /api/v1/records/:id/reveal": row(SCOPED, SCOPED, NO, NO, NO, NO),
  "POST /api/v1/tables/:id/query": row(OK, OK, OK, OK, NO, NO),
  "GET /api/v1/tables/:id/views": row(OK, OK, OK, OK, NO, NO),
  "POST /api/v1/tables/:id/views": row(OK, OK, OK, OK, NO, NO),
  "POST /api/v1/tables/:id/views (shared with an org)": row(SCOPED, SCOPED, NO, NO, NO, NO),
  "GET /api/v1/tables/:id/colours": row(OK, OK, OK, OK, NO, NO),
  "POST /api/v1/tables/:id/colours": row(OK, OK, NO, NO, NO, NO),
  "POST /api/v1/tables/:id/marks": row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
  // Last: it moves the target records into the recycle bin.
  "DELETE /api/v1/records/:id": /* */ row(SCOPED, SCOPED, SCOPED, SCOPED, NO, NO),
};

interface Targets {
  /** An org node the request is about, inside / outside the caller's scope. */
  org: Record<Scope, number>;
  /** Where a new child may go (a parent of the right kind), inside / outside. */
  parent: Record<Scope, { id: number; kind: string }>;
  /** An account other than the caller, inside / outside. */
  account: Record<Scope, number>;
  /** Where a new account may be placed, inside / outside. */
  place: Record<Scope, { orgId: number; role: string }>;
  /** A person record, inside / outside. */
  record: Record<Scope, number>;
}

describe("permission matrix over HTTP", () => {
  let server: TestServer;
  const clients = new Map<Who, Client>();
  const targets = new Map<Who, Targets>();
  let serial = 0;

  beforeAll(async () => {
    server = await startTestServer();
    const s = server.services;
    const otherStreet = await addOrg(s, null, "street", "月坛街道");
    const otherCommunity = await addOrg(s, otherStreet.id, "community", "月坛社区");
    const fengsheng = await orgId(s, "丰盛社区");
    const erlonglu = await orgId(s, "二龙路社区");
    const street = await orgId(s, "金融街街道");
    const inFengsheng = await addAccount(
      s,
      "t_fs_resident",
      "resident",
      await orgId(s, "第三网格", "丰盛社区"),
    );
    const inErlonglu = await addAccount(
      s,
      "t_ell_resident",
      "resident",
      await orgId(s, "第三网格", "二龙路社区"),
    );
    const inYuetan = await addAccount(s, "t_yt_resident", "resident", otherCommunity.id);
    const enterprise = await orgId(s, "金融街控股物业服务有限公司");
    const merchant = await orgId(s, "丰盛便民超市");
    const otherEnterprise = await orgId(s, "西单商场股份有限公司");
    const otherMerchant = await orgId(s, "老北京家政服务部");
    const grid = await orgId(s, "第一网格", "丰盛社区");
    await addAccount(s, "t_yt_admin", "street_admin", otherStreet.id);
    const person = async (who: string, name: string, org?: number) =>
      (
        await createRecord(s, await callerFor(s, who), "people", {
          orgId: org,
          values: { name, mobile: "13800001111" },
        })
      ).id;
    const records = {
      fengsheng: await person("fengsheng", "丰盛居民"),
      erlonglu: await person("erlonglu", "二龙路居民"),
      yuetan: await person("t_yt_admin", "月坛居民", otherCommunity.id),
      enterprise: await person("qiye", "物业员工"),
      otherEnterprise: await person("admin", "商场员工", otherEnterprise),
      merchant: await person("shangjia", "超市店员"),
      otherMerchant: await person("admin", "家政员工", otherMerchant),
    };

    const streetLevel: Targets = {
      org: { own: fengsheng, other: otherCommunity.id },
      parent: { own: { id: street, kind: "community" }, other: { id: otherStreet.id, kind: "community" } },
      account: { own: inFengsheng, other: inYuetan },
      place: {
        own: { orgId: fengsheng, role: "resident" },
        other: { orgId: otherCommunity.id, role: "resident" },
      },
      record: { own: records.fengsheng, other: records.yuetan },
    };
    const communityLevel: Targets = {
      org: { own: await orgId(s, "第二网格", "丰盛社区"), other: erlonglu },
      parent: { own: { id: fengsheng, kind: "grid" }, other: { id: erlonglu, kind: "grid" } },
      account: { own: inFengsheng, other: inErlonglu },
      place: { own: { orgId: fengsheng, role: "resident" }, other: { orgId: erlonglu, role: "resident" } },
      record: { own: records.fengsheng, other: records.erlonglu },
    };
    targets.set("admin", streetLevel);
    targets.set("auditor", streetLevel);
    targets.set("fengsheng", communityLevel);
    targets.set("zhangwei", { ...communityLevel, org: { own: grid, other: erlonglu } });
    targets.set("qiye", {
      ...communityLevel,
      org: { own: enterprise, other: otherEnterprise },
      record: { own: records.enterprise, other: records.otherEnterprise },
    });
    targets.set("shangjia", {
      ...communityLevel,
      org: { own: merchant, other: otherMerchant },
      record: { own: records.merchant, other: records.otherMerchant },
    });

    for (const who of ROLES) {
      const client = new Client(server.url);
      const response = await client.login(who);
      expect(response.status, `${who} signs in`).toBe(302);
      clients.set(who, client);
    }
    expect(await accountId(s, "t_fs_resident")).toBe(inFengsheng);
  });
  afterAll(() => server?.stop());

  async function attempt(who: Who, operation: string, scope: Scope): Promise<Response> {
    const c = clients.get(who)!;
    const t = targets.get(who)!;
    const unique = `${++serial}`;
    switch (operation) {
      case "page /admin/accounts/:id":
        return (await c.page(`/admin/accounts/${t.account[scope]}`)).response;
      case "GET /api/v1/orgs/:id":
        return c.json(`/api/v1/orgs/${t.org[scope]}`);
      case "POST /api/v1/orgs":
        return c.json("/api/v1/orgs", "POST", {
          parentId: t.parent[scope].id,
          kind: t.parent[scope].kind,
          name: `新建${unique}`,
        });
      case "PATCH /api/v1/orgs/:id":
        return c.json(`/api/v1/orgs/${t.org[scope]}`, "PATCH", { name: `改名${unique}` });
      case "GET /api/v1/accounts/:id":
        return c.json(`/api/v1/accounts/${t.account[scope]}`);
      case "POST /api/v1/accounts":
        return c.json("/api/v1/accounts", "POST", {
          username: `t_new_${unique}`,
          displayName: "新居民",
          role: t.place[scope].role,
          orgId: t.place[scope].orgId,
          password: "Brand#New2026x",
        });
      case "PATCH /api/v1/accounts/:id":
        return c.json(`/api/v1/accounts/${t.account[scope]}`, "PATCH", { displayName: `居民${unique}` });
      case "POST /api/v1/accounts/:id/reset-password":
        return c.json(`/api/v1/accounts/${t.account[scope]}/reset-password`, "POST", {});
      case "POST /api/v1/tokens":
        return c.json("/api/v1/tokens", "POST", { name: `token ${unique}` });
      case "page /admin/records/:id":
        return (await c.page(`/admin/records/${t.record[scope]}`)).response;
      case "page /admin/records/:id/history":
        return (await c.page(`/admin/records/${t.record[scope]}/history`)).response;
      case "POST /api/v1/tables":
        return c.json("/api/v1/tables", "POST", { name: `新表${unique}` });
      case "GET /api/v1/tables/:id/records":
        return c.json(`/api/v1/tables/${await tableId(server.services, "people")}/records`);
      case "GET /api/v1/records/:id":
        return c.json(`/api/v1/records/${t.record[scope]}`);
      case "PATCH /api/v1/records/:id":
        return c.json(`/api/v1/records/${t.record[scope]}`, "PATCH", { values: { notes: `备注${unique}` } });
      case "POST /api/v1/records/:id/reveal":
        return c.json(`/api/v1/records/${t.record[scope]}/reveal`, "POST", { field: "mobile" });
      case "POST /api/v1/tables/:id/query":
        return c.json("/api/v1/tables/people/query", "POST", { query: { search: "居民" } });
      case "GET /api/v1/tables/:id/views":
        return c.json("/api/v1/tables/people/views");
      case "POST /api/v1/tables/:id/views":
        return c.json("/api/v1/tables/people/views", "POST", { name: `视图${unique}`, definition: {} });
      case "POST /api/v1/tables/:id/views (shared with an org)":
        return c.json("/api/v1/tables/people/views", "POST", {
          name: `共享${unique}`,
          share: "org",
          orgId: t.org[scope],
          definition: {},
        });
      case "GET /api/v1/tables/:id/colours":
        return c.json("/api/v1/tables/people/colours");
      case "POST /api/v1/tables/:id/colours":
        return c.json("/api/v1/tables/people/colours", "POST", {
          colour: `#${Number(unique).toString(16).padStart(6, "0")}`,
          meaning: `含义${unique}`,
        });
      case "POST /api/v1/tables/:id/marks":
        return c.json("/api/v1/tables/people/marks", "POST", { ids: [t.record[scope]], colour: "#f97316" });
      case "DELETE /api/v1/records/:id":
        return c.json(`/api/v1/records/${t.record[scope]}`, "DELETE");
      default: {
        const [kind, path] = operation.split(" ") as [string, string];
        if (kind === "page") return (await c.page(path)).response;
        return c.json(path, kind);
      }
    }
  }

  for (const [operation, expected] of Object.entries(EXPECTED)) {
    it(operation, async () => {
      const seen: string[] = [];
      const want: string[] = [];
      for (const who of ROLES) {
        for (const [i, scope] of (["own", "other"] as const).entries()) {
          const response = await attempt(who, operation, scope);
          const status = response.status;
          const outcome = status >= 200 && status < 300 ? "ok" : status === 403 ? "no" : `HTTP ${status}`;
          seen.push(`${who}/${scope}: ${outcome}`);
          want.push(`${who}/${scope}: ${expected[who][i]}`);
        }
      }
      expect(seen).toEqual(want);
    });
  }
});
