// Statistics in a real browser, as the street's admin uses them (SPEC §A5): the built-in dashboard's age
// pyramid live and as of a day before people were added, side by side; a chart built and saved to a
// dashboard of one's own; a 社区 × 特殊人群 report saved and exported to Excel (numbers stay numbers);
// this week's sign-ins and imports per day on the usage page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { chinaDay } from "../../app/stats/periods.ts";
import { runImport } from "../../app/transfer/import/run.server.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { callerFor } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

const DAY = 86_400_000;
const PEOPLE = 120;

describe("statistics in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  let page: Page;
  beforeAll(async () => {
    server = await startTestServer({ demoPeople: PEOPLE });
    // The demo people were registered a moment ago; make it two months ago, before the replica (opened on
    // first use) reads the history, so "as of yesterday" counts them.
    const past = Date.now() - 60 * DAY;
    await server.services.db.updateTable("record_versions").set({ at: past }).execute();
    await server.services.db.updateTable("records").set({ created_at: past, updated_at: past }).execute();
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-stats-e2e-"));
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page = await context.newPage();
    await signIn(page, server.url, "admin");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A chart's numbers from the table under it: the sum of every cell (each person counted once). */
  async function chartTotal(chart: Locator): Promise<number> {
    const table = chart.locator("table");
    await table.waitFor({ state: "attached", timeout: 30_000 });
    return table.evaluate((t) => {
      const head = [...t.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
      const totalColumn = head.indexOf("合计");
      let sum = 0;
      for (const row of t.querySelectorAll("tbody tr")) {
        const cells = [...row.querySelectorAll("td")].map((td) => Number(td.textContent?.replace(/,/g, "")));
        // With a 合计 column, that column; otherwise every series.
        const values = totalColumn > 0 ? [cells[totalColumn - 1] ?? 0] : cells;
        sum += values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
      }
      return sum;
    });
  }

  it("compares today's age pyramid with the one as of a day before people were added", async () => {
    await page.goto(`${server.url}/admin/stats`);
    const live = page.getByRole("region", { name: /^年龄金字塔 · 实时/ });
    await live.waitFor({ timeout: 30_000 });
    // Drawn after mount: Recharts' bars are in the figure.
    await expect.poll(() => live.locator("figure .recharts-bar-rectangle").count()).toBeGreaterThan(0);
    const before = await chartTotal(live);
    expect(before).toBe(PEOPLE);

    // Three people imported now from an office sheet, in 丰盛社区 (the way records usually arrive).
    const sheet = path.join(dir, "新登记.csv");
    const lines = ["姓名,证件号码,所属社区"];
    for (const [i, birth] of ["1938-02-03", "1939-05-06", "1941-08-09"].entries())
      lines.push(`统计测试${i},${buildId("110102", birth, `41${i}`).number},丰盛社区`);
    fs.writeFileSync(sheet, `\uFEFF${lines.join("\r\n")}\r\n`);
    const admin = await callerFor(server.services, "admin");
    const imported = await runImport(
      server.services,
      admin,
      { path: sheet, name: "新登记.csv" },
      { table: "people" },
      { dryRun: false },
    );
    expect(imported.totals.inserted).toBe(3);

    // 对比: live beside as of yesterday, the day before they were added.
    const yesterday = chinaDay(Date.now() - DAY);
    await page.goto(`${server.url}/admin/stats?cmp=${yesterday}`);
    const now = page.getByRole("region", { name: /^年龄金字塔 · 实时/ });
    const then = page.getByRole("region", { name: `年龄金字塔 · 截至 ${yesterday}` });
    await then.waitFor({ timeout: 30_000 });
    await expect.poll(() => chartTotal(now)).toBe(PEOPLE + 3);
    await expect.poll(() => chartTotal(then)).toBe(PEOPLE);
    expect(await then.getByTestId("chart-moment").textContent()).toBe(`截至 ${yesterday}`);

    // A day in the future is refused in plain words, not a broken chart.
    await page.getByRole("radio", { name: "截至" }).first().click();
    await expect.poll(() => page.getByLabel("日期").first().isEnabled()).toBe(true);
    await page.getByLabel("日期").first().fill("2099-01-01");
    await page.getByText("统计日期不能晚于今天").first().waitFor({ timeout: 30_000 });
  });

  it("builds a chart and saves it to a new dashboard", async () => {
    await page.goto(`${server.url}/admin/stats/builder`);
    await page.getByLabel("图表类型").selectOption("stacked");
    await page.getByLabel("第二分组").selectOption({ label: "特殊人群" });
    const preview = page.getByRole("region", { name: /^预览/ });
    await expect.poll(() => preview.getByRole("heading").textContent()).toContain("社区 × 特殊人群");
    await preview.locator("figure .recharts-bar-rectangle").first().waitFor({ timeout: 30_000 });

    await page.getByLabel("新看板名称").fill("我的看板");
    await page.getByRole("button", { name: "保存到看板" }).click();
    await page.getByText("已保存到看板“我的看板”").waitFor();
    await page.getByRole("link", { name: "打开看板" }).click();
    await page.waitForURL(/\/admin\/stats\?d=\d+/);
    const chart = page.getByRole("region", { name: /^社区 × 特殊人群 · 实时/ });
    await chart.waitFor({ timeout: 30_000 });

    // Its owner arranges it: the chart can be opened in the builder, or removed.
    await page.getByRole("button", { name: "调整看板" }).click();
    expect(await chart.getByRole("link", { name: "编辑" }).getAttribute("href")).toMatch(
      /\/admin\/stats\/builder\?dashboard=\d+&chart=0$/,
    );
    page.once("dialog", (dialog) => dialog.accept());
    await chart.getByRole("button", { name: "移除“社区 × 特殊人群”" }).click();
    await page.getByText("这个看板还没有图表。").waitFor();
  });

  it("builds a 社区 × 特殊人群 report, saves it and exports it to Excel", async () => {
    await page.goto(`${server.url}/admin/stats/reports`);
    await page.getByRole("link", { name: "新建报表" }).click();
    await page.waitForURL(/\/admin\/stats\/reports\/new$/);
    await page.getByRole("button", { name: "添加列分组" }).click();
    const columns = page.getByRole("group", { name: "列分组" });
    await columns.getByLabel("第 1 层").selectOption({ label: "特殊人群" });
    await page.getByLabel("报表名称").fill("社区特殊人群统计");
    // The preview: communities down, special groups across.
    const preview = page.locator("[data-print-root]");
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain("独居老人");
    expect(await preview.textContent()).toContain("丰盛社区");

    await page.getByRole("button", { name: "保存报表" }).click();
    await page.waitForURL(/\/admin\/stats\/reports\/\d+$/);
    await expect
      .poll(() => page.locator("[data-print-root]").textContent(), { timeout: 30_000 })
      .toContain("丰盛社区");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出 Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(dir, "report.xlsx");
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const sheet = book.worksheets[0]!;
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells.some((v) => typeof v === "string" && v.includes("丰盛社区"))).toBe(true);
    expect(cells.some((v) => typeof v === "string" && v.includes("独居老人"))).toBe(true);
    // Counts are numbers a spreadsheet can add up, not text.
    expect(cells.filter((v) => typeof v === "number" && v > 0).length).toBeGreaterThan(3);

    // The list shows it.
    await page
      .getByRole("navigation", { name: "统计分析页面" })
      .getByRole("link", { name: "统计报表" })
      .click();
    await page.getByRole("link", { name: "社区特殊人群统计" }).waitFor();
  });

  it("shows this week's sign-ins and imports per day on the usage page", async () => {
    await page.goto(`${server.url}/admin/stats`);
    await page
      .getByRole("navigation", { name: "统计分析页面" })
      .getByRole("link", { name: "使用统计" })
      .click();
    await page.waitForURL(/\/admin\/stats\/usage/);
    // Counts are written every few seconds: reload until the sign-in is there.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator("main").textContent();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toContain("工作人员登录");
    expect(await page.locator("main").textContent()).toContain("按日统计");
    // The import of the first test, in the totals under 导入导出 → 导入.
    const imports = page
      .locator("tr", { has: page.locator("td", { hasText: /^导入$/ }) })
      .locator("td")
      .nth(1);
    expect(Number(await imports.textContent())).toBeGreaterThanOrEqual(1);
  });
});
