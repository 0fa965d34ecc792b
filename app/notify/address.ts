// A recipient's address on each channel: what counts as valid, how it is written when sent, and the
// masked hint a campaign's report shows (the full address stays sealed in the queue).
import type { Channel } from "../../emails/channels/types.ts";
import { normaliseMobile } from "../auth/mobile.ts";
import { maskEmail, maskMobile, maskText } from "../people/crypto/mask.ts";
import { normaliseEmail } from "../schema/field-types/email.ts";

export type AddressCheck = { ok: true; address: string; hint: string } | { ok: false; hint: string };

/** Fax numbers as offices write them: 010-6601 2345, (010)66012345, +86 10 66012345 → digits. */
function normaliseFax(text: string): string | null {
  const digits = text.replace(/^\s*\+86/, "0").replace(/[\s\u3000\-()（）]/g, "");
  return /^\d{7,20}$/.test(digits) ? digits : null;
}

const NORMALISE: Record<Exclude<Channel, "inbox">, (text: string) => string | null> = {
  email: normaliseEmail,
  sms: normaliseMobile,
  fax: normaliseFax,
};

const MASK: Record<Exclude<Channel, "inbox">, (text: string) => string> = {
  email: maskEmail,
  sms: maskMobile,
  fax: (t) => maskMobile(t),
};

/** A stored value (a field's opened value) as an address of the channel; null: the record has none. */
export function checkAddress(channel: Exclude<Channel, "inbox">, value: unknown): AddressCheck | null {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  if (!text) return null;
  const address = NORMALISE[channel](text);
  if (!address) return { ok: false, hint: channel === "email" ? maskEmail(text) : maskText(text) };
  return { ok: true, address, hint: MASK[channel](address) };
}

/** The digest key opt-outs are kept under: the address as sent, lower-cased. */
export function optOutKey(channel: Channel, address: string): string {
  return `${channel}:${address.trim().toLowerCase()}`;
}
