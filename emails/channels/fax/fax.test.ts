// The email-to-fax adapter with a recording email adapter (our own interface), and the fax page read back
// with poppler (pdftotext, pdfinfo; Debian's poppler-utils), as the report PDF tests do.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFaxPage } from "../../../app/notify/fax-page.server.tsx";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "../types.ts";
import { createEmailFaxAdapter } from "./email-fax.ts";

let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-fax-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readPdf(buffer: Buffer) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, buffer);
  const run = (tool: string, ...args: string[]) =>
    execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  return { text: run("pdftotext", "-layout"), info: run("pdfinfo") };
}
const pages = (info: string) => Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
const squeeze = (text: string) => text.replace(/\s+/g, "");

function message(over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: 4711,
    campaignId: 12,
    channel: "fax",
    to: "+86 10 6601-2345",
    toName: "丰盛社区居委会",
    subject: "关于开展消防安全检查的通知",
    text: "各社区居委会：请于3月5日前完成辖区消防安全自查。",
    html: "<p>…</p>",
    unsubscribeUrl: "https://linli.example/u/abc",
    messageId: "<n4711.c12@linli.local>",
    ...over,
  };
}

/** An email adapter that records what it is handed and answers as told. */
function recordingEmail(outcome: SendOutcome = { status: "sent", providerId: "<mail-1@relay>" }) {
  const handed: OutgoingMessage[] = [];
  let verified = 0;
  const adapter: ChannelAdapter = {
    channel: "email",
    provider: "smtp",
    concurrency: 3,
    async send(m) {
      handed.push(m);
      return outcome;
    },
    async verify() {
      verified++;
    },
  };
  return { adapter, handed, verified: () => verified };
}

const CONFIG = { provider: "email-fax" as const, addressPattern: "{number}@fax.example.com" };
const PAGE = Buffer.from("%PDF-1.4 page");

describe("email-to-fax", () => {
  it("mails the page to the number's address, with the subject, a short text and fax-<id>.pdf", async () => {
    const email = recordingEmail();
    const rendered: OutgoingMessage[] = [];
    const fax = createEmailFaxAdapter(CONFIG, email.adapter, async (m) => {
      rendered.push(m);
      return PAGE;
    });
    expect(fax).toMatchObject({ channel: "fax", provider: "email-fax", concurrency: 3 });
    expect(await fax.send(message())).toEqual({ status: "sent", providerId: "<mail-1@relay>" });
    expect(rendered).toHaveLength(1);
    const mail = email.handed[0]!;
    expect(mail).toMatchObject({
      id: 4711,
      campaignId: 12,
      channel: "email",
      to: "01066012345@fax.example.com",
      subject: "关于开展消防安全检查的通知",
      html: null,
      unsubscribeUrl: null,
      messageId: "<n4711.c12@linli.local>",
    });
    expect(mail.toName).toBeUndefined();
    expect(mail.text.length).toBeLessThan(120);
    expect(mail.attachments).toEqual([
      { filename: "fax-4711.pdf", content: PAGE, contentType: "application/pdf" },
    ]);
  });

  it("fills every {number} of the pattern with digits only", async () => {
    const email = recordingEmail();
    const fax = createEmailFaxAdapter(
      { provider: "email-fax", addressPattern: "fax+{number}@relay.example.com" },
      email.adapter,
      async () => PAGE,
    );
    await fax.send(message({ to: "(010) 6601 2345" }));
    expect(email.handed[0]!.to).toBe("fax+01066012345@relay.example.com");
  });

  it.each<SendOutcome>([
    { status: "retry", reason: "421 try later" },
    { status: "bounced", reason: "550 no such mailbox" },
    { status: "failed", reason: "535 authentication failed" },
  ])("passes the email adapter's $status through", async (outcome) => {
    const fax = createEmailFaxAdapter(CONFIG, recordingEmail(outcome).adapter, async () => PAGE);
    expect(await fax.send(message())).toEqual(outcome);
  });

  it("bounces a number too short to dial, without rendering or mailing", async () => {
    const email = recordingEmail();
    let renders = 0;
    const fax = createEmailFaxAdapter(CONFIG, email.adapter, async () => {
      renders++;
      return PAGE;
    });
    expect(await fax.send(message({ to: "66-12" }))).toEqual({
      status: "bounced",
      reason: "传真号码无效 / Not a valid fax number",
    });
    expect(renders).toBe(0);
    expect(email.handed).toHaveLength(0);
  });

  it("a page that cannot be made fails, and nothing is mailed", async () => {
    const email = recordingEmail();
    const fax = createEmailFaxAdapter(CONFIG, email.adapter, async () => {
      throw new Error("font missing");
    });
    expect(await fax.send(message())).toMatchObject({
      status: "failed",
      reason: expect.stringContaining("font missing"),
    });
    expect(email.handed).toHaveLength(0);
  });

  it("verify() checks the email adapter", async () => {
    const email = recordingEmail();
    await createEmailFaxAdapter(CONFIG, email.adapter, async () => PAGE).verify!();
    expect(email.verified()).toBe(1);
  });
});

