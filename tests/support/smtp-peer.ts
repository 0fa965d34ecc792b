// A real SMTP peer for tests and the benchmark: smtp-server on 127.0.0.1, keeping what it accepted
// (envelope, Message-ID, subject, text, headers). It can refuse chosen recipients at RCPT (550), answer
// a temporary failure (451) a number of times, or cut connections while a message is being sent.
import type { AddressInfo, Socket } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Accepted {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Map<string, unknown>;
}

export interface SmtpPeer {
  port: number;
  accepted: Accepted[];
  /** Recipients refused for good (550 at RCPT). */
  refuse: Set<string>;
  /** Recipient → how many more times to answer 451. */
  tempFail: Map<string, number>;
  /** Cut the connection while the next n messages are being sent. */
  dropNext(n: number): void;
  /** Parse accepted messages (off by default: the benchmark only counts). */
  close(): Promise<void>;
}

export async function startSmtpPeer(options: { parse?: boolean } = {}): Promise<SmtpPeer> {
  const parse = options.parse ?? true;
  const accepted: Accepted[] = [];
  const refuse = new Set<string>();
  const tempFail = new Map<string, number>();
  let drops = 0;
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    closeTimeout: 500,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (refuse.has(to))
        return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
      const left = tempFail.get(to) ?? 0;
      if (left > 0) {
        tempFail.set(to, left - 1);
        return callback(Object.assign(new Error("4.2.0 Try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      if (drops > 0) {
        drops--;
        stream.once("data", () => {
          for (const s of sockets) s.destroy();
        });
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        if (!parse) {
          const raw = Buffer.concat(chunks).toString("latin1");
          const messageId = /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? "";
          accepted.push({ to, messageId, subject: "", text: "", html: null, headers: new Map() });
          return callback();
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        accepted.push({
          to,
          messageId: mail.messageId ?? "",
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : null,
          headers: mail.headers,
        });
        callback();
      });
    },
  });
  const listener = server.listen(0, "127.0.0.1");
  listener.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => listener.once("listening", () => resolve()));
  return {
    port: (listener.address() as AddressInfo).port,
    accepted,
    refuse,
    tempFail,
    dropNext(n) {
      drops = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
