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
import { createRecord } from "../../app/people/records/write.server.ts";
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
  /** The cell of a field in a row (rows numbered from 1, as the grid shows them). */
  const cell = (page: Page, row: number, field: string) =>
    grid(page).locator(`[role=row][aria-rowindex="${row + 1}"] [data-col="${field}"]`);
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
});
