import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOutboxAdapter, readOutboxFile } from "./outbox.ts";
import type { OutgoingMessage } from "./types.ts";

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "linli-outbox-"));
  // 17:30 UTC on 1 May is already 2 May in Beijing.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-05-01T17:30:00Z") });
});

afterEach(async () => {
  vi.useRealTimers();
  await fs.rm(dir, { recursive: true, force: true });
});

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: 7,
    campaignId: 45,
    channel: "email",
    to: "zhangsan@example.cn",
    toName: "张三",
    subject: "关于 5 月 2 日停水的通知",
    text: "明天上午九点至十二点停水，请提前储水。",
    html: "<p>明天上午<b>停水</b>。</p>",
    unsubscribeUrl: "https://linli.example.cn/u/abc123",
    messageId: "<n7.c45@linli.local>",
    ...overrides,
  };
}

/** Every file under dir, relative to it. */
async function filesIn(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

describe("outbox adapter", () => {
  it("writes an email as an .eml that reads back with the same content and headers", async () => {
    const adapter = createOutboxAdapter("email", dir, { from: "金融街街道办事处 <notice@jrj.example.cn>" });
    expect(adapter).toMatchObject({ channel: "email", provider: "outbox" });

    const outcome = await adapter.send(message());

    expect(outcome).toEqual({ status: "sent", providerId: "email/2026-05-02/7.eml" });
    expect(await filesIn(dir)).toEqual(["email/2026-05-02/7.eml"]);
    const raw = (await readOutboxFile(dir, "email/2026-05-02/7.eml"))!;
    expect(raw.toString("latin1")).toMatch(/^[^\n]*\r\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: "金融街街道办事处", address: "notice@jrj.example.cn" }]);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([
      { name: "张三", address: "zhangsan@example.cn" },
    ]);
    expect(parsed.subject).toBe("关于 5 月 2 日停水的通知");
    expect(parsed.text?.trim()).toBe("明天上午九点至十二点停水，请提前储水。");
    expect(parsed.html).toContain("<p>明天上午<b>停水</b>。</p>");
    expect(parsed.messageId).toBe("<n7.c45@linli.local>");
    const header = (key: string) => parsed.headerLines.find((h) => h.key === key)?.line;
    expect(header("list-unsubscribe")).toBe(
      "List-Unsubscribe: <https://linli.example.cn/u/abc123> (Unsubscribe)",
    );
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("rewrites the same file when the message is sent again", async () => {
    const adapter = createOutboxAdapter("email", dir);
    await adapter.send(message({ subject: "第一次" }));
    await adapter.send(message({ subject: "第二次" }));
    expect(await filesIn(dir)).toEqual(["email/2026-05-02/7.eml"]);
    const parsed = await simpleParser((await readOutboxFile(dir, "email/2026-05-02/7.eml"))!);
    expect(parsed.subject).toBe("第二次");
    expect(parsed.from?.value[0]?.address).toBe("noreply@linli.local");
  });

  it("writes an SMS as a short text file", async () => {
    const adapter = createOutboxAdapter("sms", dir);
    const outcome = await adapter.send(
      message({
        id: 8,
        channel: "sms",
        to: "13800138000",
        subject: "",
        html: null,
        text: "【金融街街道】张三您好，明天停水。",
        smsParams: { name: "张三", time: "明天" },
      }),
    );
    expect(outcome).toEqual({ status: "sent", providerId: "sms/2026-05-02/8.txt" });
    expect((await readOutboxFile(dir, "sms/2026-05-02/8.txt"))!.toString("utf8")).toBe(
      [
        "Channel: sms",
        "To: 13800138000",
        'Params: {"name":"张三","time":"明天"}',
        "",
        "【金融街街道】张三您好，明天停水。",
        "",
      ].join("\n"),
    );
  });

  it("writes a fax's pages beside its text file", async () => {
    const pdf = Buffer.from("%PDF-1.7 fake page");
    const adapter = createOutboxAdapter("fax", dir);
    const outcome = await adapter.send(
      message({
        id: 9,
        channel: "fax",
        to: "010-66001234",
        subject: "停水通知",
        html: null,
        attachments: [{ filename: "../停水通知.pdf", content: pdf, contentType: "application/pdf" }],
      }),
    );
    expect(outcome).toEqual({ status: "sent", providerId: "fax/2026-05-02/9.txt" });
    expect(await filesIn(dir)).toEqual(["fax/2026-05-02/9-1-_停水通知.pdf", "fax/2026-05-02/9.txt"]);
    expect(await readOutboxFile(dir, "fax/2026-05-02/9-1-_停水通知.pdf")).toEqual(pdf);
    const text = (await readOutboxFile(dir, "fax/2026-05-02/9.txt"))!.toString("utf8");
    expect(text).toContain("Subject: 停水通知\n");
    expect(text).toContain("Attachment: 9-1-_停水通知.pdf\n");
  });
});

describe("readOutboxFile", () => {
  it("refuses paths that could leave the outbox", async () => {
    for (const bad of [
      "../x",
      "email/../../x",
      "/etc/passwd",
      "email\\..\\x",
      "",
      "email//x",
      ".hidden",
      "a\0b",
    ])
      await expect(readOutboxFile(dir, bad), bad).rejects.toThrow(
        "文件不在发件箱内 / The path is outside the outbox",
      );
  });

  it("answers null for a file that is not there", async () => {
    expect(await readOutboxFile(dir, "email/2026-05-02/404.eml")).toBeNull();
  });
});
