// 腾讯云短信 SendSms: TencentCloud API 3.0, version 2021-01-11, a JSON POST signed with TC3-HMAC-SHA256 as
// "签名方法 v3" describes it: a canonical request (method, URI, query, the signed headers, the body's
// SHA-256), a string to sign under the credential scope <date>/sms/tc3_request, and a signing key derived
// from the SecretKey through the date and the service.
import { createHash, createHmac } from "node:crypto";
import type { TencentSmsConfig } from "../config.ts";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "../types.ts";
import { networkRetry, readJson, uncodedReply } from "./reply.ts";

const SERVICE = "sms";
const VERSION = "2021-01-11";
const ALGORITHM = "TC3-HMAC-SHA256";
const CONTENT_TYPE = "application/json; charset=utf-8";
const TIMEOUT_MS = 15_000;

export interface TencentSmsOptions {
  fetch?: typeof fetch;
  now?: () => Date;
}

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text, "utf8").digest();

/**
 * The canonical request of a POST to "/" without a query. Header names and values are lower-cased and
 * trimmed, sorted by name; each line ends with "\n", and SignedHeaders lists the names joined by ";".
 */
export function tc3CanonicalRequest(headers: Record<string, string>, payload: string) {
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const value = (name: string) =>
    Object.entries(headers)
      .find(([key]) => key.toLowerCase() === name)![1]
      .trim()
      .toLowerCase();
  const canonicalHeaders = names.map((name) => `${name}:${value(name)}\n`).join("");
  const signedHeaders = names.join(";");
  return {
    signedHeaders,
    canonicalRequest: ["POST", "/", "", canonicalHeaders, signedHeaders, sha256Hex(payload)].join("\n"),
  };
}

/** The hex signature of a canonical request at a unix time: the date in the scope is that time's UTC date. */
export function tc3Signature(input: {
  secretKey: string;
  service: string;
  timestamp: number;
  canonicalRequest: string;
}): { signature: string; credentialScope: string } {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [ALGORITHM, input.timestamp, credentialScope, sha256Hex(input.canonicalRequest)].join(
    "\n",
  );
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, "tc3_request");
  return { signature: hmac(secretSigning, stringToSign).toString("hex"), credentialScope };
}

/** Template parameters are positional ({1}, {2} …): the notice's values in key order, numerically. */
function templateParams(message: OutgoingMessage): string[] {
  const params = message.smsParams;
  if (!params || Object.keys(params).length === 0) return [message.text];
  return Object.keys(params)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((key) => params[key]!);
}

// Provider messages may echo the number; reasons never carry it (they are shown to staff and kept).
const hideNumbers = (text: string) => text.replace(/\+?\d{7,}/g, "***");

// InternalError.SigVerificationFail and its like are not passing: only these internal errors are.
const PASSING =
  /^(LimitExceeded|RequestLimitExceeded)(\..+)?$|^InternalError(\.(Timeout|OtherError|SendAndRecvFail))?$/;
const REFUSED_NUMBER = new Set([
  "InvalidParameterValue.IncorrectPhoneNumber",
  "FailedOperation.PhoneNumberInBlacklist",
]);

interface TencentReply {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[];
  };
}

/** The request's own error, else the one number's status: "Ok" → sent; limits → retry; a refused number → bounced. */
function tencentOutcome(status: number, reply: TencentReply | null): SendOutcome {
  const result = reply?.Response?.Error ?? reply?.Response?.SendStatusSet?.[0];
  const code = result?.Code;
  if (code === "Ok") return { status: "sent", providerId: reply?.Response?.SendStatusSet?.[0]?.SerialNo };
  const detail = code ? hideNumbers(`${code}: ${result?.Message ?? ""}`.trim()) : `HTTP ${status}`;
  if (code && PASSING.test(code))
    return {
      status: "retry",
      reason: `发送频率超限或服务繁忙 / Rate limited or busy at the provider (${detail})`,
    };
  if (status >= 500 || status === 429)
    return { status: "retry", reason: `短信平台暂时不可用 / The SMS provider is unavailable (${detail})` };
  if (code && REFUSED_NUMBER.has(code))
    return {
      status: "bounced",
      reason: `手机号码无效或拒收 / The number is invalid or refuses messages (${detail})`,
    };
  if (!code) return uncodedReply(status, detail);
  return { status: "failed", reason: `短信平台拒绝发送 / The SMS provider refused the message (${detail})` };
}

export function createTencentSmsAdapter(
  config: TencentSmsConfig & { secretKey: string },
  options: TencentSmsOptions = {},
): ChannelAdapter {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const url = new URL("/", config.endpoint);

  /** One signed call; Host is signed as fetch will send it (with the port, when the endpoint has one). */
  async function call(action: string, body: unknown): Promise<Response> {
    const payload = JSON.stringify(body);
    const timestamp = Math.floor(now().getTime() / 1000);
    const signed = { "Content-Type": CONTENT_TYPE, Host: url.host, "X-TC-Action": action };
    const { canonicalRequest, signedHeaders } = tc3CanonicalRequest(signed, payload);
    const { signature, credentialScope } = tc3Signature({
      secretKey: config.secretKey,
      service: SERVICE,
      timestamp,
      canonicalRequest,
    });
    return doFetch(url, {
      method: "POST",
      headers: {
        "Content-Type": CONTENT_TYPE,
        "X-TC-Action": action,
        "X-TC-Version": VERSION,
        "X-TC-Timestamp": String(timestamp),
        "X-TC-Region": config.region,
        Authorization: `${ALGORITHM} Credential=${config.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      },
      body: payload,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  return {
    channel: "sms",
    provider: "tencent",
    concurrency: 4,

    async send(message) {
      if (!/^1\d{10}$/.test(message.to))
        return { status: "bounced", reason: "手机号码无效 / Not a valid mobile number" };
      let response: Response;
      try {
        response = await call("SendSms", {
          PhoneNumberSet: [`+86${message.to}`],
          SmsSdkAppId: config.sdkAppId,
          SignName: config.signName,
          TemplateId: config.templateId,
          TemplateParamSet: templateParams(message),
          // Tencent hands it back in receipts, so a receipt finds its queue row.
          SessionContext: String(message.id),
        });
      } catch (error) {
        return networkRetry(error);
      }
      return tencentOutcome(response.status, await readJson<TencentReply>(response));
    },

    /** Checks the key and the template without sending: DescribeSmsTemplateList finds an approved one. */
    async verify() {
      const response = await call("DescribeSmsTemplateList", {
        International: 0,
        TemplateIdSet: [Number(config.templateId)],
      });
      const reply = await readJson<{
        Response?: {
          Error?: { Code?: string; Message?: string };
          DescribeTemplateStatusSet?: { StatusCode?: number }[];
        };
      }>(response);
      const error = reply?.Response?.Error;
      if (!reply?.Response || error)
        throw new Error(
          `腾讯云短信配置无效 / The Tencent SMS settings do not work: ${error?.Code ?? `HTTP ${response.status}`} ${error?.Message ?? ""}`.trim(),
        );
      // 0 approved, 1 under review, -1 rejected.
      const template = reply.Response.DescribeTemplateStatusSet?.[0];
      if (template?.StatusCode !== 0)
        throw new Error(
          `短信模板不存在或未通过审核 / The SMS template is missing or not approved (${config.templateId})`,
        );
    },
  };
}
