// Masking of sensitive values for display. Pure (no node: imports) so views can use it in the browser.
// Each rule names exactly which characters may show; everything else becomes "*". Characters are counted
// by code point, so a name with a character outside the BMP (𠮷) is never split into half a surrogate.
// Empty (or missing) in, empty out.

const STAR = "*";
const RESIDENT_ID_18 = /^\d{17}[\dXx]$/;
const RESIDENT_ID_15 = /^\d{15}$/;
const MAINLAND_MOBILE = /^1\d{10}$/;

/** 居民身份证: 18 characters → first 6 (region) + 8 stars + last 4; 15 digits → first 6 + 6 stars + last 3. */
export function maskResidentId(value: string | null | undefined): string {
  if (!value) return "";
  if (RESIDENT_ID_18.test(value)) return `${value.slice(0, 6)}${STAR.repeat(8)}${value.slice(14)}`;
  if (RESIDENT_ID_15.test(value)) return `${value.slice(0, 6)}${STAR.repeat(6)}${value.slice(12)}`;
  // Not a well-formed ID number (legacy data): the stricter rule of other documents.
  return maskOtherDocument(value);
}

/** Any document number by its type code; "resident_id" gets the 居民身份证 rule, others keep 2 + 2. */
export function maskDocument(type: string, number: string | null | undefined): string {
  return type === "resident_id" ? maskResidentId(number) : maskOtherDocument(number);
}

/** Passports, permits and other documents: first 2 and last 2 characters. */
export function maskOtherDocument(value: string | null | undefined): string {
  return value ? keepEnds(value, 2, 2) : "";
}

/** Mainland mobile "13800138000" → "138****8000"; other phone numbers keep at most 3 + 4 characters. */
export function maskMobile(value: string | null | undefined): string {
  if (!value) return "";
  if (MAINLAND_MOBILE.test(value)) return `${value.slice(0, 3)}${STAR.repeat(4)}${value.slice(7)}`;
  return keepEnds(value, 3, 4);
}

/**
 * "zhangwei@example.com" → "z***@example.com": the first character of the local part and the domain.
 * The star count is fixed so the length of the local part does not show; a one-character local part
 * is hidden entirely, since its "first character" would be all of it.
 */
export function maskEmail(value: string | null | undefined): string {
  if (!value) return "";
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1) return maskText(value);
  const local = Array.from(value.slice(0, at));
  const first = local.length > 1 ? local[0] : "";
  return `${first}${STAR.repeat(3)}${value.slice(at)}`;
}

/** Any other text (names, addresses, staff-marked fields): first and last character, 张三丰 → 张*丰. */
export function maskText(value: string | null | undefined): string {
  return value ? keepEnds(value, 1, 1) : "";
}

/**
 * Keeps up to `head` leading and `tail` trailing characters and stars the rest, length preserved. Short
 * values give up revealed characters (the tail first) until at least a third of them — and always at
 * least one — is hidden, so "张三" shows "张*" and a 4-character number "A**4", never the whole value.
 */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  const minHidden = Math.max(1, Math.ceil(chars.length / 3));
  let h = head;
  let t = tail;
  while (h + t > 0 && chars.length - h - t < minHidden) {
    if (t >= h) t -= 1;
    else h -= 1;
  }
  return (
    chars.slice(0, h).join("") + STAR.repeat(chars.length - h - t) + chars.slice(chars.length - t).join("")
  );
}
