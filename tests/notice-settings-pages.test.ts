// The notice settings pages as staff meet them: 渠道设置 (street admins only; a saved password never comes
// back and is not stored in plain text), 定时规则 made through the page and listed with its next run,
// 收件人分组 / 退订名单, 发件箱 with the .eml download, the console's 站内信, and the public unsubscribe
// page (a garbage link is a 400; a real one asks, then opts out; a mail program's one-click POST works).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "../app/notify/opt-out.server.ts";
import { startNoticeWorker } from "../app/notify/worker.server.ts";
import { buildId } from "../app/people/identity/id-fixtures.ts";
import { createRecord } from "../app/people/records/write.server.ts";
import { callerFor, orgId } from "./support/factories.ts";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("notice settings pages", () => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new Client(server.url);
    await admin.login("admin");
  });
  afterAll(() => server.stop());

  describe("the outbox and the unsubscribe link", () => {
    let messageId: number;

    beforeAll(async () => {
      const s = server.services;
      const caller = await callerFor(s, "admin");
      const record = await createRecord(s, caller, "people", {
        orgId: await orgId(s, "第一网格", "丰盛社区"),
        values: {
          name: "张伟强",
          document: buildId("110102", "1950-03-04", "101").number,
          email: "zhang.weiqiang@example.cn",
        },
      });
      const made = await admin.json("/api/v1/notices", "POST", {
        title: "防寒提醒",
        channels: ["email"],
        content: {
          subject: "{{称呼}}，请注意防寒",
          text: "{{称呼}}您好：本周寒潮来袭，请注意保暖。",
          html: "<p>{{称呼}}您好：本周寒潮来袭，请注意保暖。</p>",
        },
        audience: { kind: "ids", ids: [record.id] },
      });
      expect(made.status).toBe(201);
      const worker = startNoticeWorker(s, { loop: false });
      for (let i = 0; i < 5; i++) await worker.runOnce();
      await worker.stop();
      const row = await s.db
        .selectFrom("campaign_messages")
        .select(["id", "status", "provider"])
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "sent", provider: "outbox" });
      messageId = Number(row.id);
    });

    it("lists what would have been sent, masked, with its .eml", async () => {
      const { status, html } = await admin.page("/admin/notices/outbox");
      expect(status).toBe(200);
      const text = textOf(html);
      expect(text).toContain("发件箱");
      expect(text).toContain("张先生，请注意防寒");
      expect(text).toContain("防寒提醒");
      expect(html).not.toContain("zhang.weiqiang@example.cn");
      expect(html).toContain(`href="/admin/notices/outbox/${messageId}"`);
      expect(text).toContain("下载 .eml");
      const file = await admin.request(`/admin/notices/outbox/${messageId}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toContain("message/rfc822");
      expect(file.headers.get("content-disposition")).toContain(
        `attachment; filename="notice-${messageId}.eml"`,
      );
      expect(await file.text()).toMatch(/List-Unsubscribe/i);
      expect((await admin.request("/admin/notices/outbox/999999")).status).toBe(404);
      expect((await admin.page("/admin/notices/outbox?channel=sms")).html).toContain("发件箱是空的");
    });

    it("asks before unsubscribing, shows only the masked address, then opts out", async () => {
      const token = unsubscribeToken(server.services, messageId);
      const visitor = new Client(server.url);
      const ask = await visitor.page(`/unsubscribe/${token}`);
      expect(ask.status).toBe(200);
      expect(textOf(ask.html)).toMatch(/退订 \S+ 的邮件通知？/);
      expect(ask.html).not.toContain("zhang.weiqiang@example.cn");
      // The page's own button: a plain form POST, no CSRF field, nobody signed in.
      const done = await visitor.form(`/unsubscribe/${token}`, { confirm: "1" }, { csrf: null });
      expect(done.status).toBe(200);
      const doneText = textOf(await done.text());
      expect(doneText).toContain("已退订");
      expect(doneText).not.toContain("zhang.weiqiang@example.cn");
      const groups = textOf((await admin.page("/admin/notices/groups")).html);
      expect(groups).toContain("退订名单");
      expect(groups).toContain("退订链接");
      expect(groups).not.toContain("zhang.weiqiang@example.cn");
    });

    it("takes a mail program's one-click POST from outside, and refuses a forged link", async () => {
      const token = unsubscribeToken(server.services, messageId);
      const oneClick = await fetch(`${server.url}/unsubscribe/${token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(oneClick.status).toBe(200);
      const forged = await fetch(`${server.url}/unsubscribe/${messageId}.AAAAAAAAAAAAAAAAAAAAAA`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(forged.status).toBe(400);
    });
  });

  it("answers 400 for a garbage unsubscribe link", async () => {
    const visitor = new Client(server.url);
    const { status, html } = await visitor.page("/unsubscribe/not-a-token");
    expect(status).toBe(400);
    expect(textOf(html)).toContain("链接无效");
  });

  it("keeps a saved SMTP password out of the page and out of the settings row", async () => {
    const before = await admin.page("/admin/notices/settings");
    expect(before.status).toBe(200);
    const beforeText = textOf(before.html);
    expect(beforeText).toContain("渠道设置");
    expect(beforeText).toContain("站内信无需设置");
    expect(beforeText).toContain("消息不会离开服务器");
    const password = "Smtp-Pa55word-不外传";
    const saved = await admin.form("/admin/notices/settings", {
      intent: "save",
      channel: "email",
      provider: "smtp",
      "smtp.host": "smtp.example.cn",
      "smtp.port": "465",
      "smtp.security": "tls",
      "smtp.user": "notice@example.cn",
      "smtp.password": password,
      "smtp.from": "金融街街道 <notice@example.cn>",
      "smtp.connections": "3",
      ratePerMinute: "600",
    });
    expect(saved.status).toBe(200);
    const savedHtml = await saved.text();
    expect(savedHtml).not.toContain(password);
    expect(textOf(savedHtml)).toContain("邮件渠道设置已保存");

    const after = await admin.page("/admin/notices/settings");
    expect(after.html).not.toContain(password);
    const text = textOf(after.html);
    expect(text).toContain("已设置（留空则不变）");
    expect(after.html).toContain('value="smtp.example.cn"');
    const row = await server.services.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "notify.channel.email")
      .executeTakeFirstOrThrow();
    expect(row.value).not.toContain(password);
    expect(JSON.parse(row.value).config).toMatchObject({ provider: "smtp", host: "smtp.example.cn" });

    // Saving again without typing the password keeps it.
    await admin.form("/admin/notices/settings", {
      intent: "save",
      channel: "email",
      provider: "smtp",
      "smtp.host": "smtp2.example.cn",
      "smtp.from": "金融街街道 <notice@example.cn>",
      "smtp.password": "",
    });
    expect(textOf((await admin.page("/admin/notices/settings")).html)).toContain("已设置（留空则不变）");

    // A bad setting comes back beside its field.
    const bad = await admin.form("/admin/notices/settings", {
      intent: "save",
      channel: "sms",
      provider: "aliyun",
      "aliyun.accessKeyId": "",
      "aliyun.signName": "金融街街道",
      "aliyun.templateCode": "SMS_1",
    });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("请填写 AccessKey ID");
  });

  it("lets a community admin use the notice pages but not the channel settings", async () => {
    const fengsheng = new Client(server.url);
    await fengsheng.login("fengsheng");
    expect((await fengsheng.page("/admin/notices/settings")).status).toBe(403);
    for (const path of [
      "/admin/notices/rules",
      "/admin/notices/groups",
      "/admin/notices/outbox",
      "/admin/inbox",
    ])
      expect((await fengsheng.page(path)).status, path).toBe(200);
    const resident = new Client(server.url);
    await resident.login("zhangwei");
    expect((await resident.page("/admin/notices/rules")).status).toBe(403);
  });

  it("makes a birthday rule through the page and lists it with its next run", async () => {
    await admin.page("/admin/notices/rules");
    const made = await admin.form("/admin/notices/rules", {
      intent: "create",
      name: "生日祝福",
      kind: "birthday",
      field: "",
      runAt: "08:00",
      channels: "inbox",
      subject: "{{称呼}}，祝您生日快乐",
      text: "{{称呼}}，{{社区}}祝您生日快乐！",
      sms: "",
      view: "",
    });
    expect(made.status).toBe(200);
    expect(textOf(await made.text())).toContain("规则“生日祝福”已创建");
    const { html } = await admin.page("/admin/notices/rules");
    const text = textOf(html);
    expect(text).toContain("下次运行");
    expect(text).toMatch(/生日祝福 .*生日祝福 每天 08:00 站内信 \d{4}-\d{2}-\d{2} 08:00/);

    const bad = await admin.form("/admin/notices/rules", {
      intent: "create",
      name: "坏规则",
      kind: "birthday",
      runAt: "08:00",
      channels: "inbox",
      subject: "生日快乐",
      text: "{{生日}}快乐",
    });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("正文中的 {{生日}} 不是字段");
  });
});
