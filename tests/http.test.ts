// The HTTP surface as a browser meets it: health, headers, CSRF, sign-in, errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialect } from "./support/db.ts";
import { auditEvents } from "./support/factories.ts";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

describe("HTTP surface", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("answers /healthz with the database kind", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: testDialect });
  });

  it("sends security headers with a per-response script nonce", async () => {
    const a = await fetch(`${server.url}/login`);
    const b = await fetch(`${server.url}/login`);
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await a.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("adds HSTS only when the request came over HTTPS", async () => {
    const https = await startTestServer({ trustProxy: true });
    try {
      const secure = await fetch(`${https.url}/login`, { headers: { "x-forwarded-proto": "https" } });
      expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const plain = await fetch(`${https.url}/login`);
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await https.stop();
    }
  });

  it("refuses a state change without the CSRF token, or from another site", async () => {
    const client = new Client(server.url);
    await client.page("/login");
    const missing = await client.form("/login", { login: "admin", password: "Linli@2026" }, { csrf: null });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toMatch(/页面已过期/);
    const crossSite = await client.request("/login", {
      method: "POST",
      body: new URLSearchParams({
        login: "admin",
        password: "Linli@2026",
        _csrf: client.cookie("linli_csrf")!,
      }),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(client.cookie("linli_session")).toBeUndefined();
  });

  it("signs in with a HttpOnly SameSite session cookie and lands on the console", async () => {
    const client = new Client(server.url);
    await client.page("/login");
    const response = await client.form("/login", { login: "fengsheng", password: "Linli@2026" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("linli_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const home = await client.page("/admin");
    expect(home.status).toBe(200);
    expect(home.html).toContain("丰盛社区");
  });

  it("shows a wrong password in words with a 4xx, never a 500", async () => {
    const client = new Client(server.url);
    await client.page("/login");
    const response = await client.form("/login", { login: "admin", password: "not-the-password" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/用户名或密码错误/);
  });

  it("returns to the page asked for after signing in, but never to another site", async () => {
    const client = new Client(server.url);
    await client.page("/login?next=/admin/orgs");
    const ok = await client.form("/login?next=/admin/orgs", { login: "admin", password: "Linli@2026" });
    expect(ok.headers.get("location")).toBe("/admin/orgs");
    const other = new Client(server.url);
    await other.page("/login");
    const evil = await other.form("/login?next=//evil.example/", { login: "admin", password: "Linli@2026" });
    expect(evil.headers.get("location")).toBe("/admin");
  });

  it("sends visitors to the login page and refuses residents at the console (logged)", async () => {
    const visitor = await fetch(`${server.url}/admin/orgs`, { redirect: "manual" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe("/login?next=%2Fadmin%2Forgs");

    const resident = new Client(server.url);
    await resident.login("zhangwei");
    const page = await resident.page("/admin");
    expect(page.status).toBe(403);
    const denied = await auditEvents(server.services, "access.denied");
    expect(denied.some((r) => r.actor_name === "zhangwei" && r.data.includes("console.enter"))).toBe(true);
  });

  it("answers unknown pages with a 404 page and unknown API paths with JSON", async () => {
    const page = await fetch(`${server.url}/no/such/page`);
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/页面不存在/);
    const api = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("logs out, and logging out everywhere ends the other sessions", async () => {
    const phone = new Client(server.url);
    const desk = new Client(server.url);
    await phone.login("erlonglu");
    await desk.login("erlonglu");
    const out = await desk.form("/logout", { everywhere: "1" });
    expect(out.status).toBe(302);
    expect((await phone.page("/admin")).status).toBe(302);
    expect((await desk.page("/admin")).status).toBe(302);
  });
});
