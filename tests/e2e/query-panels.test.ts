// The grid's query panels in a real browser, as 丰盛社区's admin uses them on four known people: find one
// by the initials of their name, build "(年龄 ≥ 70 并且 特殊人群 包含任一 独居老人) 或者 特殊人群 包含任一
// 低保户" with the condition builder, colour the result orange with a colour rule, and save it as a view
// shared with the community; another admin of 丰盛社区, and the street's admin, load that view and see
// the same two orange rows.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller, Services } from "../../app/core/services.server.ts";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { createRecord } from "../../app/people/records/write.server.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { addAccount, callerFor, orgId } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

/** The palette's orange (#f97316, 重点关注) as the browser writes it in a style. */
const ORANGE = "rgb(249, 115, 22)";
const VIEW_NAME = "独居老人和低保户";

/** A birth date that makes someone `age` today (their birthday some weeks past). */
function bornYearsAgo(age: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - 40);
  date.setUTCFullYear(date.getUTCFullYear() - age);
  return date.toISOString().slice(0, 10);
}

describe("the query panels in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    // No generated people: the four below are all 丰盛社区 holds, so every count is exact.
    server = await startTestServer({ demoPeople: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function staffPage(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  const footer = (page: Page) => page.getByTestId("grid-footer");
  const grid = (page: Page) => page.getByRole("grid");
  const countOf = async (page: Page) =>
    Number(/共 ([\d,]+) 条/.exec((await footer(page).textContent()) ?? "")![1]!.replaceAll(",", ""));
  /** The name cells of the rows shown, top to bottom. */
  const names = (page: Page) =>
    grid(page).locator("[role=row][aria-rowindex] [role=gridcell][data-col=name]").allTextContents();
  /** The name cell of the row showing `name`. */
  const nameCell = (page: Page, name: string) =>
    grid(page).locator("[role=row][aria-rowindex] [role=gridcell][data-col=name]").filter({ hasText: name });

  /** Both rows of the result, and nothing else; each tinted orange by the view's colour rule. */
  async function seeTheTwoOrangeRows(page: Page) {
    await expect.poll(() => countOf(page)).toBe(2);
    await expect.poll(async () => (await names(page)).sort()).toEqual(["张三丰", "李四"].sort());
    for (const name of ["张三丰", "李四"]) {
      await expect
        .poll(() => nameCell(page, name).evaluate((el) => (el as HTMLElement).style.background))
        .toContain(ORANGE);
      // The tint is what the browser paints, not white.
      expect(await nameCell(page, name).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toMatch(
        /^rgba?\(255, 255, 255/,
      );
    }
  }

  const side = (page: Page) => page.getByRole("complementary", { name: "筛选侧栏" });

  /**
   * The people grid with all four people, once the page's script runs: the colour legend lists the
   * palette only after the browser has fetched it, so typing and clicking from then on reach the app.
   */
  async function openGrid(page: Page) {
    await page.goto(`${server.url}/admin/data/people`);
    await expect.poll(() => countOf(page)).toBe(4);
    await expect
      .poll(() =>
        side(page)
          .getByRole("button", { name: /重点关注/ })
          .count(),
      )
      .toBe(1);
  }

  /** Pick a field and a comparison for one condition row of the builder. */
  async function condition(row: Locator, field: string, operator: string) {
    await row.getByLabel("字段", { exact: true }).selectOption({ label: field });
    await row.getByLabel("比较方式").selectOption({ label: operator });
  }

  it("searches by initials, builds nested conditions, colours the result and shares it as a view", async () => {
    const s: Services = server.services;
    const fengsheng: Caller = await callerFor(s, "fengsheng");
    const people: [string, number, string[]][] = [
      ["张三丰", 76, ["独居老人"]],
      ["李四", 36, ["低保户"]],
      ["王五", 71, ["空巢老人"]],
      ["赵六", 66, ["独居老人"]],
    ];
    for (const [i, [name, age, groups]] of people.entries())
      await createRecord(s, fengsheng, "people", {
        values: {
          name,
          document: buildId("110102", bornYearsAgo(age), `${i + 1}21`).number,
          specialGroups: groups,
        },
      });

    const page = await staffPage("fengsheng");
    await openGrid(page);

    // Quick search by the initials of a name: 张三丰 alone; cleared, all four again.
    const search = page.getByRole("searchbox", { name: "全库检索" });
    await search.fill("zsf");
    await expect.poll(() => countOf(page)).toBe(1);
    await expect.poll(() => names(page)).toEqual(["张三丰"]);
    await search.fill("");
    await expect.poll(() => countOf(page)).toBe(4);

    // The condition builder: a group (年龄 ≥ 70 并且 特殊人群 包含任一 独居老人), or 低保户.
    await page.getByRole("button", { name: "条件筛选" }).click();
    const builder = page.getByRole("form", { name: "多条件查询" });
    await builder.getByRole("button", { name: "添加条件组", exact: true }).click();
    const group = builder.getByRole("group", { name: "条件组", exact: true });
    const age = group.getByRole("group", { name: "第 1 个条件" });
    await condition(age, "年龄", "大于等于");
    await age.getByLabel("年龄的值").fill("70");
    await group.getByRole("button", { name: "添加条件", exact: true }).click();
    const alone = group.getByRole("group", { name: "第 2 个条件" });
    await condition(alone, "特殊人群", "包含任一");
    await alone.getByRole("checkbox", { name: "独居老人" }).check();
    // The root's 添加条件 comes after the group's, as does its second item.
    await builder.getByRole("button", { name: "添加条件", exact: true }).last().click();
    const poor = builder.getByRole("group", { name: "第 2 个条件" }).last();
    await condition(poor, "特殊人群", "包含任一");
    await poor.getByRole("checkbox", { name: "低保户" }).check();
    // The root's own 并且/或者 comes first; the group keeps 并且.
    const joins = builder.getByRole("group", { name: "条件之间的关系" });
    await joins.first().getByRole("button", { name: "或者" }).click();
    expect(await joins.first().getByRole("button", { name: "或者" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await joins.last().getByRole("button", { name: "并且" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    const summary = builder.locator("p").filter({ hasText: /^当前条件：/ });
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^当前条件：（年龄.*70.*并且.*特殊人群.*独居老人.*）.*或者.*特殊人群.*低保户/);
    await builder.getByRole("button", { name: "查询", exact: true }).click();
    await expect.poll(() => countOf(page)).toBe(2);
    await expect.poll(async () => (await names(page)).sort()).toEqual(["张三丰", "李四"].sort());
    await page.keyboard.press("Escape");
    await expect.poll(() => builder.count()).toBe(0);

    // A colour rule: 特殊人群 = 独居老人、低保户 → the palette's orange (重点关注). No row is tinted before.
    for (const name of ["张三丰", "李四"])
      expect(await nameCell(page, name).evaluate((el) => (el as HTMLElement).style.background)).not.toContain(
        ORANGE,
      );
    await side(page).getByRole("button", { name: "颜色规则（0）" }).click();
    const rules = page.getByRole("dialog", { name: "颜色规则" });
    await rules.getByRole("button", { name: "添加规则" }).click();
    await rules.getByLabel("字段", { exact: true }).selectOption({ label: "特殊人群" });
    await rules.getByRole("checkbox", { name: "独居老人" }).check();
    await rules.getByRole("checkbox", { name: "低保户" }).check();
    await rules.getByRole("button", { name: "重点关注" }).click();
    await rules.getByRole("button", { name: "应用" }).click();
    await expect.poll(() => rules.count()).toBe(0);
    await expect
      .poll(() =>
        side(page)
          .getByRole("button", { name: /特殊人群 = 独居老人、低保户/ })
          .count(),
      )
      .toBe(1);
    await seeTheTwoOrangeRows(page);

    // Saved as a view shared with 丰盛社区.
    await page.getByRole("button", { name: /^保存的查询/ }).click();
    const views = page.getByRole("dialog", { name: "保存的查询" });
    await views.getByRole("button", { name: "将当前条件另存为…" }).click();
    await views.getByLabel("名称").fill(VIEW_NAME);
    await views.getByRole("radio", { name: "按社区" }).check();
    await views.getByLabel("共享给哪个社区或网格").selectOption(String(await orgId(s, "丰盛社区")));
    await views.getByRole("button", { name: "保存", exact: true }).click();
    const saved = views.getByRole("button", { name: new RegExp(`^${VIEW_NAME}`) });
    await expect.poll(() => saved.textContent()).toContain("共享给丰盛社区");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("toolbar").textContent()).toContain(`视图：${VIEW_NAME}`);

    // Another admin of 丰盛社区, and the street's admin: the view is shared with them; loaded, it shows
    // the same two rows in orange.
    await addAccount(s, "fengsheng2", "community_admin", await orgId(s, "丰盛社区"));
    for (const username of ["fengsheng2", "admin"]) {
      const other = await staffPage(username);
      await openGrid(other);
      await other.getByRole("button", { name: /^保存的查询/ }).click();
      const menu = other.getByRole("dialog", { name: "保存的查询" });
      const shared = menu.getByRole("region", { name: "共享给我的" });
      const view = shared.getByRole("button", { name: new RegExp(`^${VIEW_NAME}`) });
      await expect.poll(() => view.textContent()).toContain("李秀梅 · 共享给丰盛社区");
      await view.click();
      await expect.poll(() => menu.count()).toBe(0);
      await seeTheTwoOrangeRows(other);
      await expect.poll(() => other.getByRole("toolbar").textContent()).toContain(`视图：${VIEW_NAME}`);
    }
  });
});