describe("fax page", () => {
  const SENT_AT = new Date("2026-03-01T08:30:00Z");
  const LONG =
    "为切实做好春季消防安全工作，有效预防和减少火灾事故发生，保障辖区居民生命财产安全，街道办事处决定在全街道范围内开展消防安全检查。" +
    "请各社区居委会组织网格员对辖区内的老旧小区、沿街商铺、出租房屋进行逐户排查，重点检查电动自行车违规充电、楼道堆物和消防通道占用等问题。";

  it("is one A4 page with the cover header and the text, in Chinese", async () => {
    const pdf = await renderFaxPage({
      subject: "关于开展消防安全检查的通知",
      text: `各社区居委会：\n${LONG}\n联系人：王𫖮 电话 010-66012345`,
      from: "金融街街道办事处",
      sentAt: SENT_AT,
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, info } = readPdf(pdf);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages(info)).toBe(1);
    for (const word of [
      "传真",
      "FAX",
      "发件单位",
      "金融街街道办事处",
      "日期",
      "主题",
      "关于开展消防安全检查的通知",
    ])
      expect(text).toContain(word);
    // Beijing time.
    expect(text).toContain("2026年3月1日 16:30");
    // The long paragraph wraps across lines (no line holds it all) and nothing is lost.
    expect(text.split("\n").some((line) => line.includes(LONG))).toBe(false);
    expect(squeeze(text)).toContain(squeeze(LONG));
    expect(text).toContain("各社区居委会：");
    expect(text).toContain("王𫖮");
    expect(squeeze(text)).toContain("第1页/共1页");
  });

  it("runs onto further pages and numbers them", async () => {
    const pdf = await renderFaxPage({
      subject: "长通知",
      text: Array.from({ length: 12 }, (_, i) => `第${i + 1}条：${LONG}`).join("\n"),
      from: "金融街街道办事处",
      sentAt: SENT_AT,
    });
    const { text, info } = readPdf(pdf);
    expect(pages(info)).toBeGreaterThan(1);
    expect(squeeze(text)).toContain(`第1页/共${pages(info)}页`);
    expect(squeeze(text)).toContain(squeeze(`第12条：${LONG}`));
  });

  it("is what the email-fax adapter attaches when given as its page", async () => {
    const email = recordingEmail();
    const fax = createEmailFaxAdapter(CONFIG, email.adapter, (m) =>
      renderFaxPage({ subject: m.subject, text: m.text, from: "金融街街道办事处", sentAt: SENT_AT }),
    );
    await fax.send(message());
    const { text } = readPdf(email.handed[0]!.attachments![0]!.content);
    expect(text).toContain("各社区居委会：请于3月5日前完成辖区消防安全自查。");
  });
});
