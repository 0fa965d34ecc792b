// The SMTP adapter against a real SMTP peer: smtp-server in this process, messages read back with mailparser.
import type { AddressInfo, Socket } from "node:net";
import type { Readable } from "node:stream";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import type { SmtpConfig } from "./config.ts";
import { createSmtpAdapter } from "./smtp.ts";
import type { ChannelAdapter, OutgoingMessage } from "./types.ts";

interface Received {
  parsed: ParsedMail;
  raw: Buffer;
  /** The envelope as it was for this message (smtp-server resets the session's after each one). */
  mailFrom: string | undefined;
  rcptTo: string[];
}

interface Peer {
  port: number;
  received: Received[];
  /** The server side of each connection by the client's port, so a test can cut one. */
  sockets: Map<number, Socket>;
  maxOpen: number;
  close(): Promise<void>;
}

const peers: Peer[] = [];
const adapters: ChannelAdapter[] = [];

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((a) => a.close?.()));
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

/** smtp-server answers a callback error with its responseCode. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

async function startPeer(options: Partial<SMTPServerOptions> = {}): Promise<Peer> {
  const received: Received[] = [];
  const sockets = new Map<number, Socket>();
  let open = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    closeTimeout: 1000,
    onConnect(_session, callback) {
      open++;
      peer.maxOpen = Math.max(peer.maxOpen, open);
      callback();
    },
    onClose() {
      open--;
    },
    async onData(stream, session, callback) {
      await record(received, stream, session);
      callback(null, `Ok: queued as Q${received.length}`);
    },
    ...options,
  });
  const listener = server.listen(0, "127.0.0.1");
  listener.on("connection", (socket: Socket) => sockets.set(socket.remotePort!, socket));
  await new Promise<void>((resolve) => listener.once("listening", () => resolve()));
  const peer: Peer = {
    port: (listener.address() as AddressInfo).port,
    received,
    sockets,
    maxOpen: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  peers.push(peer);
  return peer;
}

function adapterFor(peer: Peer, overrides: Partial<SmtpConfig> = {}): ChannelAdapter {
  const adapter = createSmtpAdapter({
    provider: "smtp",
    host: "127.0.0.1",
    port: peer.port,
    security: "none",
    from: "金融街街道办事处 <notice@jrj.example.cn>",
    connections: 2,
    allowSelfSigned: false,
    ...overrides,
  });
  adapters.push(adapter);
  return adapter;
}

function message(id: number, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id,
    campaignId: 45,
    channel: "email",
    to: `resident${id}@example.cn`,
    subject: `停水通知 ${id}`,
    text: "明天上午九点至十二点停水，请提前储水。",
    html: null,
    messageId: `<n${id}.c45@linli.local>`,
    ...overrides,
  };
}

describe("SMTP adapter", () => {
  it("delivers the message with its addresses, parts and list headers", async () => {
    const peer = await startPeer();
    const adapter = adapterFor(peer, { replyTo: "office@jrj.example.cn" });
    expect(adapter).toMatchObject({ channel: "email", provider: "smtp", concurrency: 2 });

    const outcome = await adapter.send(
      message(1, {
        toName: "张三",
        subject: "关于 5 月 1 日停水的通知",
        html: "<p>明天上午<b>停水</b>。</p>",
        unsubscribeUrl: "https://linli.example.cn/u/abc123",
      }),
    );

    expect(outcome).toEqual({ status: "sent", providerId: "Q1" });
    expect(peer.received).toHaveLength(1);
    const { parsed, raw, mailFrom, rcptTo } = peer.received[0]!;
    expect(mailFrom).toBe("notice@jrj.example.cn");
    expect(rcptTo).toEqual(["resident1@example.cn"]);
    expect(parsed.from?.value).toEqual([{ name: "金融街街道办事处", address: "notice@jrj.example.cn" }]);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([
      { name: "张三", address: "resident1@example.cn" },
    ]);
    expect(parsed.replyTo?.value[0]?.address).toBe("office@jrj.example.cn");
    expect(parsed.subject).toBe("关于 5 月 1 日停水的通知");
    expect(parsed.text?.trim()).toBe("明天上午九点至十二点停水，请提前储水。");
    expect(parsed.html).toContain("<p>明天上午<b>停水</b>。</p>");
    expect(parsed.messageId).toBe("<n1.c45@linli.local>");
    const header = (key: string) => parsed.headerLines.find((h) => h.key === key)?.line;
    expect(header("list-unsubscribe")).toBe(
      "List-Unsubscribe: <https://linli.example.cn/u/abc123> (Unsubscribe)",
    );
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // Chinese travels as encoded words: the header section is plain ASCII.
    const head = raw.subarray(0, raw.indexOf("\r\n\r\n")).toString("latin1");
    expect(head).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(head)).toBe(true);
  });

  it("sends no list headers without an unsubscribe address", async () => {
    const peer = await startPeer();
    await adapterFor(peer).send(message(2));
    const keys = peer.received[0]!.parsed.headerLines.map((h) => h.key);
    expect(keys).not.toContain("list-unsubscribe");
    expect(keys).not.toContain("list-unsubscribe-post");
  });

  it("bounces a recipient refused at RCPT with the server's reply and retries a 451", async () => {
    const peer = await startPeer({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("nobody"))
          return callback(
            smtpError(550, "5.1.1 <nobody@example.cn>: Recipient address rejected: User unknown"),
          );
        if (address.address.startsWith("busy"))
          return callback(smtpError(451, "4.7.1 Greylisted, try again later"));
        callback();
      },
    });
    const adapter = adapterFor(peer);

    const [first, refused, greylisted, last] = await Promise.all([
      adapter.send(message(1)),
      adapter.send(message(2, { to: "nobody@example.cn" })),
      adapter.send(message(3, { to: "busy@example.cn" })),
      adapter.send(message(4)),
    ]);

    expect(first.status).toBe("sent");
    expect(last.status).toBe("sent");
    expect(refused).toEqual({
      status: "bounced",
      reason:
        "收件人地址被拒收：550 5.1.1 <nobody@example.cn>: Recipient address rejected: User unknown / " +
        "Recipient refused: 550 5.1.1 <nobody@example.cn>: Recipient address rejected: User unknown",
    });
    expect(greylisted.status).toBe("retry");
    expect(greylisted.status !== "sent" && greylisted.reason).toMatch(
      /^服务器暂时拒收：451 4\.7\.1 Greylisted/,
    );
    expect(peer.received.map((r) => r.parsed.messageId).sort()).toEqual([
      "<n1.c45@linli.local>",
      "<n4.c45@linli.local>",
    ]);
  });

  it("fails a message the server refuses after DATA", async () => {
    const peer = await startPeer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback(smtpError(554, "5.7.1 Message rejected as spam")));
      },
    });
    const outcome = await adapterFor(peer).send(message(1));
    expect(outcome).toEqual({
      status: "failed",
      reason:
        "邮件被服务器拒绝：554 5.7.1 Message rejected as spam / Message refused by the server: 554 5.7.1 Message rejected as spam",
    });
  });

  it("retries a message whose connection drops during DATA, and the pool goes on", async () => {
    let cut = false;
    const peer: Peer = await startPeer({
      async onData(stream, session, callback) {
        if (cut) {
          await record(peer.received, stream, session);
          return callback();
        }
        cut = true;
        stream.on("error", () => {});
        // Part of the message is in: the server goes away without a reply.
        stream.once("data", () => peer.sockets.get(session.remotePort)!.destroy());
      },
    });
    const adapter = adapterFor(peer);

    const long = "通知正文。".repeat(50_000);
    const dropped = await adapter.send(message(1, { text: long }));
    expect(dropped.status).toBe("retry");
    expect(dropped.status !== "sent" && dropped.reason).toMatch(
      /^无法连接 SMTP 服务器或连接中断：(ECONNECTION|ESOCKET) /,
    );

    expect(await adapter.send(message(2))).toMatchObject({ status: "sent" });
    expect(peer.received.map((r) => r.parsed.messageId)).toEqual(["<n2.c45@linli.local>"]);
  });

  it("fails on a wrong password without repeating it, and verify says so", async () => {
    const peer = await startPeer({
      authOptional: false,
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      onAuth(auth, _session, callback) {
        if (auth.username === "notice" && auth.password === "right-password")
          return callback(null, { user: 1 });
        // A careless server that echoes what it was given.
        callback(smtpError(535, `5.7.8 Authentication failed for ${auth.password}`));
      },
    });

    const wrong = adapterFor(peer, { user: "notice", password: "wrong-password" });
    const outcome = await wrong.send(message(1));
    expect(outcome.status).toBe("failed");
    const reason = outcome.status === "failed" ? outcome.reason : "";
    expect(reason).toMatch(
      /^SMTP 登录失败，请检查用户名和密码：535 5\.7\.8 Authentication failed for \*\*\* \//,
    );
    expect(reason).not.toContain("wrong-password");
    await expect(wrong.verify!()).rejects.toThrow(
      /^SMTP 登录失败，请检查用户名和密码（127\.0\.0\.1:\d+）：535/,
    );

    const right = adapterFor(peer, { user: "notice", password: "right-password" });
    await expect(right.verify!()).resolves.toBeUndefined();
    expect(await right.send(message(2))).toMatchObject({ status: "sent" });
    expect(peer.received).toHaveLength(1);
  });

  it("verify names a server that is not there", async () => {
    const peer = await startPeer();
    const port = peer.port;
    await peer.close();
    peers.splice(peers.indexOf(peer), 1);
    const adapter = adapterFor({ ...peer, port });
    await expect(adapter.verify!()).rejects.toThrow(
      /^无法连接 SMTP 服务器或连接中断（127\.0\.0\.1:\d+）：ESOCKET /,
    );
    expect(await adapter.send(message(1))).toMatchObject({ status: "retry" });
  });

  it("delivers many messages through the pool exactly once each", { timeout: 60_000 }, async () => {
    const peer = await startPeer();
    const adapter = adapterFor(peer, { connections: 5 });
    const count = 300;

    const outcomes = await Promise.all(Array.from({ length: count }, (_, i) => adapter.send(message(i + 1))));

    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(count);
    const seen = new Map<string, number>();
    for (const { parsed } of peer.received)
      seen.set(parsed.messageId!, (seen.get(parsed.messageId!) ?? 0) + 1);
    expect(seen.size).toBe(count);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(peer.maxOpen).toBeLessThanOrEqual(5);
  });
});

async function record(received: Received[], stream: Readable, session: SMTPServerSession): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const { mailFrom, rcptTo } = session.envelope;
  received.push({
    raw,
    parsed: await simpleParser(raw),
    mailFrom: mailFrom ? mailFrom.address : undefined,
    rcptTo: rcptTo.map((r) => r.address),
  });
}
