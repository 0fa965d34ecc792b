// Formatting shared by the console's pages: China time, masked phone numbers, bilingual server messages.
import type { Lang } from "../i18n/index.ts";
import { formatChinaDateTime } from "../people/normalise/calendar.ts";

/** yyyy-MM-dd HH:mm:ss in China time. */
export function formatDateTime(ms: number): string {
  return formatChinaDateTime(ms);
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
