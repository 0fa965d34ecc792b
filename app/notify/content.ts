// The content of a mass notice: one subject and text for every channel, an optional HTML part for email,
// an optional short text (and template parameters) for SMS. Merge fields are mustache tags ({{姓名}}).
// Pure and isomorphic: the compose page counts SMS length and lists the fields used while staff type.
import Mustache, { type TemplateSpans } from "mustache";
import { z } from "zod";

const part = (max: number, zh: string, en: string) =>
  z
    .string({ error: `请填写${zh} / Type the ${en}` })
    .max(max, `${zh}最多 ${max} 个字符 / The ${en} takes at most ${max} characters`);

export const SMS_PARAMS_MAX = 10;

export const campaignContentSchema = z.object({
  subject: part(200, "标题", "subject"),
  text: part(20_000, "正文", "text"),
  html: part(100_000, "HTML 正文", "HTML part").optional(),
  sms: part(500, "短信正文", "SMS text").optional(),
  /** For SMS platforms that send registered templates only: parameter name → its (merge) text. */
  smsParams: z
    .record(
      z
        .string()
        .regex(
          /^[A-Za-z0-9_]{1,32}$/,
          "短信模板参数名只能由字母、数字和下划线组成 / A template parameter name takes letters, digits and _",
        ),
      part(500, "短信模板参数", "SMS template parameter"),
    )
    .refine(
      (params) => Object.keys(params).length <= SMS_PARAMS_MAX,
      `短信模板参数最多 ${SMS_PARAMS_MAX} 个 / At most ${SMS_PARAMS_MAX} SMS template parameters`,
    )
    .optional(),
});
export type CampaignContent = z.infer<typeof campaignContentSchema>;

/** A part of the content that holds a template: "subject", "sms", "smsParams.code" … */
export interface ContentPart {
  key: string;
  /** How messages name it, Chinese and English: 短信正文 / the SMS text. */
  zh: string;
  en: string;
  source: string;
}

/** The parts the content has, in the order messages name them. */
export function contentParts(content: CampaignContent): ContentPart[] {
  const parts: ContentPart[] = [
    { key: "subject", zh: "标题", en: "the subject", source: content.subject },
    { key: "text", zh: "正文", en: "the text", source: content.text },
  ];
  if (content.html !== undefined)
    parts.push({ key: "html", zh: "HTML 正文", en: "the HTML part", source: content.html });
  if (content.sms !== undefined)
    parts.push({ key: "sms", zh: "短信正文", en: "the SMS text", source: content.sms });
  for (const [name, source] of Object.entries(content.smsParams ?? {}))
    parts.push({
      key: `smsParams.${name}`,
      zh: `短信模板参数 ${name}`,
      en: `the SMS template parameter ${name}`,
      source,
    });
  return parts;
}

/**
 * Parses one template; throws mustache's error when it does not parse. A fresh writer each time, so
 * templates typed keystroke by keystroke do not pile up in mustache's global cache.
 */
export function parseTemplate(source: string): TemplateSpans {
  return new Mustache.Writer().parse(source) as TemplateSpans;
}

/** Names the tags of parsed spans look up, sections' contents included ("." — a section's own value — is not a name). */
export function spanNames(spans: TemplateSpans, into = new Set<string>()): Set<string> {
  for (const span of spans) {
    const [type, name] = span;
    if ((type === "name" || type === "&" || type === "#" || type === "^") && name !== ".") into.add(name);
    if ((type === "#" || type === "^") && Array.isArray(span[4])) spanNames(span[4], into);
  }
  return into;
}

/** The merge-field names the content uses, first use first; a part that does not parse (yet) adds none. */
export function templateNames(content: CampaignContent): string[] {
  const names = new Set<string>();
  for (const { source } of contentParts(content)) {
    try {
      spanNames(parseTemplate(source), names);
    } catch {
      // Half-typed tags are normal while composing; prepareContent reports them before sending.
    }
  }
  return [...names];
}

const SINGLE_SMS = 70;
// A long SMS travels in parts, each giving 3 of its 70 characters to the header that joins them.
const LONG_SMS_PART = 67;

/**
 * Characters and billed segments of an SMS as Chinese platforms count them: the signature 【签名】
 * included, every character (Chinese, Latin, digit, space, line break) one, counted by code point.
 */
export function smsLength(text: string, signName?: string): { chars: number; segments: number } {
  const sign = signName?.replace(/^【|】$/g, "").trim();
  const chars = [...text].length + (sign ? [...sign].length + 2 : 0);
  if (chars === 0) return { chars, segments: 0 };
  return { chars, segments: chars <= SINGLE_SMS ? 1 : Math.ceil(chars / LONG_SMS_PART) };
}
