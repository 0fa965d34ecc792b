// Every demo role signs in through the real login page in a real browser and sees its home page,
// on a desktop and on a 375-px phone.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

const ROLES = [
  { username: "admin", name: "王建国", home: "/admin", shows: "金融街街道" },
  { username: "fengsheng", name: "李秀梅", home: "/admin", shows: "丰盛社区" },
  { username: "erlonglu", name: "赵立新", home: "/admin", shows: "二龙路社区" },
  { username: "auditor", name: "孙审计", home: "/admin", shows: "系统日志" },
  { username: "qiye", name: "周企管", home: "/admin", shows: "金融街控股物业服务有限公司" },
  { username: "shangjia", name: "吴店长", home: "/admin", shows: "丰盛便民超市" },
  { username: "zhangwei", name: "张伟", home: "/sns", shows: "丰盛社区" },
  { username: "liuyang", name: "刘洋", home: "/sns", shows: "二龙路社区" },
];

describe("each demo role in a browser", () => {
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

  it("shows the public portal with the demo street office and the demo mark", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.textContent("body")).toContain("金融街街道");
    expect(await page.getByTestId("demo-banner").first().isVisible()).toBe(true);
    await page.close();
  });

  for (const role of ROLES) {
    it(`${role.username} signs in and sees their home page`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, server.url, role.username);
      expect(new URL(page.url()).pathname).toBe(role.home);
      await expect.poll(() => page.textContent("body")).toContain(role.name);
      expect(await page.textContent("body")).toContain(role.shows);
      await context.close();
    });
  }

  it("fits a 375-px phone without sideways scrolling, for staff and residents", async () => {
    for (const username of ["fengsheng", "zhangwei"]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
      const page = await context.newPage();
      await signIn(page, server.url, username);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
