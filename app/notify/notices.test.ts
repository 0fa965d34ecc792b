// Mass notices end to end on a real database: a campaign queued from a selection, rendered per person,
// delivered through a real SMTP peer (which refuses one address and fails another for a while), into
// residents' inboxes and the SMS outbox; retries, opt-outs, pause and cancel, a process dying mid-send,
// two processes sharing the queue, scheduled sends and the birthday rule.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor, orgId } from "../../tests/support/factories.ts";
import { type SmtpPeer, startSmtpPeer } from "../../tests/support/smtp-peer.ts";
import { createServices } from "../core/boot.server.ts";
import type { Caller } from "../core/services.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { todayInChina } from "../people/normalise/calendar.ts";
import { createRecord } from "../people/records/write.server.ts";
import { controlCampaign, createCampaign, getCampaign, listCampaignMessages } from "./campaigns.server.ts";
import { beijingMinutes, saveChannelSettings } from "./channels.server.ts";
import { listInbox } from "./inbox.server.ts";
import { unsubscribe, unsubscribeToken } from "./opt-out.server.ts";
import { previewCampaign } from "./preview.server.ts";
import { claimDue, INTERRUPTED } from "./queue.server.ts";
import { createRule, nextRunAfter, runDueRules } from "./rules.server.ts";
import { startNoticeWorker } from "./worker.server.ts";

let t: TestServices;
let admin: Caller;
let peer: SmtpPeer;
let seq = 100;
const ids: Record<string, number> = {};

async function person(name: string, birth: string, values: Record<string, unknown>, male = true) {
  // The ID's 17th digit gives the sex: odd for men.
  const number = buildId("110102", birth, `${String(seq++).slice(-2)}${male ? 1 : 2}`).number;
  const record = await createRecord(t.services, admin, "people", {
    orgId: await orgId(t.services, "第一网格", "丰盛社区"),
    values: { name, document: number, ...values },
  });
  ids[name] = record.id;
  return record.id;
}

const content = {
  subject: "{{称呼}}，请注意防寒",
  text: "{{称呼}}您好：{{社区}}提醒您本周注意防寒保暖。",
  html: "<p>{{称呼}}您好：{{社区}}提醒您本周注意防寒保暖。</p>",
  sms: "{{称呼}}您好，{{社区}}提醒您注意防寒。",
};

async function drain(worker: ReturnType<typeof startNoticeWorker>, rounds = 10) {
  for (let i = 0; i < rounds; i++) await worker.runOnce();
}

async function statuses(campaign: number) {
  const page = await listCampaignMessages(t.services, admin, campaign, { limit: 500 });
  return Object.fromEntries(page.items.map((m) => [`${m.channel}:${m.name}`, m.status]));
}

beforeAll(async () => {
  t = await createTestServices({ demoPeople: 0, demoResidents: true });
  admin = await callerFor(t.services, "admin");
  peer = await startSmtpPeer();
  await saveChannelSettings(t.services, admin, {
    channel: "email",
    config: {
      provider: "smtp",
      host: "127.0.0.1",
      port: peer.port,
      security: "none",
      from: "金融街街道 <notice@jrj.example.cn>",
    },
    ratePerMinute: 60_000,
  });
  // SMS keeps quiet at night by default; these tests send at any hour (the quiet hours have their own test).
  await saveChannelSettings(t.services, admin, {
    channel: "sms",
    config: { provider: "outbox" },
    quietHours: null,
  });
  await person("张伟强", "1950-03-04", { email: "zhang@example.cn", mobile: "13800138001" });
  await person("李秀英", "1948-05-06", { email: "li@example.cn", mobile: "13800138002" }, false);
  await person("王芳", "1952-07-08", { email: "nobody@example.cn" }, false);
  await person("赵磊", "1960-09-10", { email: "zhao@example.cn", mobile: "13800138004" });
  await person("孙丽", "1970-01-02", {}, false);
  await (await t.services.analytics.replica("people")).refresh();
});

afterAll(async () => {
  await peer?.close();
  await t?.cleanup();
});

