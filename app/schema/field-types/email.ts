// 电子邮箱: the "valid e-mail address" rule of the HTML standard (what <input type="email"> checks),
// plus a dot in the domain, since a community's residents have no mail on a bare host name.
import { cleanText } from "../../people/normalise/text.ts";
import { toHalfWidth } from "../../people/normalise/width.ts";
import { fail, isBlank, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

const LOCAL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
// RFC 5321 limits: 64 characters before the @, 254 in all.
const MAX_LOCAL = 64;
const MAX_TOTAL = 254;

/** A typed address as stored ("Zhang@Example.COM " → "Zhang@example.com"); null when it is not one. */
export function normaliseEmail(text: string): string | null {
  const address = cleanText(toHalfWidth(text)).replace(/^mailto:/i, "");
  const at = address.lastIndexOf("@");
  if (at < 1 || address.length > MAX_TOTAL) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  const labels = domain.split(".");
  if (local.length > MAX_LOCAL || !LOCAL.test(local) || labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label)) || !/^[a-z]{2,}$|^xn--/.test(labels.at(-1)!)) return null;
  return `${local}@${domain}`;
}

export const emailType: FieldTypeDefinition<string> = {
  type: "email",
  labelKey: "fieldTypes.email",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    if (typeof raw !== "string") return wrongKind(field, "电子邮箱", "an email address");
    const value = normaliseEmail(raw);
    if (value) return { ok: true, value };
    return fail(
      field,
      "email-invalid",
      "电子邮箱格式错误，应如 name@example.com",
      "is not an email address like name@example.com",
    );
  },
  format: (value) => value ?? "",
  operators: ["eq", "neq", "contains", "ends_with", "empty", "not_empty"],
  storage: "text",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "email",
};
