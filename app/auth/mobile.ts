// Mainland mobile numbers, validated against libphonenumber's maintained metadata (its mobile-only set,
// which keeps browser bundles small).
import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";

/** "+86 138-0013-8000" → "13800138000"; null when it is not a valid mainland mobile number. */
export function normaliseMobile(input: string): string | null {
  const cleaned = input.replace(/[\s\u3000\-()（）]/g, "").replace(/^(\+|00)86/, "");
  if (!/^1\d{10}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, "CN");
  if (!parsed?.isValid() || parsed.getType() !== "MOBILE") return null;
  return parsed.nationalNumber;
}
