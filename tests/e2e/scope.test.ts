// The foundation's acceptance path: a community admin sees their own community and cannot reach another
// one by editing a URL or calling the API; the auditor finds those attempts; the log verifies.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/audit/log.server.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { accountId, orgId } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

describe("community scope in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps fengsheng inside 丰盛社区 and shows the auditor every attempt to leave it", async () => {
    const erlongluOrg = await orgId(server.services, "二龙路社区");
    const erlongluAdmin = await accountId(server.services, "erlonglu");

    const staff = await browser.newContext();
    const page = await staff.newPage();
    await signIn(page, server.url, "fengsheng");

    await page.goto(`${server.url}/admin/orgs`);
    const tree = await page.textContent("main");
    expect(tree).toContain("丰盛社区");
    expect(tree).toContain("第一网格");
    expect(tree).not.toContain("二龙路社区");

    await page.goto(`${server.url}/admin/accounts`);
    const accounts = await page.textContent("main");
    expect(accounts).toContain("zhangwei");
    expect(accounts).not.toContain("erlonglu");

    const edited = await page.goto(`${server.url}/admin/accounts/${erlongluAdmin}`);
    expect(edited?.status()).toBe(403);
    expect(await page.textContent("body")).toContain("无权访问");

    const api = await page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/orgs/${id}`, { headers: { accept: "application/json" } });
      return { status: r.status, body: await r.json() };
    }, erlongluOrg);
    expect(api.status).toBe(403);
    expect(api.body.error.message).toMatch(/管理范围/);
    await staff.close();

    const audit = await browser.newContext();
    const auditor = await audit.newPage();
    await signIn(auditor, server.url, "auditor");
    await auditor.goto(`${server.url}/admin/audit?event=access.denied&actor=fengsheng`);
    const log = await auditor.textContent("main");
    expect(log).toContain("fengsheng");
    expect(log).toContain(`account:${erlongluAdmin}`);
    expect(log).toContain(`org:${erlongluOrg}`);
    await audit.close();

    expect(await verifyAuditChain(server.services.db)).toMatchObject({ ok: true });
  });
});
