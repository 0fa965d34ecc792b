// 阿里云短信服务 (Dysmsapi) SendSms: the RPC-style API, version 2017-05-25, signed with HMAC-SHA1 as
// Alibaba Cloud's "signature mechanism" (签名机制) describes it. The parameters go form-encoded in a POST
// body; the signature covers every parameter but Signature itself, sorted by name.
import { createHmac, randomUUID } from "node:crypto";
import type { AliyunSmsConfig } from "../config.ts";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "../types.ts";
import { networkRetry, readJson, uncodedReply } from "./reply.ts";

const VERSION = "2017-05-25";
const TIMEOUT_MS = 15_000;

export interface AliyunSmsOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
}

/**
 * RFC 3986 percent-encoding as the docs define it: only A-Z a-z 0-9 - _ . ~ stay as they are, a space is
 * %20. encodeURIComponent also keeps ! ' ( ) *, so those are encoded here.
 */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)) over the sorted parameters. */
export function signAliyun(method: "GET" | "POST", params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== "Signature")
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key]!)}`)
    .join("&");
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(stringToSign, "utf8").digest("base64");
}

/** ISO 8601 in UTC without milliseconds: 2017-07-12T02:42:19Z. */
const timestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The template's parameters: the notice's own, or the whole text in the one parameter the office named. */
function templateParam(message: OutgoingMessage, contentParam: string): string {
  const params = message.smsParams;
  return JSON.stringify(params && Object.keys(params).length > 0 ? params : { [contentParam]: message.text });
}

// Provider messages may echo the number; reasons never carry it (they are shown to staff and kept).
const hideNumbers = (text: string) => text.replace(/\+?\d{7,}/g, "***");

const THROTTLED = /^(isv\.BUSINESS_LIMIT_CONTROL|Throttling(\..+)?|isp\.SYSTEM_ERROR|ServiceUnavailable)$/;

interface AliyunReply {
  Code?: string;
  Message?: string;
  BizId?: string;
}

/** Code "OK" → sent; rate limits and the platform's own errors → retry; a refused number → bounced. */
function aliyunOutcome(status: number, reply: AliyunReply | null): SendOutcome {
  const code = reply?.Code;
  if (code === "OK") return { status: "sent", providerId: reply?.BizId };
  const detail = code ? hideNumbers(`${code}: ${reply?.Message ?? ""}`.trim()) : `HTTP ${status}`;
  if (code && THROTTLED.test(code))
    return {
      status: "retry",
      reason: `发送频率超限或服务繁忙 / Rate limited or busy at the provider (${detail})`,
    };
  if (status >= 500 || status === 429)
    return { status: "retry", reason: `短信平台暂时不可用 / The SMS provider is unavailable (${detail})` };
  if (code === "isv.MOBILE_NUMBER_ILLEGAL")
    return { status: "bounced", reason: `手机号码无效 / Not a valid mobile number (${detail})` };
  if (!code) return uncodedReply(status, detail);
  return { status: "failed", reason: `短信平台拒绝发送 / The SMS provider refused the message (${detail})` };
}

export function createAliyunSmsAdapter(
  config: AliyunSmsConfig & { accessKeySecret: string },
  options: AliyunSmsOptions = {},
): ChannelAdapter {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? randomUUID;
  const url = new URL("/", config.endpoint);

  /** One signed RPC call: the common parameters, the action's own, the signature; POSTed as a form. */
  async function call(action: string, params: Record<string, string>): Promise<Response> {
    const all: Record<string, string> = {
      AccessKeyId: config.accessKeyId,
      Action: action,
      Format: "JSON",
      RegionId: "cn-hangzhou",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: nonce(),
      SignatureVersion: "1.0",
      Timestamp: timestamp(now()),
      Version: VERSION,
      ...params,
    };
    all.Signature = signAliyun("POST", all, config.accessKeySecret);
    const body = Object.entries(all)
      .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
      .join("&");
    return doFetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        Accept: "application/json",
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  return {
    channel: "sms",
    provider: "aliyun",
    concurrency: 4,

    async send(message) {
      if (!/^1\d{10}$/.test(message.to))
        return { status: "bounced", reason: "手机号码无效 / Not a valid mobile number" };
      let response: Response;
      try {
        response = await call("SendSms", {
          PhoneNumbers: message.to,
          SignName: config.signName,
          TemplateCode: config.templateCode,
          TemplateParam: templateParam(message, config.contentParam),
          // Shows in Aliyun's delivery reports, so a receipt finds its queue row.
          OutId: String(message.id),
        });
      } catch (error) {
        return networkRetry(error);
      }
      return aliyunOutcome(response.status, await readJson<AliyunReply>(response));
    },

    /** Checks the key and the template without sending: QuerySmsTemplate answers OK for an approved one. */
    async verify() {
      const response = await call("QuerySmsTemplate", { TemplateCode: config.templateCode });
      const reply = await readJson<AliyunReply & { TemplateStatus?: number }>(response);
      if (reply?.Code !== "OK")
        throw new Error(
          `阿里云短信配置无效 / The Aliyun SMS settings do not work: ${reply?.Code ?? `HTTP ${response.status}`} ${reply?.Message ?? ""}`.trim(),
        );
      // 0 under review, 1 approved, 2 rejected.
      if (reply.TemplateStatus !== undefined && reply.TemplateStatus !== 1)
        throw new Error(`短信模板未通过审核 / The SMS template is not approved (${config.templateCode})`);
    },
  };
}
