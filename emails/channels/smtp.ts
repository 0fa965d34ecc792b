// Email through an SMTP server: the office's own relay or its mail provider's. One pooled transport per
// configuration, so a mass notice goes out over a few long-lived connections rather than one per message,
// and every failure is sorted into what the queue should do next (retry, bounced, failed).
import nodemailer, { type NodemailerError, type SendMailOptions } from "nodemailer";
import type { SmtpConfig } from "./config.ts";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "./types.ts";

type Failure = Exclude<SendOutcome, { status: "sent" }>;

/** RFC 8058: a POST to the List-Unsubscribe address unsubscribes, with no page to click through. */
const ONE_CLICK = "List-Unsubscribe=One-Click";
/** How much of a server's reply a reason keeps; some servers answer with whole paragraphs. */
const MAX_DETAIL = 300;

/** The nodemailer message for one recipient: what SMTP sends and the outbox writes as .eml. */
export function composeEmail(
  config: Pick<SmtpConfig, "from" | "replyTo">,
  message: OutgoingMessage,
): SendMailOptions {
  const unsubscribe = message.unsubscribeUrl;
  return {
    from: config.from,
    // An address object rather than a string: a string "a@x, b@y" would be parsed as two recipients,
    // and nodemailer encodes a Chinese display name itself.
    to: { name: message.toName ?? "", address: message.to },
    replyTo: config.replyTo || undefined,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
    messageId: message.messageId,
    // Copies: nodemailer rewrites the attachment entries it is given in place.
    attachments: message.attachments?.map(({ filename, content, contentType }) => ({
      filename,
      content,
      contentType,
    })),
    list: unsubscribe ? { unsubscribe: { url: unsubscribe, comment: "Unsubscribe" } } : undefined,
    headers: unsubscribe ? { "List-Unsubscribe-Post": ONE_CLICK } : undefined,
    // All content arrives as strings and buffers: message data never makes nodemailer read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export function createSmtpAdapter(config: SmtpConfig & { password?: string }): ChannelAdapter {
  const transport = nodemailer.createTransport({
    pool: true,
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    maxConnections: config.connections,
    // A fresh session now and then: many servers cap the messages of one session.
    maxMessages: 500,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    tls: { rejectUnauthorized: !config.allowSelfSigned },
  });
  const secrets = secretForms(config.user, config.password);
  return {
    channel: "email",
    provider: "smtp",
    concurrency: config.connections,
    async send(message) {
      try {
        const info = await transport.sendMail(composeEmail(config, message));
        return { status: "sent", providerId: info.serverMessageId ?? queueId(info.response) };
      } catch (error) {
        const { status, zh, en, detail } = explain(error, secrets);
        return { status, reason: `${zh}：${detail} / ${en}: ${detail}` };
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (error) {
        const { zh, en, detail } = explain(error, secrets);
        const server = `${config.host}:${config.port}`;
        throw new Error(`${zh}（${server}）：${detail} / ${en} (${server}): ${detail}`);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** The queue id in a final reply such as Postfix's "250 2.0.0 Ok: queued as 4Xy7Zk1N2pz". */
function queueId(response: string | undefined): string | undefined {
  return response?.match(/queued as ([^\s;,]+)/i)?.[1];
}

interface Explanation {
  status: Failure["status"];
  zh: string;
  en: string;
  /** The server's reply, or what went wrong on the way to it; never a credential. */
  detail: string;
}

function explain(error: unknown, secrets: readonly string[]): Explanation {
  const e = toNodemailerError(error);
  return { ...verdict(e), detail: redact(describe(e), secrets) };
}

function toNodemailerError(error: unknown): NodemailerError {
  return error instanceof Error ? error : new Error(String(error));
}

function verdict(e: NodemailerError): Omit<Explanation, "detail"> {
  const code = e.code ?? "";
  // A 4xx reply (and 421, 503) at any step: the server asks to come back later.
  if (e.responseCode && !e.permanent)
    return { status: "retry", zh: "服务器暂时拒收", en: "Temporarily refused by the server" };
  if (code === "EAUTH" || code === "ENOAUTH" || code === "EOAUTH2")
    return {
      status: "failed",
      zh: "SMTP 登录失败，请检查用户名和密码",
      en: "SMTP login failed, check the user name and password",
    };
  if (isRecipientRefused(e)) return { status: "bounced", zh: "收件人地址被拒收", en: "Recipient refused" };
  if (code === "EENVELOPE" && (e.command === "MAIL FROM" || /sender/i.test(e.message)))
    return { status: "failed", zh: "发件人地址被拒绝", en: "Sender refused" };
  if (isCertificateError(e))
    return {
      status: "failed",
      zh: "服务器证书未通过校验（单位自建的服务器可允许自签名证书）",
      en: "The server's certificate was not accepted (allow self-signed for an office's own relay)",
    };
  if (e.responseCode || PERMANENT_CODES.has(code))
    return { status: "failed", zh: "邮件被服务器拒绝", en: "Message refused by the server" };
  // Lost, timed out or never connected before the server took the message: sending again is safe.
  return {
    status: "retry",
    zh: "无法连接 SMTP 服务器或连接中断",
    en: "Could not reach the SMTP server, or the connection dropped",
  };
}

/** Errors without a server reply that sending the same message again will not mend. */
const PERMANENT_CODES = new Set([
  "ECONFIG",
  "EENVELOPE",
  "EMESSAGE",
  "ESTREAM",
  "EMAXRECIPIENTS",
  "EREQUIRETLS",
  "EFILEACCESS",
  "EURLACCESS",
]);

/**
 * The one recipient's address was refused: a 5xx to RCPT TO, an address nodemailer cannot put in an
 * envelope, or a late 5xx after DATA whose enhanced status is 5.1.x (bad destination mailbox).
 */
function isRecipientRefused(e: NodemailerError): boolean {
  if (e.code === "EENVELOPE")
    return e.command === "RCPT TO" || (e.command === "API" && /recipient/i.test(e.message));
  return e.code === "EMESSAGE" && e.command === "DATA" && /^5\d\d[ -]5\.1\.\d/.test(e.response ?? "");
}

function isCertificateError(e: NodemailerError): boolean {
  return /CERT|SELF_SIGNED|certificate/i.test(`${e.originalCode ?? ""} ${e.message}`);
}

function describe(e: NodemailerError): string {
  const text = e.response || `${e.code ? `${e.code} ` : ""}${e.message}`;
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_DETAIL);
}

/** The password as it could come back in a reply: plain, or base64 as AUTH LOGIN and AUTH PLAIN send it. */
function secretForms(user: string | undefined, password: string | undefined): string[] {
  if (!password) return [];
  const base64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
  return [`\0${user ?? ""}\0${password}`, password].map(base64).concat(password);
}

function redact(text: string, secrets: readonly string[]): string {
  // A very short password would turn ordinary text into asterisks; such a server reply is unlikely anyway.
  return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("***"), text);
}
