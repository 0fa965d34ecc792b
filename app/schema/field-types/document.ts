// 证件: an identity document as { type, number }, validated by its type's own rule (SPEC §A1).
// Birth date, sex and an upgrade from 15 digits come back in `details` for the caller to use.

import { maskDocument } from "../../people/crypto/mask.ts";
import { DOCUMENT_RULES, type DocumentType, validateDocument } from "../../people/identity/documents.ts";
import { detectPrecisionLoss } from "../../people/identity/precision.ts";
import { cleanText } from "../../people/normalise/text.ts";
import { toHalfWidth } from "../../people/normalise/width.ts";
import { resolveDocumentType, typeForBareNumber } from "./document-type.ts";
import { fail, isBlank, labelled, nothing, wrongKind } from "./problems.ts";
import type { FieldConfig, FieldTypeDefinition, ParseContext, ParseResult } from "./types.ts";

export interface DocumentValue {
  type: DocumentType;
  number: string;
}

// "护照 E12345678", "居民身份证：110101…": a Chinese type name, then the number.
const NAMED = /^(\p{Script=Han}[\p{Script=Han}()（）]*)[\s:：]*([^\p{Script=Han}]+)$/u;

function checked(
  field: FieldConfig,
  typeText: string | null,
  raw: unknown,
  ctx: ParseContext,
): ParseResult<DocumentValue> {
  if (typeof raw !== "string" && typeof raw !== "number")
    return wrongKind(field, "证件号码", "a document number");
  const lost = detectPrecisionLoss(raw);
  if (lost) return labelled(field, lost);
  const number = String(raw);
  const allowed = field.options?.documentTypes;
  const type =
    typeText === null ? typeForBareNumber(number, allowed) : resolveDocumentType(typeText, number, allowed);
  if (type === "missing")
    return fail(
      field,
      "document-type-missing",
      "无法判断证件类型，请注明证件类型",
      "cannot tell the document type; name it",
    );
  if (type === "unknown")
    return fail(field, "document-type", `未知的证件类型“${typeText}”`, `unknown document type "${typeText}"`);
  if (allowed && !allowed.includes(type))
    return fail(
      field,
      "document-type-not-allowed",
      `不接受${DOCUMENT_RULES[type].label.zh}`,
      `does not accept a ${DOCUMENT_RULES[type].label.en}`,
    );
  const found = validateDocument(type, number, { today: ctx.today });
  if (!found.ok) return labelled(field, found);
  const { birthDate, sex, upgradedFrom } = found;
  const details = {
    ...(birthDate ? { birthDate } : {}),
    ...(sex ? { sex } : {}),
    ...(upgradedFrom ? { upgradedFrom } : {}),
  };
  return { ok: true, value: { type, number: found.number }, details };
}

export const documentType: FieldTypeDefinition<DocumentValue> = {
  type: "document",
  labelKey: "fieldTypes.document",
  parse(raw, field, ctx = {}) {
    if (isBlank(raw)) return nothing();
    if (typeof raw === "object" && raw !== null && "number" in raw) {
      const type = "type" in raw && typeof raw.type === "string" && raw.type.trim() !== "" ? raw.type : null;
      return checked(field, type, raw.number, ctx);
    }
    if (typeof raw !== "string") return checked(field, null, raw, ctx);
    const text = cleanText(toHalfWidth(raw));
    const named = NAMED.exec(text);
    return named ? checked(field, named[1]!, named[2]!, ctx) : checked(field, null, text, ctx);
  },
  format(value, _field, { masked }) {
    if (value === null) return "";
    const number = masked ? maskDocument(value.type, value.number) : value.number;
    // A bare 居民身份证 number reads back as one; other documents carry their name.
    return value.type === "resident_id" ? number : `${DOCUMENT_RULES[value.type].label.zh} ${number}`;
  },
  operators: ["eq", "neq", "contains", "starts_with", "ends_with", "empty", "not_empty"],
  storage: "json",
  sortable: false,
  sensitiveByDefault: true,
  readOnly: false,
  editor: "document",
};
