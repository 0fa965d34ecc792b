// Reviewed self-service updates in a real browser on a 375 × 812 phone: 张伟 changes his phone number on
// 我的信息, 李秀梅 (fengsheng) approves it in the console's review queue, 张伟 reads the notice, and the
// auditor finds both steps in the system log.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

const PHONE = { width: 375, height: 812 };

describe("self-service updates on a phone", () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const phone = async (username: string) => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  };
  beforeAll(async () => {
    server = await startTestServer({ demoResidents: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it("zhangwei proposes, fengsheng approves, zhangwei is told, the auditor sees both", async () => {
    const resident = await phone("zhangwei");
    await resident.getByRole("link", { name: "我的信息" }).click();
    await resident.waitForURL(/\/sns\/profile$/);
    await expect.poll(() => resident.textContent("main")).toContain("186****1001");
    const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const input = resident.getByLabel("手机号码");
    expect((await input.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await input.fill("13912345678");
    await resident.getByRole("button", { name: "提交审核" }).click();
    await resident.waitForURL(/done=proposed/);
    const pending = resident.getByTestId("pending-proposal");
    await expect.poll(() => pending.textContent()).toContain("139****5678");

    const reviewer = await phone("fengsheng");
    await reviewer.goto(`${server.url}/admin/reviews`);
    await expect.poll(() => reviewer.textContent("main")).toContain("手机号码");
    await reviewer.getByRole("link", { name: "审核", exact: true }).click();
    await reviewer.waitForURL(/\/admin\/reviews\/\d+$/);
    const change = reviewer.locator('[data-field="mobile"]');
    expect(await change.textContent()).toContain("186****1001");
    expect(await change.textContent()).toContain("139****5678");
    await reviewer.getByRole("button", { name: "通过并写入记录" }).click();
    await reviewer.waitForURL(/done=approved/);
    await expect.poll(() => reviewer.textContent("main")).toContain("已通过");

    await resident.goto(`${server.url}/sns`);
    const inboxTab = resident.getByRole("navigation").getByRole("link", { name: /消息/ }).last();
    expect(await inboxTab.textContent()).toContain("1");
    await inboxTab.click();
    await resident.waitForURL(/\/sns\/inbox$/);
    await expect.poll(() => resident.textContent("main")).toContain("您的信息修改已通过审核");
    expect(await resident.textContent("main")).toContain("手机号码");
    await resident.getByRole("button", { name: "标为已读", exact: true }).click();
    await expect.poll(() => resident.getByRole("button", { name: "标为已读", exact: true }).count()).toBe(0);
    await resident.goto(`${server.url}/sns/profile`);
    await expect.poll(() => resident.textContent("main")).toContain("139****5678");
    expect(await resident.textContent("main")).toContain("已通过");

    const auditor = await phone("auditor");
    await auditor.goto(`${server.url}/admin/audit?event=selfservice.`);
    await expect.poll(() => auditor.textContent("main")).toContain("居民提交信息修改");
    const log = (await auditor.textContent("main")) ?? "";
    expect(log).toContain("通过居民信息修改");
    expect(log).toContain("zhangwei");
    expect(log).toContain("fengsheng");
    expect(log).not.toContain("13912345678");
  });
});
