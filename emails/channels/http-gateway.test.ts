// The HTTP gateway adapter against a local server that plays an office's own gateway: it checks the
// signature as the format comment in http-gateway.ts documents it (HMAC-SHA256 over timestamp "\n" body,
// computed here, not taken from the adapter) and answers each way a gateway may.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHttpGatewayAdapter, verifyGatewaySignature } from "./http-gateway.ts";
import type { OutgoingMessage, SendOutcome } from "./types.ts";

const NOW = new Date("2026-03-01T08:30:00Z");
const UNIX = String(NOW.getTime() / 1000);
const SECRET = "gateway-shared-secret";
const TOKEN = "gateway-bearer-token";
const NUMBER = "13800138000";

function message(over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: 4711,
    campaignId: 12,
    channel: "sms",
    to: NUMBER,
    subject: "停水通知",
    text: "3月2日9:00至17:00停水，请提前储水。",
    html: null,
    smsParams: { name: "张伟" },
    messageId: "<n4711.c12@linli.local>",
    ...over,
  };
}

interface Seen {
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  signatureOk: boolean;
}
type Answer = { status: number; body?: string } | "hang-up" | "never";
let answer: (seen: Seen) => Answer = () => ({ status: 500 });
const seen: Seen[] = [];
let server: http.Server;
let url = "";

const documentedSignature = (secret: string, timestamp: string, raw: Buffer) =>
  `sha256=${createHmac("sha256", secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}\n`), raw]))
    .digest("hex")}`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const timestamp = String(req.headers["x-linli-timestamp"]);
      const request = {
        headers: req.headers,
        raw,
        signatureOk: req.headers["x-linli-signature"] === documentedSignature(SECRET, timestamp, raw),
      };
      seen.push(request);
      const reply = answer(request);
      if (reply === "never") return;
      if (reply === "hang-up") {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { "Content-Type": "application/json" }).end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/linli/send`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen.length = 0;
});

const gateway = (channel: "sms" | "fax" = "sms", over: { secret?: string; token?: string } = {}) =>
  createHttpGatewayAdapter(
    channel,
    { provider: "http", url, secret: SECRET, token: TOKEN, ...over },
    { now: () => NOW, timeoutMs: 300 },
  );
const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

/** A gateway that checks the signature first, as the format comment asks. */
const checked =
  (reply: (body: any) => Answer) =>
  (request: Seen): Answer =>
    request.signatureOk ? reply(JSON.parse(request.raw.toString())) : json(401, { error: "bad_signature" });

function expectNoNumber(outcome: SendOutcome) {
  expect(JSON.stringify(outcome)).not.toContain(NUMBER);
}

