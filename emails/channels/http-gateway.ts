// A generic HTTP gateway for SMS or fax: an office that has its own SMS platform, a carrier's interface or
// a fax server puts a small web service in front of it and Linli posts each message there.
//
// The request, one per message:
//
//   POST <url>
//   Content-Type: application/json
//   Idempotency-Key: linli-<id>           the same on every retry of one message: send it once only
//   X-Linli-Timestamp: 1767225600         unix seconds when the request was made
//   X-Linli-Signature: sha256=<hex>       when a secret is set: HMAC-SHA256(secret, timestamp + "\n" + body)
//   Authorization: Bearer <token>         when a token is set
//
//   { "id": 123, "campaign": 45, "channel": "sms" | "fax", "to": "13800138000",
//     "subject": "…", "text": "…", "params": { "name": "张伟" },
//     "attachments": [{ "filename": "fax-123.pdf", "contentType": "application/pdf", "base64": "…" }] }
//
// (attachments for fax only). The signature covers the raw body bytes exactly as received: check it before
// parsing, with verifyGatewaySignature below, and refuse a timestamp more than five minutes old so a
// recorded request cannot be replayed.
//
// The answer:
//   2xx                                 accepted; a JSON body's "id" is kept as the provider's id;
//   429 or 5xx                          try again later (so does a lost connection, or no answer in 15 s);
//   400/404/422 {"error": "invalid_recipient"}   the number is not valid: not tried again;
//   any other 4xx, e.g. {"error": "template_refused", "message": "…"}   failed, not tried again.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { HttpGatewayConfig } from "./config.ts";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "./types.ts";

const TIMEOUT_MS = 15_000;

export interface HttpGatewayOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** 15 s unless a test wants less. */
  timeoutMs?: number;
}

const signatureOf = (secret: string, timestamp: string, rawBody: string | Buffer) =>
  createHmac("sha256", secret).update(`${timestamp}\n`).update(rawBody).digest("hex");

/** Whether an X-Linli-Signature header is right for the timestamp and the raw body (constant time). */
export function verifyGatewaySignature(
  secret: string,
  timestamp: string,
  rawBody: string | Buffer,
  header: string,
): boolean {
  const expected = Buffer.from(`sha256=${signatureOf(secret, timestamp, rawBody)}`);
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function requestBody(message: OutgoingMessage, channel: "sms" | "fax"): string {
  return JSON.stringify({
    id: message.id,
    campaign: message.campaignId,
    channel,
    to: message.to,
    subject: message.subject,
    text: message.text,
    params: message.smsParams ?? {},
    ...(channel === "fax"
      ? {
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            base64: a.content.toString("base64"),
          })),
        }
      : {}),
  });
}

// A gateway's message may echo the number; reasons never carry it (they are shown to staff and kept).
const hideNumbers = (text: string) => text.replace(/\+?\d{7,}/g, "***");

interface GatewayReply {
  id?: unknown;
  error?: unknown;
  message?: unknown;
}

function parseReply(text: string): GatewayReply | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as GatewayReply) : null;
  } catch {
    return null;
  }
}

function gatewayOutcome(status: number, reply: GatewayReply | null): SendOutcome {
  if (status >= 200 && status < 300) {
    const id = reply?.id;
    return {
      status: "sent",
      providerId: typeof id === "string" || typeof id === "number" ? String(id) : undefined,
    };
  }
  const error = typeof reply?.error === "string" ? reply.error : "";
  const said = [error, typeof reply?.message === "string" ? reply.message : ""].filter(Boolean).join(": ");
  const detail = hideNumbers(said ? `HTTP ${status} ${said}` : `HTTP ${status}`);
  if (status === 429)
    return { status: "retry", reason: `发送频率超限 / Rate limited by the gateway (${detail})` };
  if (status >= 500)
    return { status: "retry", reason: `网关暂时不可用 / The gateway is unavailable (${detail})` };
  if (error === "invalid_recipient" && [400, 404, 422].includes(status))
    return { status: "bounced", reason: `号码无效 / Not a valid number (${detail})` };
  return { status: "failed", reason: `网关拒绝发送 / The gateway refused the message (${detail})` };
}

function networkRetry(error: unknown): SendOutcome {
  if (error instanceof Error && error.name === "TimeoutError")
    return { status: "retry", reason: "网关无应答 / No answer from the gateway in time" };
  // fetch's own "fetch failed" says little; its cause names the socket error (ECONNREFUSED …).
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const what = error instanceof Error ? `${error.message}${cause}` : String(error);
  return { status: "retry", reason: `连接网关失败 / Could not reach the gateway (${what})` };
}

export function createHttpGatewayAdapter(
  channel: "sms" | "fax",
  config: HttpGatewayConfig & { secret?: string; token?: string },
  options: HttpGatewayOptions = {},
): ChannelAdapter {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;

  return {
    channel,
    provider: "http",
    concurrency: 4,

    async send(message) {
      const body = requestBody(message, channel);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const headers: Record<string, string> = {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Idempotency-Key": `linli-${message.id}`,
        "X-Linli-Timestamp": timestamp,
      };
      if (config.secret)
        headers["X-Linli-Signature"] = `sha256=${signatureOf(config.secret, timestamp, body)}`;
      if (config.token) headers.Authorization = `Bearer ${config.token}`;
      try {
        const response = await doFetch(config.url, {
          method: "POST",
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        // The body is read under the same timeout: a gateway that stalls mid-answer is retried too.
        return gatewayOutcome(response.status, parseReply(await response.text()));
      } catch (error) {
        return networkRetry(error);
      }
    },
  };
}
