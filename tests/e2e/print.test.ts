// Template printing in a real browser, as 丰盛社区's admin (fengsheng) does it (SPEC §A7): chest badges for
// a saved view of 60 people (8 an A4 page, photos and QR codes), envelopes for the same people, people
// ticked in the grid printed from its 打印 button, and a certificate designed from scratch in the
// designer — every PDF read back with poppler for its Chinese text and pages; then the auditor finds the
// print jobs in the system log.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { createRecord } from "../../app/people/records/write.server.ts";
import { createView } from "../../app/query/views.server.ts";
import { type RunningServer, startServer } from "../../server/main.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { testConfig } from "../support/db.ts";
import { callerFor, orgId } from "../support/factories.ts";

const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张";
const GIVEN = "建华秀英国强桂兰德福玉梅淑珍志明春燕";

describe("template printing in the browser", () => {
  let env: Awaited<ReturnType<typeof testConfig>>;
  let running: RunningServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const names: string[] = [];

  /** Waits for the job on the print page and fetches its PDF with the page's session. */
  async function madePdf(file: string): Promise<string> {
    const open = page.getByRole("link", { name: "在新标签页打开" });
    await open.waitFor({ timeout: 60_000 });
    const href = (await open.getAttribute("href")) ?? "";
    const response = await page.request.get(`${base}${href}`);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const out = path.join(env.config.dataDir, file);
    fs.writeFileSync(out, await response.body());
    return out;
  }
  const text = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const info = (file: string) => execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(info(file))?.[1]);

  beforeAll(async () => {
    env = await testConfig({ demo: true, demoPeople: 0, demoResidents: false });
    running = await startServer({ config: env.config, host: "127.0.0.1" });
    base = running.url.replace("localhost", "127.0.0.1");
    const s = running.services;
    const admin = await callerFor(s, "admin");
    const grid = await orgId(s, "第一网格", "丰盛社区");
    // 60 volunteers of 丰盛社区 for this year's 敬老月, kept as a saved view.
    for (let i = 0; i < 60; i++) {
      const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3 + 1) % GIVEN.length]}`;
      names.push(name);
      await createRecord(s, admin, "people", {
        orgId: grid,
        values: {
          name,
          document: buildId(
            "110102",
            `19${60 + (i % 30)}-0${(i % 9) + 1}-1${i % 10}`,
            `${String(i).padStart(2, "0")}1`,
          ).number,
          occupation: "敬老月志愿者",
          address: `丰盛社区金融街小区${(i % 9) + 1}号楼${(i % 4) + 1}单元${100 + i}室`,
        },
      });
    }
    await (await s.analytics.replica("people")).refresh();
    const fengsheng = await callerFor(s, "fengsheng");
    await createView(s, fengsheng, "people", {
      name: "敬老月志愿者",
      share: "private",
      definition: { search: "敬老月志愿者" },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, base, "fengsheng");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await env?.cleanup();
  });

  it("prints chest badges for a saved view of 60 people, 8 an A4 page", async () => {
    await page.goto(`${base}/admin/print`);
    await page.locator('[data-template="builtin:badge"]').getByRole("link", { name: "打印" }).click();
    await page.waitForURL(/\/admin\/print\/new/);
    await page.getByRole("combobox", { name: "保存的视图" }).selectOption({ label: "敬老月志愿者" });
    await page.getByRole("button", { name: "生成 PDF" }).click();
    const file = await madePdf("badges.pdf");
    expect(pages(file)).toBe(8);
    const all = text(file);
    for (const name of names) expect(all).toContain(name);
    expect(all).toContain("丰盛社区");
    expect(await page.getByText(/已生成 60 份，共 8 页/).count()).toBe(1);
  });

  it("prints envelopes for the same people, one an envelope", async () => {
    await page.goto(`${base}/admin/print/new?template=builtin:envelope`);
    await page.getByRole("combobox", { name: "保存的视图" }).selectOption({ label: "敬老月志愿者" });
    await page.getByRole("button", { name: "生成 PDF" }).click();
    const file = await madePdf("envelopes.pdf");
    expect(pages(file)).toBe(60);
    expect(info(file)).toMatch(/Page size:\s+623\.6\d* x 311\.8\d* pts/);
    const all = text(file);
    expect(all).toMatch(new RegExp(`${names[0]}\\s+收`));
    expect(all).toContain("金融街小区1号楼1单元100室");
  });

  it("prints the people ticked in the grid from its 打印 button", async () => {
    await page.goto(`${base}/admin/data/people`);
    const ticks = page.getByRole("checkbox", { name: /^选择 RY-/ });
    await ticks.first().waitFor();
    await ticks.nth(0).click();
    await ticks.nth(1).click();
    await page.getByRole("button", { name: "打印", exact: true }).click();
    await page.waitForURL(/\/admin\/print\/new\?from=grid/);
    await expect.poll(() => page.getByText("在数据表中勾选的 2 人").count()).toBe(1);
    await page.getByLabel("模板").selectOption({ label: "荣誉证书" });
    await page.getByRole("button", { name: "生成 PDF" }).click();
    const file = await madePdf("grid.pdf");
    expect(pages(file)).toBe(2);
    expect(text(file)).toContain("荣誉证书");
  });

  it("designs a certificate from scratch, saves it and prints it for the saved view", async () => {
    await page.goto(`${base}/admin/print`);
    await page.getByRole("link", { name: "新建模板" }).click();
    await page.waitForURL(/\/admin\/print\/templates\/new/);
    await page.getByLabel("名称", { exact: true }).first().fill("敬老月志愿服务证书");
    await page.getByLabel("方向").selectOption({ label: "横向" });
    await page.getByRole("button", { name: "添加方框" }).click();
    await page.getByRole("button", { name: "添加文字" }).click();
    const box = page.getByRole("textbox", { name: "文字" });
    await box.fill("{{姓名}}同志在{{社区}}敬老月活动中热心服务，特发此证。");
    await page.getByLabel("字号（磅）").fill("18");
    await page.getByLabel("宽（毫米）").fill("240");
    await page.getByLabel("高（毫米）").fill("40");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL(/\/admin\/print\/templates\/\d+/);
    await page.getByRole("link", { name: "打印…" }).click();
    await page.waitForURL(/\/admin\/print\/new\?template=\d+/);
    await page.getByRole("combobox", { name: "保存的视图" }).selectOption({ label: "敬老月志愿者" });
    await page.getByRole("button", { name: "生成 PDF" }).click();
    const file = await madePdf("certificates.pdf");
    expect(pages(file)).toBe(60);
    expect(info(file)).toMatch(/Page size:\s+841\.8\d* x 595\.2\d* pts/);
    expect(text(file).replace(/\s+/g, "")).toContain(
      `${names[0]}同志在丰盛社区敬老月活动中热心服务，特发此证。`,
    );
  });

  it("shows the auditor every print job: who, which template, how many", async () => {
    const auditor = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const auditPage = await auditor.newPage();
    await signIn(auditPage, base, "auditor");
    await auditPage.goto(`${base}/admin/audit?event=print.job_created`);
    const table = auditPage.locator("table");
    await table.waitFor();
    const shown = (await table.textContent()) ?? "";
    expect(shown).toContain("发起打印");
    expect(shown).toContain("fengsheng");
    expect(shown).toMatch(/胸卡/);
    await auditor.close();
  });
});
