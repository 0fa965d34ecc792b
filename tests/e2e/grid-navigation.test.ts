// Leaving the records grid by a client-side link, as the street's admin does: from an empty 社区人员 grid
// follow the side navigation to 组织架构 and, back on the grid, the "+ 新建" link; then, with one
// person in the table, search for no one and follow a link again. Each time the new page must render
// in place of the grid — the address alone changing is not enough. (An empty grid once re-rendered
// without end, and React Router's navigation, a transition, never got to render.)
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { createRecord } from "../../app/people/records/write.server.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { callerFor } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

describe("leaving the records grid by a link", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Full page loads; following a link must add none. */
  let loads = 0;
  beforeAll(async () => {
    // No generated people: the people table starts empty.
    server = await startTestServer({ demoPeople: 0 });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
    page = await context.newPage();
    page.on("load", () => loads++);
    await signIn(page, server.url, "admin");
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const grid = () => page.getByRole("grid");
  const heading = () => page.getByRole("heading", { level: 1 });
  const countOf = async () =>
    Number(/共 ([\d,]+) 条/.exec((await page.getByTestId("grid-footer").textContent()) ?? "")![1]);

  /** The people grid once its script runs (the colour legend shows the palette the browser fetched). */
  async function waitForGrid(count: number) {
    await expect.poll(() => countOf()).toBe(count);
    await expect
      .poll(() =>
        page
          .getByRole("complementary", { name: "筛选侧栏" })
          .getByRole("button", { name: /重点关注/ })
          .count(),
      )
      .toBeGreaterThan(0);
  }

  async function follow(link: () => Promise<void>, path: string, title: string | RegExp) {
    const before = loads;
    await link();
    await page.waitForURL((url) => url.pathname === path);
    await expect.poll(() => heading().textContent(), { timeout: 10_000 }).toMatch(title);
    expect(await grid().count()).toBe(0);
    expect(loads).toBe(before);
  }

  const sideLink = (name: string) => () =>
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name }).click();
  const newLink = () => page.getByRole("link", { name: "+ 新建" }).click();

  it("renders the page a link leads to from an empty grid", async () => {
    await page.goto(`${server.url}/admin/data/people`);
    await waitForGrid(0);
    await follow(sideLink("组织架构"), "/admin/orgs", /^组织架构$/);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/admin/data/people");
    await waitForGrid(0);
    await follow(newLink, "/admin/data/people/new", /^新建.*记录$/);
  });

  it("renders the page a link leads to once a search matches no one", async () => {
    const fengsheng = await callerFor(server.services, "fengsheng");
    await createRecord(server.services, fengsheng, "people", {
      values: { name: "导航测试", document: buildId("110102", "1960-02-03", "211").number },
    });
    await page.goto(`${server.url}/admin/data/people`);
    await waitForGrid(1);
    await page.getByRole("searchbox", { name: "全库检索" }).fill("没有这个人");
    await expect.poll(() => countOf()).toBe(0);
    await follow(sideLink("组织架构"), "/admin/orgs", /^组织架构$/);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/admin/data/people");
    await waitForGrid(1);
    await page.getByRole("searchbox", { name: "全库检索" }).fill("没有这个人");
    await expect.poll(() => countOf()).toBe(0);
    await follow(newLink, "/admin/data/people/new", /^新建.*记录$/);
  });
});