describe("a campaign to a selection", () => {
  let campaign: number;

  it("refuses a template naming a field the table does not have, queueing nothing", async () => {
    await expect(
      createCampaign(t.services, admin, {
        title: "坏模板",
        channels: ["email"],
        content: { ...content, text: "{{生日}}快乐" },
        audience: { kind: "ids", ids: [ids.张伟强!] },
      }),
    ).rejects.toMatchObject({ kind: "invalid", message: expect.stringContaining("生日") });
    const rows = await t.services.db.selectFrom("campaigns").select("id").execute();
    expect(rows).toHaveLength(0);
  });

  it("sends each person their own message, reports every recipient's status", async () => {
    peer.refuse.add("nobody@example.cn");
    peer.tempFail.set("zhao@example.cn", 1);
    const worker = startNoticeWorker(t.services, { loop: false });
    const made = await createCampaign(t.services, admin, {
      title: "防寒提醒",
      channels: ["email", "sms", "inbox"],
      content,
      audience: { kind: "ids", ids: Object.values(ids) },
    });
    campaign = made.id;
    await drain(worker, 3);
    let now = await statuses(campaign);
    expect(now["email:张伟强"]).toBe("sent");
    expect(now["email:李秀英"]).toBe("sent");
    expect(now["email:王芳"]).toBe("bounced");
    expect(now["email:孙丽"]).toBe("failed"); // no address
    expect(now["sms:王芳"]).toBe("failed");
    expect(now["sms:张伟强"]).toBe("sent"); // into the SMS outbox
    // 赵磊's server said "try later": queued again with a backoff.
    expect(now["email:赵磊"]).toBe("queued");
    await t.services.db
      .updateTable("campaign_messages")
      .set({ next_at: Date.now() })
      .where("status", "=", "queued")
      .execute();
    await drain(worker, 2);
    now = await statuses(campaign);
    expect(now["email:赵磊"]).toBe("sent");
    await worker.stop();

    const zhang = peer.accepted.find((m) => m.to.includes("zhang@example.cn"))!;
    expect(zhang.subject).toBe("张先生，请注意防寒");
    expect(zhang.text).toContain("丰盛社区提醒您");
    // mailparser reads List-* headers into `list`: { unsubscribe: { url } }.
    expect(JSON.stringify(zhang.headers.get("list"))).toContain("http://localhost:3000/unsubscribe/");
    const li = peer.accepted.find((m) => m.to.includes("li@example.cn"))!;
    expect(li.subject).toBe("李女士，请注意防寒");
    // Each address got exactly one message.
    expect(peer.accepted.filter((m) => m.to.includes("zhao@example.cn"))).toHaveLength(1);

    const report = await getCampaign(t.services, admin, campaign);
    expect(report.status).toBe("done");
    expect(report.counts.email).toMatchObject({ sent: 3, bounced: 1, failed: 1 });
    const messages = await listCampaignMessages(t.services, admin, campaign, { status: "bounced" });
    expect(messages.items[0]!.reason).toContain("550");
    expect(messages.items[0]!.address).toBe("n***@example.cn");

    const sms = await t.services.db
      .selectFrom("campaign_messages")
      .select(["provider_id", "address"])
      .where("campaign_id", "=", campaign)
      .where("channel", "=", "sms")
      .where("status", "=", "sent")
      .execute();
    const file = fs.readFileSync(path.join(t.config.dataDir, "outbox", sms[0]!.provider_id!), "utf8");
    expect(file).toMatch(/(先生|女士)您好，丰盛社区提醒您注意防寒/);
    // The queued address is sealed, not stored as typed.
    expect(sms[0]!.address).not.toContain("138001380");
  });

  it("reports the in-site channel for people without an account, delivers to those with one", async () => {
    const now = await statuses(campaign);
    expect(now["inbox:孙丽"]).toBe("failed");
    const events = await t.services.db
      .selectFrom("audit_log")
      .select("event")
      .where("event", "like", "notice.%")
      .execute();
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(["notice.campaign_created", "notice.campaign_queued"]),
    );
  });

  it("honours an unsubscribe: the next campaign leaves that address out", async () => {
    const [row] = await t.services.db
      .selectFrom("campaign_messages")
      .select("id")
      .where("campaign_id", "=", campaign)
      .where("channel", "=", "email")
      .where("record_id", "=", ids.李秀英!)
      .execute();
    await unsubscribe(t.services, unsubscribeToken(t.services, Number(row!.id)));
    const worker = startNoticeWorker(t.services, { loop: false });
    const before = peer.accepted.length;
    const next = await createCampaign(t.services, admin, {
      title: "第二次",
      channels: ["email"],
      content,
      audience: { kind: "ids", ids: [ids.李秀英!, ids.张伟强!] },
    });
    await drain(worker, 3);
    await worker.stop();
    const now = await statuses(next.id);
    expect(now["email:李秀英"]).toBe("opted_out");
    expect(now["email:张伟强"]).toBe("sent");
    expect(peer.accepted.slice(before).flatMap((m) => m.to)).toEqual(["zhang@example.cn"]);
  });
});