describe("HTTP gateway", () => {
  it("posts the documented JSON, signed, with the idempotency key and the bearer token; 2xx is sent", async () => {
    answer = checked(() => json(200, { id: "gw-20260301-0001" }));
    expect(await gateway().send(message())).toEqual({ status: "sent", providerId: "gw-20260301-0001" });
    const request = seen[0]!;
    expect(request.signatureOk).toBe(true);
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "idempotency-key": "linli-4711",
      "x-linli-timestamp": UNIX,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(JSON.parse(request.raw.toString())).toEqual({
      id: 4711,
      campaign: 12,
      channel: "sms",
      to: NUMBER,
      subject: "停水通知",
      text: "3月2日9:00至17:00停水，请提前储水。",
      params: { name: "张伟" },
    });
  });

  it("a 2xx without a JSON id is sent without a provider id; a numeric id is kept as text", async () => {
    answer = checked(() => ({ status: 202 }));
    expect(await gateway().send(message())).toEqual({ status: "sent", providerId: undefined });
    answer = checked(() => json(201, { id: 98765 }));
    expect(await gateway().send(message())).toEqual({ status: "sent", providerId: "98765" });
  });

  it("a fax carries its attachments as base64", async () => {
    answer = checked(() => json(200, { id: "f1" }));
    const pdf = Buffer.from("%PDF-1.4 fax page");
    await gateway("fax").send(
      message({
        channel: "fax",
        to: "01066012345",
        smsParams: undefined,
        attachments: [{ filename: "fax-4711.pdf", content: pdf, contentType: "application/pdf" }],
      }),
    );
    const body = JSON.parse(seen[0]!.raw.toString());
    expect(body).toMatchObject({ channel: "fax", to: "01066012345", params: {} });
    expect(body.attachments).toEqual([
      { filename: "fax-4711.pdf", contentType: "application/pdf", base64: pdf.toString("base64") },
    ]);
  });

  it("sends neither signature nor Authorization when no secret or token is set", async () => {
    answer = () => json(200, {});
    await gateway("sms", { secret: "", token: "" }).send(message());
    expect(seen[0]!.headers["x-linli-signature"]).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers["idempotency-key"]).toBe("linli-4711");
  });

  it("a wrong secret is refused by the gateway's check and fails", async () => {
    answer = checked(() => json(200, { id: "x" }));
    expect(await gateway("sms", { secret: "not-the-secret" }).send(message())).toEqual({
      status: "failed",
      reason: "网关拒绝发送 / The gateway refused the message (HTTP 401 bad_signature)",
    });
  });

  it("429 and 5xx are retried", async () => {
    answer = checked(() => json(429, { error: "rate_limited" }));
    expect(await gateway().send(message())).toMatchObject({
      status: "retry",
      reason: expect.stringContaining("429"),
    });
    answer = checked(() => ({ status: 503, body: "<html>maintenance</html>" }));
    expect(await gateway().send(message())).toMatchObject({
      status: "retry",
      reason: expect.stringContaining("503"),
    });
  });

  it.each([400, 404, 422])("%i invalid_recipient bounces, without the number in the reason", async (code) => {
    answer = checked((body) =>
      json(code, { error: "invalid_recipient", message: `no such number ${body.to}` }),
    );
    const outcome = await gateway().send(message());
    expect(outcome).toMatchObject({
      status: "bounced",
      reason: expect.stringContaining("invalid_recipient"),
    });
    expectNoNumber(outcome);
  });

  it("other refusals fail, saying the gateway's error", async () => {
    answer = checked(() => json(422, { error: "template_refused", message: "内容含敏感词" }));
    expect(await gateway().send(message())).toEqual({
      status: "failed",
      reason: "网关拒绝发送 / The gateway refused the message (HTTP 422 template_refused: 内容含敏感词)",
    });
    answer = checked(() => ({ status: 400, body: "Bad Request" }));
    expect((await gateway().send(message())).status).toBe("failed");
  });

  it("no answer in time and a lost connection are retried", async () => {
    answer = () => "never";
    expect(await gateway().send(message())).toEqual({
      status: "retry",
      reason: "网关无应答 / No answer from the gateway in time",
    });
    answer = () => "hang-up";
    const lost = await gateway().send(message());
    expect(lost).toMatchObject({
      status: "retry",
      reason: expect.stringContaining("Could not reach the gateway"),
    });
    expectNoNumber(lost);
  });
});

describe("verifyGatewaySignature", () => {
  const body = Buffer.from('{"id":1,"text":"停水通知"}');
  const header = documentedSignature(SECRET, UNIX, body);

  it("accepts the documented signature over the raw body, as a Buffer or a string", () => {
    expect(verifyGatewaySignature(SECRET, UNIX, body, header)).toBe(true);
    expect(verifyGatewaySignature(SECRET, UNIX, body.toString(), header)).toBe(true);
  });

  it("refuses another body, timestamp or secret, and malformed headers", () => {
    expect(verifyGatewaySignature(SECRET, UNIX, '{"id":2,"text":"停水通知"}', header)).toBe(false);
    expect(verifyGatewaySignature(SECRET, String(Number(UNIX) + 1), body, header)).toBe(false);
    expect(verifyGatewaySignature("other", UNIX, body, header)).toBe(false);
    expect(verifyGatewaySignature(SECRET, UNIX, body, header.slice("sha256=".length))).toBe(false);
    expect(verifyGatewaySignature(SECRET, UNIX, body, "")).toBe(false);
    expect(verifyGatewaySignature(SECRET, UNIX, body, `${header}0`)).toBe(false);
  });

  it("accepts what the adapter sends", async () => {
    answer = () => json(200, {});
    await gateway().send(message());
    const request = seen[0]!;
    expect(
      verifyGatewaySignature(
        SECRET,
        String(request.headers["x-linli-timestamp"]),
        request.raw,
        String(request.headers["x-linli-signature"]),
      ),
    ).toBe(true);
  });
});
