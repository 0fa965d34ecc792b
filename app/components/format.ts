// Formatting shared by the console's pages: China time, masked phone numbers, bilingual server messages.
import type { Lang } from "../i18n/index.ts";

const TIME_ZONE = "Asia/Shanghai";

// "sv-SE" formats as ISO-like "2026-05-01 14:03:22", the form Chinese offices read.
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** yyyy-MM-dd HH:mm:ss in China time. */
export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(new Date(ms));
}

/** yyyy-MM-dd HH:mm in China time. */
export function formatMinute(ms: number): string {
  return formatDateTime(ms).slice(0, 16);
}

export { maskMobile } from "../people/crypto/mask.ts";

/**
 * Domain messages come as "中文 / English": show the part for the reader's language.
 * (English is the part after the last " / ", so composite messages keep their specific ending.)
 */
export function localMessage(message: string, lang: Lang): string {
  const parts = message.split(/\s?\/\s/);
  if (parts.length < 2) return message;
  return lang === "en" ? parts[parts.length - 1]!.trim() : parts[0]!.trim();
}