describe("delivery control and crashes", () => {
  it("sends nothing while paused, all of it once resumed", async () => {
    const worker = startNoticeWorker(t.services, { loop: false });
    const made = await createCampaign(t.services, admin, {
      title: "暂停测试",
      channels: ["email"],
      content,
      audience: { kind: "ids", ids: [ids.张伟强!, ids.赵磊!] },
    });
    await controlCampaign(t.services, admin, made.id, "pause");
    const before = peer.accepted.length;
    await drain(worker, 2);
    expect(peer.accepted.length).toBe(before);
    expect((await getCampaign(t.services, admin, made.id)).status).toBe("paused");
    await controlCampaign(t.services, admin, made.id, "resume");
    await drain(worker, 3);
    await worker.stop();
    expect((await getCampaign(t.services, admin, made.id)).counts.email).toEqual({ sent: 2 });
    expect(peer.accepted.length - before).toBe(2);
  });

  it("holds SMS in its quiet hours and sends them once the quiet hours are over", async () => {
    const minute = beijingMinutes(Date.now());
    const hhmm = (m: number) => {
      const d = (m + 1440) % 1440;
      return `${String(Math.floor(d / 60)).padStart(2, "0")}:${String(d % 60).padStart(2, "0")}`;
    };
    const sms = (quietHours: { start: string; end: string } | null) =>
      saveChannelSettings(t.services, admin, { channel: "sms", config: { provider: "outbox" }, quietHours });
    // Quiet from an hour ago to an hour from now (Beijing time): whatever the hour this test runs at.
    await sms({ start: hhmm(minute - 60), end: hhmm(minute + 60) });
    const worker = startNoticeWorker(t.services, { loop: false });
    try {
      const made = await createCampaign(t.services, admin, {
        title: "免打扰测试",
        channels: ["sms"],
        content,
        audience: { kind: "ids", ids: [ids.张伟强!] },
      });
      await drain(worker, 3);
      expect((await getCampaign(t.services, admin, made.id)).counts.sms).toEqual({ queued: 1 });
      await sms(null);
      await drain(worker, 3);
      expect((await getCampaign(t.services, admin, made.id)).counts.sms).toEqual({ sent: 1 });
    } finally {
      await worker.stop();
      await sms(null);
    }
  });

  it("cancels what has not gone out", async () => {
    const worker = startNoticeWorker(t.services, { loop: false });
    const made = await createCampaign(t.services, admin, {
      title: "取消测试",
      channels: ["email"],
      content,
      audience: { kind: "ids", ids: [ids.张伟强!, ids.赵磊!] },
      sendAt: Date.now() + 60_000,
    });
    await controlCampaign(t.services, admin, made.id, "cancel");
    await expect(controlCampaign(t.services, admin, made.id, "resume")).rejects.toMatchObject({
      kind: "conflict",
    });
    const before = peer.accepted.length;
    await t.services.db
      .updateTable("campaigns")
      .set({ send_at: Date.now() - 1 })
      .where("id", "=", made.id)
      .execute();
    await drain(worker, 2);
    await worker.stop();
    expect(peer.accepted.length).toBe(before);
    expect((await getCampaign(t.services, admin, made.id)).status).toBe("cancelled");
  });

  it("never resends a message a dead process was sending: it is reported instead", async () => {
    const made = await createCampaign(t.services, admin, {
      title: "中断测试",
      channels: ["email"],
      content,
      audience: { kind: "ids", ids: [ids.张伟强!] },
    });
    const worker = startNoticeWorker(t.services, { loop: false });
    // Queue it, then let "another process" claim it and die before recording anything.
    await t.services.db
      .updateTable("campaigns")
      .set({ status: "paused" })
      .where("id", "!=", made.id)
      .where("status", "=", "sending")
      .execute();
    const { queueCampaign } = await import("./queueing.server.ts");
    await queueCampaign(t.services, made.id);
    const claimed = await claimDue(t.services, "email", 10, "dead-process:1");
    expect(claimed).toHaveLength(1);
    await t.services.db
      .updateTable("campaign_messages")
      .set({ claimed_until: Date.now() - 1 })
      .where("claim", "=", "dead-process:1")
      .execute();
    const before = peer.accepted.length;
    await drain(worker, 2);
    await worker.stop();
    expect(peer.accepted.length).toBe(before);
    const [message] = (await listCampaignMessages(t.services, admin, made.id)).items;
    expect(message!.status).toBe("failed");
    expect(message!.reason).toBe(INTERRUPTED);
  });

  it("two processes on one database send each message once, and a restart mid-campaign finishes it", async () => {
    const other = await createServices(t.config);
    try {
      const recipients = [];
      for (let i = 0; i < 30; i++)
        recipients.push(
          await person(`批量${i}`, `1980-01-${String((i % 28) + 1).padStart(2, "0")}`, {
            email: `bulk${i}@example.cn`,
          }),
        );
      await (await t.services.analytics.replica("people")).refresh();
      const before = peer.accepted.length;
      // Slow channel so the first worker stops mid-campaign.
      await saveChannelSettings(t.services, admin, {
        channel: "email",
        config: {
          provider: "smtp",
          host: "127.0.0.1",
          port: peer.port,
          security: "none",
          from: "notice@jrj.example.cn",
        },
        ratePerMinute: 600,
      });
      const made = await createCampaign(t.services, admin, {
        title: "两个进程",
        channels: ["email"],
        content,
        audience: { kind: "ids", ids: recipients },
      });
      const first = startNoticeWorker(t.services);
      const second = startNoticeWorker(other);
      first.wake();
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const sent = (await getCampaign(t.services, admin, made.id)).counts.email?.sent ?? 0;
        if (sent >= 10) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await first.stop(); // a restart of one process: its batch in flight finishes first
      await saveChannelSettings(t.services, admin, {
        channel: "email",
        config: {
          provider: "smtp",
          host: "127.0.0.1",
          port: peer.port,
          security: "none",
          from: "notice@jrj.example.cn",
        },
        ratePerMinute: 60_000,
      });
      const restarted = startNoticeWorker(t.services);
      while (Date.now() < deadline + 20_000) {
        if ((await getCampaign(t.services, admin, made.id)).status === "done") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await Promise.all([second.stop(), restarted.stop()]);
      const report = await getCampaign(t.services, admin, made.id);
      expect(report.status).toBe("done");
      expect(report.counts.email).toEqual({ sent: 30 });
      const got = peer.accepted.slice(before).flatMap((m) => m.to);
      expect(got).toHaveLength(30);
      expect(new Set(got).size).toBe(30);
    } finally {
      await other.analytics.close();
      await other.database.close();
    }
  });
});

describe("scheduled sends and rules", () => {
  it("holds a scheduled campaign until its time", async () => {
    const worker = startNoticeWorker(t.services, { loop: false });
    const made = await createCampaign(t.services, admin, {
      title: "定时",
      channels: ["inbox"],
      content,
      audience: { kind: "ids", ids: [ids.张伟强!] },
      sendAt: Date.now() + 3_600_000,
    });
    expect(made.status).toBe("scheduled");
    await drain(worker, 1);
    expect((await getCampaign(t.services, admin, made.id)).status).toBe("scheduled");
    await t.services.db
      .updateTable("campaigns")
      .set({ send_at: Date.now() - 1 })
      .where("id", "=", made.id)
      .execute();
    await drain(worker, 2);
    await worker.stop();
    expect((await getCampaign(t.services, admin, made.id)).status).toBe("done");
  });

  it("greets today's birthdays once a day, however many processes look", async () => {
    const today = todayInChina();
    const birthday = await person("寿星", `1956-${today.slice(5) === "02-29" ? "02-28" : today.slice(5)}`, {
      email: "shouxing@example.cn",
    });
    await (await t.services.analytics.replica("people")).refresh();
    const rule = await createRule(t.services, admin, {
      name: "生日祝福",
      kind: "birthday",
      runAt: "08:00",
      channels: ["email"],
      content: { subject: "{{称呼}}，生日快乐", text: "{{称呼}}，{{社区}}祝您生日快乐！" },
    });
    expect(rule.nextRunAt).toBe(nextRunAfter("08:00", Date.now()));
    // Its time comes (as if it were 08:00 today).
    const at = nextRunAfter("08:00", Date.now()) - 86_400_000;
    await t.services.db
      .updateTable("notice_rules")
      .set({ next_run_at: at })
      .where("id", "=", rule.id)
      .execute();
    const started =
      (await runDueRules(t.services, Math.max(at, Date.now()))) +
      (await runDueRules(t.services, Math.max(at, Date.now())));
    expect(started).toBe(1);
    const worker = startNoticeWorker(t.services, { loop: false });
    await drain(worker, 3);
    await worker.stop();
    const campaigns = await t.services.db
      .selectFrom("campaigns")
      .selectAll()
      .where("rule_id", "=", rule.id)
      .execute();
    expect(campaigns).toHaveLength(1);
    const messages = await listCampaignMessages(t.services, admin, Number(campaigns[0]!.id));
    expect(messages.items.map((m) => m.recordId)).toEqual([birthday]);
    expect(peer.accepted.find((m) => m.to.includes("shouxing@example.cn"))?.subject).toBe("寿先生，生日快乐");
  });
});

describe("residents' inboxes", () => {
  it("puts the notice into the linked resident's inbox", async () => {
    const zhangwei = await callerFor(t.services, "zhangwei");
    const box = await listInbox(t.services, zhangwei);
    // The demo resident is linked to a demo person; our campaigns did not target them, so nothing yet.
    expect(box.items.filter((m) => m.kind === "notice.campaign")).toHaveLength(0);
    const personId = Number(
      (
        await t.services.db
          .selectFrom("users")
          .select("person_id")
          .where("username", "=", "zhangwei")
          .executeTakeFirstOrThrow()
      ).person_id,
    );
    const worker = startNoticeWorker(t.services, { loop: false });
    await createCampaign(t.services, admin, {
      title: "站内信",
      channels: ["inbox"],
      content,
      audience: { kind: "ids", ids: [personId] },
    });
    await drain(worker, 2);
    await worker.stop();
    const after = await listInbox(t.services, zhangwei);
    const notice = after.items.find((m) => m.kind === "notice.campaign")!;
    expect(notice.title).toMatch(/^张(先生|女士)，请注意防寒$/);
    expect(after.unread).toBeGreaterThan(0);
  });
});

describe("the preview's SMS length", () => {
  it("counts the 签名 the configured platform puts before every message", async () => {
    const request = {
      title: "",
      channels: ["sms"],
      content: { subject: "", text: "{{称呼}}您好。", sms: "{{称呼}}您好，请注意防寒。" },
      audience: { kind: "ids", ids: [ids.张伟强!] },
    };
    const plain = (await previewCampaign(t.services, admin, request)).message!;
    expect(plain.smsLength.chars).toBe([...plain.sms].length);
    await saveChannelSettings(t.services, admin, {
      channel: "sms",
      config: {
        provider: "aliyun",
        accessKeyId: "LTAI-test",
        accessKeySecret: "secret",
        signName: "金融街街道",
        templateCode: "SMS_000001",
      },
      quietHours: null,
    });
    try {
      const signed = (await previewCampaign(t.services, admin, request)).message!;
      expect(signed.smsLength.chars).toBe([...signed.sms].length + "【金融街街道】".length);
    } finally {
      await saveChannelSettings(t.services, admin, {
        channel: "sms",
        config: { provider: "outbox" },
        quietHours: null,
      });
    }
  });
});
