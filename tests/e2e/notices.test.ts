// Mass notices in a real browser, as 丰盛社区's admin (fengsheng) sends them (SPEC §A6): a personalised
// notice to the shared saved view 独居老人 by email and in-site message — the preview names who lacks an
// address, a template naming an unknown field is refused before anything is queued — sent through a real
// SMTP peer that refuses one address; the app restarted mid-campaign finishes it with every message
// delivered once and every recipient's status in the report; SMS birthday greetings scheduled as a rule.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveChannelSettings } from "../../app/notify/channels.server.ts";
import { buildId } from "../../app/people/identity/id-fixtures.ts";
import { createRecord, updateRecord } from "../../app/people/records/write.server.ts";
import { loadDictionaries } from "../../app/schema/dictionaries.server.ts";
import { type RunningServer, startServer } from "../../server/main.ts";
import { launchBrowser, signIn } from "../support/browser.ts";
import { testConfig } from "../support/db.ts";
import { callerFor, orgId } from "../support/factories.ts";
import { type SmtpPeer, startSmtpPeer } from "../support/smtp-peer.ts";

const REFUSED = "wrong.mailbox@example.cn";

describe("mass notices in the browser", () => {
  let env: Awaited<ReturnType<typeof testConfig>>;
  let running: RunningServer;
  let base: string;
  let peer: SmtpPeer;
  let browser: Browser;
  let page: Page;
  /** How many the preview said the notice reaches. */
  let reached = 0;

  async function start(port = 0) {
    running = await startServer({ config: { ...env.config, port }, host: "127.0.0.1" });
    base = running.url.replace("localhost", "127.0.0.1");
  }

  beforeAll(async () => {
    peer = await startSmtpPeer();
    env = await testConfig({ demo: true, demoPeople: 800, demoResidents: true, noticeWorker: true });
    await start();
    const s = running.services;
    const admin = await callerFor(s, "admin");
    // One email a second: slow enough to restart the app while the notice is still going out.
    await saveChannelSettings(s, admin, {
      channel: "email",
      config: {
        provider: "smtp",
        host: "127.0.0.1",
        port: peer.port,
        security: "none",
        from: "丰盛社区 <fs@example.cn>",
      },
      ratePerMinute: 60,
    });
    peer.refuse.add(REFUSED);
    // Two more lonely elderly people of 丰盛社区: one with a mailbox the server refuses, and the demo
    // resident 张伟 (who has an account, so the in-site message reaches an inbox).
    const dictionary = (await loadDictionaries(s.db)).get("special_groups");
    const lonely = dictionary?.options.find((o) => o.label === "独居老人")?.code;
    expect(lonely).toBeTruthy();
    const grid = await orgId(s, "第一网格", "丰盛社区");
    // Most elderly demo people have no email; these ones' children gave theirs.
    const withEmail: [string, string, string][] = [
      ["钱老汉", "1941-02-03", REFUSED],
      ["孙桂兰", "1943-04-05", "sun.guilan.family@example.cn"],
      ["周德福", "1944-06-07", "zhou.defu.family@example.cn"],
      ["吴秀珍", "1945-08-09", "wu.xiuzhen.family@example.cn"],
      ["郑国强", "1946-10-11", "zheng.guoqiang.family@example.cn"],
      ["冯淑英", "1947-12-13", "feng.shuying.family@example.cn"],
      ["陈建华", "1948-01-14", "chen.jianhua.family@example.cn"],
      ["褚玉梅", "1949-03-15", "chu.yumei.family@example.cn"],
    ];
    for (const [i, [name, birth, email]] of withEmail.entries())
      await createRecord(s, admin, "people", {
        orgId: grid,
        values: {
          name,
          document: buildId("110102", birth, i % 2 === 0 ? "131" : "142").number,
          email,
          specialGroups: [lonely],
        },
      });
    const zhangwei = await s.db
      .selectFrom("users")
      .select("person_id")
      .where("username", "=", "zhangwei")
      .executeTakeFirstOrThrow();
    const record = await s.db
      .selectFrom("records")
      .select("version")
      .where("id", "=", Number(zhangwei.person_id))
      .executeTakeFirstOrThrow();
    await updateRecord(s, admin, Number(zhangwei.person_id), {
      version: Number(record.version),
      values: { specialGroups: [lonely] },
    });
    await (await s.analytics.replica("people")).refresh();
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
    await peer?.close();
  });

  it("refuses a template naming an unknown field in the preview and on sending, queueing nothing", async () => {
    await page.goto(`${base}/admin/notices/new`);
    await page.getByLabel("群发标题").fill("冬季防寒提醒");
    await page.getByLabel("选择视图").selectOption({ label: "独居老人" });
    await page.getByLabel(/^标题（邮件主题）/).fill("{{称呼}}，冬季请注意防寒");
    await page.getByLabel(/^正文/).fill("{{称呼}}您好：{{生日}}快乐");
    const preview = page.locator("[data-preview]");
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain("生日");
    await page.getByRole("button", { name: "发送", exact: true }).click();
    await expect.poll(() => page.locator("form[data-form=compose]").textContent()).toContain("生日");
    expect(new URL(page.url()).pathname).toBe("/admin/notices/new");
    const campaigns = await running.services.db.selectFrom("campaigns").select("id").execute();
    expect(campaigns).toHaveLength(0);
  });

  it("previews the notice as a chosen recipient, with who lacks an address, and sends it", async () => {
    await page.getByLabel(/^正文/).fill("{{称呼}}您好：寒潮将至，{{社区}}提醒您注意保暖。");
    const preview = page.locator("[data-preview]");
    const reach = preview.locator("[data-reach]");
    await reach.waitFor({ timeout: 15_000 });
    const total = Number(await reach.getAttribute("data-reach"));
    expect(total).toBeGreaterThan(3);
    // Most demo people have no resident account: the in-site message cannot reach them, and it says so.
    expect(await preview.locator("[data-missing=inbox]").textContent()).toMatch(/\d+ 人没有居民账号/);
    expect(await preview.locator("[data-missing=email]").textContent()).toMatch(/\d+ 人没有邮箱/);
    const message = preview.locator("[data-preview-message]");
    expect(await message.textContent()).toMatch(
      /(先生|女士)，冬季请注意防寒.*(先生|女士)您好：寒潮将至，丰盛社区提醒您/,
    );
    // Preview as another recipient: their own name and salutation.
    const choice = page.getByLabel("预览收件人");
    const other = choice.locator("option").nth(1);
    const [name = ""] = ((await other.textContent()) ?? "").split(" · ");
    await choice.selectOption((await other.getAttribute("value")) ?? "");
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toContain(`${name[0]}`);
    expect(await message.textContent()).toMatch(new RegExp(`^${name[0]}(先生|女士)，`));
    await page.getByRole("button", { name: "发送", exact: true }).click();
    await page.waitForURL(/\/admin\/notices\/\d+$/);
    await expect.poll(() => page.locator("h1").textContent()).toContain("冬季防寒提醒");
    reached = total;
  });

  it("finishes after a restart mid-campaign: every email delivered once, every recipient's status shown", async () => {
    const total = reached;
    const url = page.url();
    // Restart once a few emails went out and more are waiting.
    await expect.poll(() => peer.accepted.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const port = Number(new URL(base).port);
    await running.close();
    const sentBefore = peer.accepted.length;
    await start(port);
    await page.goto(url);
    await expect
      .poll(() => page.locator("[data-campaign-status]").textContent(), { timeout: 120_000, interval: 1000 })
      .toContain("已完成");
    expect(sentBefore).toBeLessThan(peer.accepted.length);
    const recipients = peer.accepted.flatMap((m) => m.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    const emailRow = page.locator("tr[data-channel=email]");
    const count = async (status: string) =>
      Number((await emailRow.locator(`td[data-status=${status}]`).textContent())?.trim() || 0);
    expect(await count("sent")).toBe(recipients.length);
    expect(await count("bounced")).toBe(1);
    expect((await count("sent")) + (await count("bounced")) + (await count("failed"))).toBe(total);
    expect(await count("queued")).toBe(0);
    const inboxRow = page.locator("tr[data-channel=inbox]");
    expect(Number(await inboxRow.locator("td[data-status=sent]").textContent())).toBeGreaterThanOrEqual(1);
    // The refused mailbox is named with the server's reason, masked.
    await page.goto(`${url}?status=bounced`);
    const bounced = page.locator("tr[data-message]");
    expect(await bounced.count()).toBe(1);
    expect(await bounced.textContent()).toContain("钱老汉");
    expect(await bounced.textContent()).toMatch(/550/);
    expect(await page.content()).not.toContain(REFUSED);
  }, 180_000);

  it("lands in 张伟's inbox, personalised", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
    const phone = await context.newPage();
    await signIn(phone, base, "zhangwei");
    await phone.goto(`${base}/sns/inbox`);
    expect(await phone.locator("main").textContent()).toContain("张先生，冬季请注意防寒");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("schedules SMS birthday greetings as a rule with its next run", async () => {
    await page.goto(`${base}/admin/notices/rules`);
    await page.getByLabel("规则名称").fill("生日祝福短信");
    await page.getByLabel("从模板开始").selectOption("birthday");
    await page.getByRole("checkbox", { name: "站内信" }).uncheck();
    await page.getByRole("checkbox", { name: "短信" }).check();
    await page.getByRole("button", { name: /添加规则|保存规则|创建规则/ }).click();
    const row = page.locator("tr[data-rule]", { hasText: "生日祝福短信" });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/短信/);
    expect(await row.textContent()).toMatch(/每天 \d\d:\d\d/);
    expect(await row.textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
  });
});
