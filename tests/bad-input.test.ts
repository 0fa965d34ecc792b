// Malformed input anywhere a user can type or edit a URL gets a 4xx and a sentence — never a 500 —
// and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

describe("bad input over HTTP", () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startTestServer();
    admin = new Client(server.url);
    await admin.login("admin");
  });
  afterAll(() => server.stop());

  const countOrgs = async () => (await server.services.db.selectFrom("orgs").select("id").execute()).length;

  it.each([
    ["/admin/orgs", { intent: "create", parentId: "abc", kind: "grid", name: "x" }],
    ["/admin/orgs", { intent: "create", parentId: "1", kind: "castle", name: "x" }],
    ["/admin/orgs", { intent: "rename", id: "not-a-number", name: "x" }],
    ["/admin/orgs", { intent: "move", id: "2", parentId: "99999999999999999999" }],
    ["/admin/orgs", { intent: "explode" }],
    ["/admin/tokens", { intent: "revoke", id: "abc" }],
    ["/admin/tokens", { intent: "create", name: "" }],
    ["/admin/accounts/new", { username: "", displayName: "", role: "", orgId: "" }],
    ["/admin/accounts/abc", { intent: "update", displayName: "x" }],
  ])("POST %s %j → 4xx with a message, nothing written", async (path, fields) => {
    const before = await countOrgs();
    const response = await admin.form(path, fields as Record<string, string>);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const html = await response.text();
    expect(html).not.toMatch(/at \w+ \(|node_modules|Error:/);
    expect(await countOrgs()).toBe(before);
  });

  it.each([
    "/admin/accounts/abc",
    "/admin/accounts/0",
    "/admin/accounts/99999999999999999999",
    "/admin/audit?from=yesterday",
  ])("GET %s → 4xx page", async (path) => {
    const page = await admin.page(path);
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.status).toBeLessThan(500);
  });

  it("marks the session cookie Secure when the request came over HTTPS", async () => {
    const https = await startTestServer({ trustProxy: true });
    try {
      const client = new Client(https.url);
      await client.page("/login");
      const response = await client.form(
        "/login",
        { login: "admin", password: "Linli@2026" },
        { headers: { "x-forwarded-proto": "https" } },
      );
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("linli_session="))!;
      expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      await https.stop();
    }
  });
});
