// Each provider's settings, as staff enter them in the console (通知渠道设置) and the API takes them.
// Secrets (passwords, access keys) are sealed before they are stored (app/notify/channels.server.ts) and
// never sent back to the browser. One zod schema per provider; `provider` tells them apart.
import { z } from "zod";

const text = (max = 200) => z.string().trim().max(max);
const secret = z.string().max(500).optional().describe("留空则保持原值 / Leave empty to keep the stored one");
const httpsUrl = z
  .string()
  .trim()
  .url("请填写完整的网址 / Type a full URL")
  .refine((u) => /^https?:\/\//.test(u), "网址以 http:// 或 https:// 开头 / A URL starts with http(s)://");

export const smtpConfigSchema = z.object({
  provider: z.literal("smtp"),
  host: text().min(1, "请填写 SMTP 服务器 / Type the SMTP host"),
  port: z.coerce.number().int().min(1).max(65535).default(587),
  /** "tls": TLS from the first byte (465); "starttls": upgrade required (587); "none": plain (a local relay). */
  security: z.enum(["tls", "starttls", "none"]).default("starttls"),
  user: text().optional(),
  password: secret,
  /** `金融街街道办事处 <notice@jrj.gov.cn>` or just the address. */
  from: text(200).min(3, "请填写发件人 / Type the sender"),
  replyTo: text(200).optional(),
  /** Connections of the pool (nodemailer `maxConnections`). */
  connections: z.coerce.number().int().min(1).max(20).default(5),
  /** Accept a self-signed certificate of an office's own relay. */
  allowSelfSigned: z.coerce.boolean().default(false),
});
export type SmtpConfig = z.infer<typeof smtpConfigSchema>;

/** 阿里云短信服务 Dysmsapi SendSms (RPC API, signature method HMAC-SHA1, version 2017-05-25). */
export const aliyunSmsConfigSchema = z.object({
  provider: z.literal("aliyun"),
  accessKeyId: text(100).min(1, "请填写 AccessKey ID / Type the AccessKey ID"),
  accessKeySecret: secret,
  signName: text(30).min(1, "请填写短信签名 / Type the SMS signature 签名"),
  templateCode: text(50).min(1, "请填写模板代码 / Type the template code"),
  /** The template parameter that takes the whole text when a notice names no parameters. */
  contentParam: text(30).default("content"),
  endpoint: httpsUrl.default("https://dysmsapi.aliyuncs.com"),
});
export type AliyunSmsConfig = z.infer<typeof aliyunSmsConfigSchema>;

/** 腾讯云短信 SendSms (API 3.0, TC3-HMAC-SHA256, version 2021-01-11). */
export const tencentSmsConfigSchema = z.object({
  provider: z.literal("tencent"),
  secretId: text(100).min(1, "请填写 SecretId / Type the SecretId"),
  secretKey: secret,
  sdkAppId: text(30).min(1, "请填写 SdkAppId / Type the SdkAppId"),
  signName: text(30).min(1, "请填写短信签名 / Type the SMS signature 签名"),
  templateId: text(30).min(1, "请填写模板 ID / Type the template ID"),
  region: text(30).default("ap-guangzhou"),
  endpoint: httpsUrl.default("https://sms.tencentcloudapi.com"),
});
export type TencentSmsConfig = z.infer<typeof tencentSmsConfigSchema>;

/**
 * A generic HTTP gateway (SMS or fax): a JSON POST `{id, to, text, subject, params}` to `url`, signed with
 * HMAC-SHA256 over `timestamp + "\n" + body` in `X-Linli-Signature` when a secret is set.
 */
export const httpGatewayConfigSchema = z.object({
  provider: z.literal("http"),
  url: httpsUrl,
  secret,
  /** A bearer token some gateways want instead of (or besides) a signature. */
  token: secret,
});
export type HttpGatewayConfig = z.infer<typeof httpGatewayConfigSchema>;

/** Email-to-fax: a mail to `<number>@<domain>` (or the address pattern) with the page as a PDF, through SMTP. */
export const emailFaxConfigSchema = z.object({
  provider: z.literal("email-fax"),
  /** `{number}@fax.example.com`: where {number} is the fax number, digits only. */
  addressPattern: text(200)
    .min(3)
    .refine(
      (p) => p.includes("{number}") && p.includes("@"),
      "格式如 {number}@fax.example.com / Like {number}@fax.example.com",
    ),
});
export type EmailFaxConfig = z.infer<typeof emailFaxConfigSchema>;

/** Nothing configured: the message lands in the outbox staff can read (email also as an .eml file). */
export const outboxConfigSchema = z.object({ provider: z.literal("outbox") });

export const channelConfigSchemas = {
  email: z.discriminatedUnion("provider", [smtpConfigSchema, outboxConfigSchema]),
  sms: z.discriminatedUnion("provider", [
    aliyunSmsConfigSchema,
    tencentSmsConfigSchema,
    httpGatewayConfigSchema,
    outboxConfigSchema,
  ]),
  fax: z.discriminatedUnion("provider", [emailFaxConfigSchema, httpGatewayConfigSchema, outboxConfigSchema]),
} as const;

export type EmailConfig = z.infer<(typeof channelConfigSchemas)["email"]>;
export type SmsConfig = z.infer<(typeof channelConfigSchemas)["sms"]>;
export type FaxConfig = z.infer<(typeof channelConfigSchemas)["fax"]>;

/** The keys of a provider's settings that are secrets (sealed at rest, never shown). */
export const SECRET_KEYS = ["password", "accessKeySecret", "secretKey", "secret", "token"] as const;
