import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import nodemailer from "nodemailer";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { createCampaign, getCampaign } from "../app/notify/campaigns.server.ts";
import { saveChannelSettings } from "../app/notify/channels.server.ts";
import { startNoticeWorker } from "../app/notify/worker.server.ts";
import { startSmtpPeer } from "../tests/support/smtp-peer.ts";
import { writeDocsSection } from "./report.ts";
import { BENCH_HOME, benchServices } from "./services.ts";

export interface NoticeResult {
  store: "sqlite" | "mysql";
  messages: number;
  /** Create → every message queued (rendered, sealed, inserted), seconds. */
  queueSeconds: number;
  straightQueueSeconds: number;
  /** Queue → every message accepted by the SMTP peer. */
  deliverySeconds: number;
  perSecond: number;
  straightPerSecond: number;
}

const content = {
  subject: "{{称呼}}，{{社区}}冬季安全提醒",
  text: "{{称呼}}您好：\n\n入冬以来天气寒冷，{{社区}}提醒您注意用火用电安全，{{现住址}}如有需要请联系网格员。\n\n{{社区}}居民委员会\n{{今天}}",
  html: "<p>{{称呼}}您好：</p><p>入冬以来天气寒冷，{{社区}}提醒您注意用火用电安全，{{现住址}}如有需要请联系网格员。</p><p>{{社区}}居民委员会<br>{{今天}}</p>",
};

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function prepare(
  store: "sqlite" | "mysql",
  people: number,
  mysql: string | undefined,
  log: (l: string) => void,
) {
  const { services } = await benchServices(store, "notices", mysql);
  log(`${store}: generating ${people.toLocaleString("en")} people`);
  await loadDemoPeople(services, people);
  // Everyone gets an address (the generator gives one to some): a campaign of exactly `people` emails.
  await sql`UPDATE records SET data = ${
    store === "mysql"
      ? sql`JSON_SET(data, '$.email', CONCAT('p', id, '@example.cn'))`
      : sql`json_set(data, '$.email', 'p' || id || '@example.cn')`
  }`.execute(services.db);
  await (await services.analytics.replica("people")).refresh();
  const actor = await loadActorByUsername(services.db, "admin");
  return { services, caller: { actor: actor!, ip: null, via: "cli" } as Caller };
}

async function straightQueue(
  services: Services,
  rows: { subject: string; body: string; html: string | null }[],
) {
  await sql`CREATE TABLE bench_outbox (id INTEGER PRIMARY KEY, subject VARCHAR(300), body TEXT, html TEXT)`.execute(
    services.db,
  );
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 100)
    await services.db.transaction().execute(async (trx) => {
      const chunk = rows.slice(i, i + 100).map((r, j) => ({ id: i + j + 1, ...r }));
      await sql`INSERT INTO bench_outbox (id, subject, body, html) VALUES ${sql.join(
        chunk.map((r) => sql`(${r.id}, ${r.subject}, ${r.body}, ${r.html})`),
      )}`.execute(trx);
    });
  return (performance.now() - started) / 1000;
}

async function straightSend(
  port: number,
  rows: { subject: string; body: string; html: string | null }[],
  n: number,
) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 5,
    maxMessages: 500,
  });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const r = rows[i % rows.length]!;
      await transport.sendMail({
        from: "notice@example.cn",
        to: `s${i}@example.cn`,
        subject: r.subject,
        text: r.body,
        html: r.html ?? undefined,
      });
    }
  };
  await Promise.all(Array.from({ length: 5 }, lane));
  transport.close();
  return n / ((performance.now() - started) / 1000);
}

async function benchStore(
  store: "sqlite" | "mysql",
  people: number,
  mysql: string | undefined,
  log: (l: string) => void,
): Promise<NoticeResult> {
  const { services, caller } = await prepare(store, people, mysql, log);
  const peer = await startSmtpPeer({ parse: false });
  try {
    await saveChannelSettings(services, caller, {
      channel: "email",
      config: {
        provider: "smtp",
        host: "127.0.0.1",
        port: peer.port,
        security: "none",
        from: "金融街街道 <notice@example.cn>",
        connections: 5,
      },
      ratePerMinute: 1_000_000,
    });
    log(`${store}: queueing ${people.toLocaleString("en")} personalised emails`);
    const worker = startNoticeWorker(services, { loop: false });
    const started = performance.now();
    const made = await createCampaign(services, caller, {
      title: "冬季安全提醒",
      channels: ["email"],
      content,
      audience: { kind: "query", query: {} },
    });
    const { queueCampaign } = await import("../app/notify/queueing.server.ts");
    await queueCampaign(services, made.id);
    const queueSeconds = (performance.now() - started) / 1000;
    const queued = await getCampaign(services, caller, made.id);
    const messages = queued.counts.email?.queued ?? 0;
    await worker.stop();

    log(`${store}: delivering ${messages.toLocaleString("en")} to a local SMTP peer`);
    const sending = startNoticeWorker(services);
    const sendStart = performance.now();
    sending.wake();
    await until(async () => peer.accepted.length >= messages, 30 * 60_000);
    const deliverySeconds = (performance.now() - sendStart) / 1000;
    await sending.stop();

    const sample = await services.db
      .selectFrom("campaign_messages")
      .select(["subject", "body", "html"])
      .limit(people)
      .execute();
    const straightQueueSeconds = await straightQueue(services, sample);
    const straightPerSecond = await straightSend(peer.port, sample, Math.min(messages, 20_000));
    return {
      store,
      messages,
      queueSeconds,
      straightQueueSeconds,
      deliverySeconds,
      perSecond: messages / deliverySeconds,
      straightPerSecond,
    };
  } finally {
    await peer.close();
    await services.analytics.close();
    await services.database.close();
  }
}

export async function benchNotices(options: {
  people?: number;
  mysql?: string;
  log: (l: string) => void;
}): Promise<NoticeResult[]> {
  const people = options.people ?? 100_000;
  const results = [await benchStore("sqlite", people, undefined, options.log)];
  if (options.mysql) results.push(await benchStore("mysql", people, options.mysql, options.log));
  return results;
}

const secs = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} ms` : `${x.toFixed(1)} s`);

const START = "<!-- bench-notices:start -->";
const END = "<!-- bench-notices:end -->";

export function writeNoticeReport(results: readonly NoticeResult[], machine: string, docs: boolean): void {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    "",
    "| store | operation | messages | bar | Linli | met | straight | ratio |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const name = r.store === "sqlite" ? "SQLite" : "MariaDB";
    lines.push(
      `| ${name} | personalised emails rendered and queued | ${r.messages.toLocaleString("en")} | ≤ 10 s | ${secs(r.queueSeconds)} | ${r.queueSeconds <= 10 ? "yes" : "**no**"} | ${secs(r.straightQueueSeconds)} (rows inserted) | ${(r.queueSeconds / r.straightQueueSeconds).toFixed(1)}× |`,
      `| ${name} | delivered to a local SMTP peer | ${r.messages.toLocaleString("en")} | ≥ 200 /s | ${r.perSecond.toFixed(0)} /s (${secs(r.deliverySeconds)}) | ${r.perSecond >= 200 ? "yes" : "**no**"} | ${r.straightPerSecond.toFixed(0)} /s (one nodemailer pool) | ${(r.straightPerSecond / r.perSecond).toFixed(1)}× |`,
    );
  }
  const table = lines.join("\n");
  const out = path.join(BENCH_HOME, "notice-results.json");
  fs.mkdirSync(BENCH_HOME, { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  process.stdout.write(`\n${table}\nJSON: ${out}\n`);
  if (docs) writeDocsSection(START, END, table);
}
