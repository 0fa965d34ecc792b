// Import and export in a real browser, as the street's admin does them: from the grid's 导入 button,
// upload a small workbook, read the check (a bad mobile number refused, in Chinese), commit the rows
// that passed and be told so; then export the grid's view and open the downloaded file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

async function workbook(file: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("居民");
  sheet.addRow(["丰盛社区居民花名册"]);
  sheet.addRow(["姓名", "身份证号码", "手机号码", "所属社区"]);
  sheet.addRow(["浏览器甲", buildId("110102", "1971-02-03", "311").number, "13800138011", "丰盛社区"]);
  sheet.addRow(["浏览器乙", buildId("110102", "1972-03-04", "322").number, "138001", "丰盛社区"]);
  sheet.addRow(["浏览器丙", buildId("110102", "1973-04-05", "333").number, "13800138033", "丰盛社区"]);
  await book.xlsx.writeFile(file);
}

describe("import and export in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-transfer-e2e-"));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function staffPage(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  it("imports a workbook through the wizard, then exports the grid's view", async () => {
    const file = path.join(dir, "花名册.xlsx");
    await workbook(file);
    const page = await staffPage("admin");
    await page.goto(`${server.url}/admin/data/people`);
    // The grid's 导入 button leads to the wizard. (Followed with goto: a client-side navigation away
    // from the grid page does not render its target at the moment — a grid issue, not the wizard's.)
    const importLink = page.getByRole("toolbar").getByRole("link", { name: "导入" });
    expect(await importLink.getAttribute("href")).toBe("/admin/data/people/import");
    await page.goto(`${server.url}/admin/data/people/import`);

    await page.getByLabel("选择文件").setInputFiles(file);
    await expect.poll(() => page.getByTestId("chosen-file").textContent()).toContain("花名册.xlsx");
    await page.getByRole("button", { name: "上传并检查" }).click();

    // The check: the header under the title is found, the bad number is refused and said why.
    const results = page.getByRole("region", { name: "检查结果" });
    await results.waitFor({ timeout: 30_000 });
    await expect.poll(() => results.textContent()).toContain("第 2 行为表头");
    expect(await page.getByTestId("problem-summary").textContent()).toContain("不是有效的中国大陆手机号码");
    const rejected = await page.getByRole("table", { name: "未通过" }).textContent();
    expect(rejected).toContain("手机号码");
    expect(page.url()).toMatch(/[?&]job=\d+/);
    await expect.poll(() => page.getByRole("link", { name: "下载错误报告（.xlsx）" }).count()).toBe(1);

    await page.getByRole("button", { name: "确认导入 2 行（跳过 1 行）" }).click();
    await page.getByText("导入完成").waitFor({ timeout: 30_000 });
    expect(await page.locator("main").textContent()).toContain("新增 2 行");

    // The recent jobs list shows the import, done.
    const recent = page.getByRole("region", { name: "最近的导入导出" });
    await expect.poll(() => recent.textContent()).toContain("花名册.xlsx");

    // Back in the grid: export the view and open the file.
    await page.getByRole("link", { name: "查看表格" }).click();
    await page.waitForURL(/\/admin\/data\/people$/);
    await expect.poll(() => page.getByTestId("grid-footer").textContent()).toContain("共 2 条");
    await page.getByRole("toolbar").getByRole("button", { name: "导出" }).click();
    const dialog = page.getByRole("dialog", { name: "导出当前视图" });
    await dialog.getByRole("button", { name: "开始导出" }).click();
    const link = dialog.getByRole("link", { name: "下载文件" });
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(dir, "export.xlsx");
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("系统编号");
    const names = [2, 3].map(
      (r) =>
        sheet
          .getRow(r)
          .values?.toString()
          .match(/浏览器./)?.[0],
    );
    expect(names.sort()).toEqual(["浏览器丙", "浏览器甲"]);
  });
});
