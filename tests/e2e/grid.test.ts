// The records grid in a real browser, as 丰盛社区's admin uses it: scroll to the last of some fifteen
// hundred people without a page button (rows load as they come into view), change a value by typing,
// paste two mobile numbers copied from a spreadsheet (and be told which pasted value was refused and
// why), undo both, and find every change — or its undoing — still there after a reload.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller, Services } from "../../app/core/services.server.ts";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import type { RecordView } from "../../app/people/records/present.server.ts";
import { getRecord } from "../../app/people/records/read.server.ts";
import { createRecord, updateRecord } from "../../app/people/records/write.server.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { callerFor } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

describe("the records grid in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    // Generated people across the street: fengsheng sees its own community's share of them.
    server = await startTestServer({ demoPeople: 20_000 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function staffPage(username: string): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  const footer = (page: Page) => page.getByTestId("grid-footer");
  const grid = (page: Page) => page.getByRole("grid");
  /**
   * The cell of a field in a row (rows numbered from 1, as the grid shows them). Only the columns the
   * grid is scrolled to are in the page, so the field's column is brought into view first.
   */
  const cell = (page: Page, row: number, field: string) => {
    const header = grid(page).locator(`[role=columnheader][data-col="${field}"]`);
    const locator = grid(page).locator(`[role=row][aria-rowindex="${row + 1}"] [data-col="${field}"]`);
    return {
      click: async (options?: { modifiers?: ("Shift" | "Control")[] }) => {
        await header.scrollIntoViewIfNeeded();
        await locator.click(options);
      },
      textContent: async () => {
        await header.scrollIntoViewIfNeeded();
        return locator.textContent();
      },
      evaluate: async <T>(fn: (el: Element) => T) => {
        await header.scrollIntoViewIfNeeded();
        return locator.evaluate(fn);
      },
    };
  };
  const countOf = async (page: Page) =>
    Number(/共 ([\d,]+) 条/.exec((await footer(page).textContent()) ?? "")![1]!.replaceAll(",", ""));

  async function search(page: Page, text: string, expected: number) {
    await page.getByRole("searchbox", { name: "全库检索" }).fill(text);
    await expect.poll(() => countOf(page)).toBe(expected);
  }

  it("scrolls to the last row, edits by typing, pastes mobile numbers and reports the refused one", async () => {
    const s: Services = server.services;
    const fengsheng: Caller = await callerFor(s, "fengsheng");
    const people: RecordView[] = [];
    for (const [i, birth] of ["1950-01-02", "1960-02-03", "1970-03-04"].entries())
      people.push(
        await createRecord(s, fengsheng, "people", {
          values: { name: `表格测试${"甲乙丙"[i]}`, document: buildId("110102", birth, `${i + 1}11`).number },
        }),
      );

    const page = await staffPage("fengsheng");
    await page.goto(`${server.url}/admin/data/people`);
    await expect.poll(() => grid(page).locator("[role=row]").count()).toBeGreaterThan(10);

    // Every row of the community behind one scrollbar: far down, the rows there load and the footer
    // says how many there are.
    const total = await countOf(page);
    expect(total).toBeGreaterThan(1000);
    expect(await page.getByRole("link", { name: /下一页/ }).count()).toBe(0);
    const rendered = await grid(page).locator("[role=row]").count();
    expect(rendered).toBeLessThan(80);
    await grid(page).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = grid(page).locator(`[role=row][aria-rowindex="${total + 1}"]`);
    await expect.poll(() => last.textContent(), { timeout: 15_000 }).toMatch(/RY-\d{6}/);
    expect(await grid(page).locator("[role=row]").count()).toBeLessThan(80);
    await grid(page).evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    const middle = Math.round(total / 2);
    await expect
      .poll(async () => {
        const rows = await grid(page)
          .locator("[role=row][aria-rowindex]")
          .evaluateAll((els) =>
            els.map((el) => [Number(el.getAttribute("aria-rowindex")), el.textContent ?? ""] as const),
          );
        return rows.some(([index, text]) => Math.abs(index - middle) < 40 && /RY-\d{6}/.test(text));
      })
      .toBe(true);

    // Our three people, found by name.
    await search(page, "表格测试", 3);
    const names = await Promise.all([1, 2, 3].map((r) => cell(page, r, "name").textContent()));
    expect(names).toEqual(["表格测试甲", "表格测试乙", "表格测试丙"]);

    // Typing into a cell replaces its value; Enter saves it and moves down.
    await cell(page, 1, "occupation").click();
    await page.keyboard.type("Engineer9");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, 1, "occupation").textContent()).toBe("Engineer9");
    await expect
      .poll(async () => (await getRecord(s, fengsheng, people[0]!.id)).values.occupation)
      .toBe("Engineer9");

    // Two mobile numbers and a wrong one, as a spreadsheet puts a column on the clipboard.
    await cell(page, 1, "mobile").click();
    await page.evaluate(() => navigator.clipboard.writeText("13912340001\r\n139 1234 0002\r\n1391234\r\n"));
    await page.keyboard.press("Control+V");
    const report = page.getByTestId("grid-report");
    await expect.poll(() => report.textContent()).toContain("已保存 2 个单元格");
    const text = (await report.textContent()) ?? "";
    expect(text).toContain("1 个单元格未保存");
    expect(await report.locator("tbody tr").count()).toBe(1);
    const refused = await report.locator("tbody tr td").allTextContents();
    expect(refused[0]).toBe("3");
    expect(refused[1]).toBe("手机号码");
    expect(refused[2]).toMatch(/手机号码/);
    await expect.poll(() => cell(page, 1, "mobile").textContent()).toBe("139****0001");
    expect(await cell(page, 2, "mobile").textContent()).toBe("139****0002");
    expect(await cell(page, 3, "mobile").textContent()).toBe("");

    // After a reload the saved values are there (sensitive ones masked) and the refused one is not.
    await page.reload();
    await search(page, "表格测试", 3);
    expect(await cell(page, 1, "occupation").textContent()).toBe("Engineer9");
    expect(await cell(page, 1, "mobile").textContent()).toBe("139****0001");
    expect(await cell(page, 2, "mobile").textContent()).toBe("139****0002");
    expect(await cell(page, 3, "mobile").textContent()).toBe("");
    expect(await page.content()).not.toContain("13912340001");
  });

  it("keeps a scroll made before the page's script has run", async () => {
    const page = await staffPage("fengsheng");
    // Hold the page's scripts back: the grid the server rendered is in the page, not yet interactive.
    let release!: () => void;
    const scripts = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/.*\.js$/, async (route) => {
      await scripts;
      await route.continue();
    });
    await page.goto(`${server.url}/admin/data/people`, { waitUntil: "commit" });
    await expect.poll(() => grid(page).locator("[role=row]").count()).toBeGreaterThan(10);
    const total = await countOf(page);
    await grid(page).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });

    // Once the scripts run, the grid is still at the bottom, showing the last rows.
    release();
    const last = grid(page).locator(`[role=row][aria-rowindex="${total + 1}"]`);
    await expect.poll(() => last.count()).toBe(1);
    await expect.poll(() => last.textContent()).toMatch(/RY-\d{6}/);
    expect(await grid(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  });

  it("undoes the last paste and then the typed edit, each written back to the server", async () => {
    const s: Services = server.services;
    const fengsheng: Caller = await callerFor(s, "fengsheng");
    const person = await createRecord(s, fengsheng, "people", {
      values: {
        name: "撤销测试",
        document: buildId("110102", "1955-05-05", "521").number,
        nativePlace: "天津",
      },
    });
    const page = await staffPage("fengsheng");
    await page.goto(`${server.url}/admin/data/people`);
    await search(page, "撤销测试", 1);

    await cell(page, 1, "nativePlace").click();
    await page.keyboard.type("Hebei");
    await page.keyboard.press("Tab");
    await expect
      .poll(async () => (await getRecord(s, fengsheng, person.id)).values.nativePlace)
      .toBe("Hebei");
    await cell(page, 1, "mobile").click();
    await page.evaluate(() => navigator.clipboard.writeText("13800138000"));
    await page.keyboard.press("Control+V");
    await expect.poll(() => cell(page, 1, "mobile").textContent()).toBe("138****8000");

    // Ctrl+Z undoes the paste (the cell was empty), then the typed change.
    await page.keyboard.press("Control+Z");
    await expect
      .poll(async () => (await getRecord(s, fengsheng, person.id)).values.mobile ?? null)
      .toBeNull();
    await expect.poll(() => cell(page, 1, "mobile").textContent()).toBe("");
    await page.keyboard.press("Control+Z");
    await expect.poll(async () => (await getRecord(s, fengsheng, person.id)).values.nativePlace).toBe("天津");
    await page.reload();
    await search(page, "撤销测试", 1);
    expect(await cell(page, 1, "nativePlace").textContent()).toBe("天津");
  });

  it("copies, fills down, refuses a stale edit, sets, marks, opens and deletes ticked rows", async () => {
    const s: Services = server.services;
    const fengsheng: Caller = await callerFor(s, "fengsheng");
    const people: RecordView[] = [];
    for (const [i, birth] of ["1951-01-02", "1961-02-03", "1971-03-04"].entries())
      people.push(
        await createRecord(s, fengsheng, "people", {
          values: { name: `批量测试${"甲乙丙"[i]}`, document: buildId("110102", birth, `${i + 6}31`).number },
        }),
      );
    const page = await staffPage("fengsheng");
    await page.goto(`${server.url}/admin/data/people`);
    await search(page, "批量测试", 3);

    // Shift+arrows select a range; Ctrl+C copies it as tab-separated text.
    await cell(page, 1, "name").click();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+C");
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe("批量测试甲\r\n批量测试乙\r\n批量测试丙");

    // Ctrl+D fills the top cell of a range down.
    await cell(page, 1, "occupation").click();
    await page.keyboard.type("Driver");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, 1, "occupation").textContent()).toBe("Driver");
    await cell(page, 1, "occupation").click();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+D");
    await expect
      .poll(() => page.getByTestId("grid-report").textContent())
      .toContain("向下填充：已保存 2 个单元格");
    for (const person of people)
      expect((await getRecord(s, fengsheng, person.id)).values.occupation).toBe("Driver");

    // Someone else saves the third person; the grid's edit of the older copy is refused on the cell.
    await updateRecord(s, fengsheng, people[2]!.id, { values: { nativePlace: "上海" } });
    await cell(page, 3, "nativePlace").click();
    await page.keyboard.type("Tianjin");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("grid-report").textContent()).toContain("刚被其他人修改过");
    expect((await getRecord(s, fengsheng, people[2]!.id)).values.nativePlace).toBe("上海");
    // The cell shows the newer value again, with the refusal beside it.
    await expect.poll(() => cell(page, 3, "nativePlace").textContent()).toMatch(/^上海.*刚被其他人修改过/);

    // Tick the three rows (click, then shift-click) and set one field on all of them.
    await page.getByRole("checkbox", { name: `选择 ${people[0]!.systemId}` }).click();
    await page.getByRole("checkbox", { name: `选择 ${people[2]!.systemId}` }).click({ modifiers: ["Shift"] });
    const bulk = page.getByRole("region", { name: "批量操作" });
    await expect.poll(() => bulk.textContent()).toContain("已选 3 条");
    await bulk.getByRole("button", { name: "批量设置字段" }).click();
    await bulk.getByLabel("字段").selectOption({ label: "工作单位" });
    await bulk.getByLabel("值").fill("丰盛社区居委会");
    await bulk.getByRole("button", { name: "应用到所选记录" }).click();
    await expect
      .poll(() => page.getByTestId("grid-report").textContent())
      .toContain("批量设置：已保存 3 个单元格");
    for (const person of people)
      expect((await getRecord(s, fengsheng, person.id)).values.workUnit).toBe("丰盛社区居委会");

    // A colour mark on every row the filter matches (ticked one by one or all at once), and its undo.
    await bulk.getByRole("button", { name: "取消选择" }).click();
    await page.getByRole("checkbox", { name: `选择 ${people[1]!.systemId}` }).click();
    await bulk.getByRole("button", { name: "选择全部 3 条" }).click();
    await expect.poll(() => bulk.textContent()).toContain("已选全部 3 条符合条件的记录");
    await bulk.getByRole("button", { name: "颜色标记" }).click();
    await bulk.getByRole("button", { name: "重点关注" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已标记 3 条记录" }).count()).toBe(1);
    await expect
      .poll(() => cell(page, 2, "name").evaluate((el) => (el as HTMLElement).style.background))
      .toContain("color-mix");
    await page
      .getByRole("status")
      .filter({ hasText: "已标记" })
      .getByRole("button", { name: "撤销" })
      .click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已撤销标记" }).count()).toBe(1);

    // The side panel shows one record's fields and latest changes.
    await page.getByRole("button", { name: `查看 ${people[0]!.systemId} 的详情` }).click();
    const panel = page.getByRole("dialog");
    await expect.poll(() => panel.textContent()).toContain("批量测试甲");
    expect(await panel.textContent()).toContain("最近修改");
    expect(await panel.textContent()).toContain("丰盛社区居委会");
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);

    // Into the recycle bin, after a confirmation.
    await bulk.getByRole("button", { name: "移入回收站" }).click();
    await bulk.getByRole("button", { name: "确认移入回收站" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "已将 3 条记录移入回收站" }).count())
      .toBe(1);
    for (const person of people) expect((await getRecord(s, fengsheng, person.id)).deletedAt).not.toBeNull();
    await page.reload();
    await page.getByRole("searchbox", { name: "全库检索" }).fill("批量测试");
    await expect.poll(() => countOf(page)).toBe(0);
  });
});
