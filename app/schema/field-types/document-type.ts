// Which document a value means: by type key, by the name on the document, by the 证件类型 dictionary
// (code or synonym), or for a bare number by its shape.
import {
  DOCUMENT_RULES,
  type DocumentType,
  isDocumentType,
  validateDocument,
} from "../../people/identity/documents.ts";
import { compactNumber } from "../../people/identity/gb11643.ts";
import { BUILT_IN_DICTIONARIES, matchOption, normaliseOptionText } from "../dictionaries/index.ts";

type Resolved = DocumentType | "unknown" | "missing";

// Codes of the 证件类型 dictionary (GA/T 2000.156). 护照 covers Chinese and foreign passports alike.
const BY_CODE: Record<string, DocumentType | "passport"> = {
  "111": "resident_id",
  "516": "hk_macao_permit",
  "511": "taiwan_permit",
  "HMT-RP": "hmt_residence_permit",
  "553": "foreign_permanent_id",
  "414": "passport",
};

const permitted = (type: DocumentType, allowed: string[] | undefined) => !allowed || allowed.includes(type);

/** A passport is Chinese when its number has the shape of one (and the field takes it), else foreign. */
function passport(number: string, allowed: string[] | undefined): DocumentType {
  const chinese = permitted("passport_cn", allowed) && validateDocument("passport_cn", number).ok;
  return chinese || !permitted("passport_other", allowed) ? "passport_cn" : "passport_other";
}

export function resolveDocumentType(text: string, number: string, allowed?: string[]): Resolved {
  const wanted = normaliseOptionText(text);
  if (isDocumentType(wanted)) return wanted;
  for (const [type, rule] of Object.entries(DOCUMENT_RULES))
    if (normaliseOptionText(rule.label.zh) === wanted || normaliseOptionText(rule.label.en) === wanted)
      return type as DocumentType;
  const option = matchOption(BUILT_IN_DICTIONARIES.document_type, text);
  const type = option ? BY_CODE[option.code] : undefined;
  if (type === undefined) return "unknown";
  return type === "passport" ? passport(number, allowed) : type;
}

/**
 * A number given without its type: the field's only type when it takes one; a long run of digits
 * is a 居民身份证 — or, by its first digits, a 港澳台居民居住证 (810000/820000/830000) or a new
 * 外国人永久居留身份证 (9…), which share the layout.
 */
export function typeForBareNumber(number: string, allowed?: string[]): Resolved {
  if (allowed?.length === 1 && isDocumentType(allowed[0]!)) return allowed[0];
  const compact = compactNumber(number);
  // A long run of digits is meant as an ID number even when mistyped, so its own rule explains what is wrong.
  if (!/^\d{13,}[\dA-Z]?$/.test(compact)) return "missing";
  if (/^8[123]0000/.test(compact)) return "hmt_residence_permit";
  return /^9\d{16}[\dX]$/.test(compact) ? "foreign_permanent_id" : "resident_id";
}
