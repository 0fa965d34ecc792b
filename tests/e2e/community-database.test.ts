// The community database's acceptance path in a real browser, as a newcomer at 丰盛社区 walks it: design
// the table while someone else edits a record, register a person from a name and an ID number, be told
// why bad numbers and duplicates are refused, find a change in the history, delete and restore, and
// never see another community's people.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { createRecord } from "../../app/people/records/write.server.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { callerFor } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/http.ts";

const ageToday = (birth: string) => {
  const now = new Date();
  const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
  const before = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (before ? 1 : 0);
};

describe("the community database in the browser", () => {
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

  async function staffPage(username: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  const main = (page: Page) => page.locator("main");

  it("walks fengsheng through design, registration, refusals, history, delete and restore", async () => {
    const s = server.services;
    const fengsheng = await callerFor(s, "fengsheng");
    const neighbour = await createRecord(s, fengsheng, "people", {
      values: { name: "正在编辑", document: buildId("110102", "1960-01-01", "111").number },
    });
    const elsewhere = await createRecord(s, await callerFor(s, "erlonglu"), "people", {
      values: { name: "二龙路居民甲", document: buildId("110102", "1961-01-01", "222").number },
    });

    // The street admin opens the neighbour's record and starts editing it inline…
    const admin = await staffPage("admin");
    await admin.goto(`${server.url}/admin/records/${neighbour.id}`);
    await admin.getByLabel("修改职业").click();
    await admin.locator("#inline-occupation-occupation").fill("退休教师");

    // …while fengsheng adds a field and a sub-table.
    const page = await staffPage("fengsheng", 375);
    await page.goto(`${server.url}/admin/tables/people`);
    await page.locator("#add-label").fill("志愿者服务时长");
    await page.locator("#add-type").selectOption("decimal");
    await page.locator("#add-field").getByRole("button", { name: "添加" }).click();
    await expect.poll(() => main(page).textContent()).toContain("已添加字段“志愿者服务时长”");

    await page.goto(`${server.url}/admin/tables`);
    await page.getByLabel("附属表名称").fill("走访记录");
    await page.getByLabel("所属主表").selectOption({ label: "社区人员" });
    await page.getByRole("button", { name: "创建" }).last().click();
    await expect.poll(() => main(page).textContent()).toContain("已创建“走访记录”");

    // The other user's save goes through, and the new field is there for everyone.
    await admin.getByRole("button", { name: "保存修改" }).first().click();
    await expect.poll(() => main(admin).textContent()).toContain("退休教师");
    await admin.reload();
    expect(await main(admin).textContent()).toContain("志愿者服务时长");

    // A person from a name and an ID number alone.
    const id = buildId("110102", "1958-03-07", "121");
    await page.goto(`${server.url}/admin/data/people/new`);
    await page.getByLabel(/^姓名/).fill("王秀英");
    const number = page.getByLabel("证件号码（号码）");
    await number.fill(id.number);
    await expect.poll(() => page.getByTestId("id-hint").textContent()).toContain("1958-03-07");
    expect(await page.getByTestId("id-hint").textContent()).toContain("男");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.waitForURL(/\/admin\/records\/\d+$/);
    await expect.poll(() => main(page).textContent()).toContain("王秀英");
    const record = (await main(page).textContent()) ?? "";
    expect(record).toContain("王秀英");
    expect(record).toContain("1958-03-07");
    expect(record).toContain(String(ageToday("1958-03-07")));
    expect(record).toMatch(/性别\s*男/);
    expect(record).not.toContain(id.number);
    const recordUrl = page.url();

    // Refusals, each with its reason.
    const refused = async (fields: { name: string; number: string; birth?: string }) => {
      await page.goto(`${server.url}/admin/data/people/new`);
      await page.getByLabel(/^姓名/).fill(fields.name);
      await page.getByLabel("证件号码（号码）").fill(fields.number);
      if (fields.birth) await page.getByLabel(/^出生日期/).fill(fields.birth);
      await page.getByRole("button", { name: "保存", exact: true }).click();
      await expect.poll(() => main(page).locator('[role="alert"], .text-red-700').count()).toBeGreaterThan(0);
      return (await main(page).textContent()) ?? "";
    };
    const wrongCheck = id.number.slice(0, 17) + (id.number.endsWith("1") ? "2" : "1");
    expect(await refused({ name: "孙一", number: wrongCheck })).toMatch(/证件号码.*校验/);
    const other = buildId("110102", "1980-05-20", "345");
    const contradiction = await refused({ name: "周二", number: other.number, birth: "1980-05-21" });
    expect(contradiction).toContain("1980-05-21");
    expect(contradiction).toContain("1980-05-20");
    expect(await refused({ name: "王秀英", number: id.number })).toMatch(/已登记.*RY-\d{6}/);

    // An inline change, found in the history.
    await page.goto(recordUrl);
    await page.getByLabel("修改籍贯").click();
    await page.locator("#inline-nativePlace-nativePlace").fill("河北省保定市");
    await page.getByRole("button", { name: "保存修改" }).first().click();
    await expect.poll(() => main(page).textContent()).toContain("河北省保定市");
    await page.getByRole("link", { name: "修改历史" }).click();
    await expect.poll(() => main(page).textContent()).toMatch(/籍贯.*河北省保定市/);

    // Delete into the recycle bin, then restore.
    await page.goto(recordUrl);
    await page.getByRole("button", { name: "移入回收站" }).click();
    await page.waitForURL(/\/admin\/data\/people/);
    await expect.poll(() => main(page).textContent()).toContain("移入回收站");
    expect(await main(page).getByRole("grid").textContent()).not.toContain("王秀英");
    await page.goto(`${server.url}/admin/recycle`);
    const row = page.locator("tr", { hasText: "王秀英" });
    await row.getByRole("checkbox").check();
    await page.getByRole("button", { name: "恢复所选" }).click();
    await expect.poll(() => main(page).textContent()).toContain("已恢复 1 条记录");
    await page.goto(`${server.url}/admin/data/people`);
    expect(await main(page).textContent()).toContain("王秀英");

    // Another community's people stay out of sight, by list and by URL.
    expect(await main(page).textContent()).not.toContain("二龙路居民甲");
    const response = await page.goto(`${server.url}/admin/records/${elsewhere.id}`);
    expect(response?.status()).toBe(403);
  });
});
