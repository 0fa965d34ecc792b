// Identity documents of SPEC §A1, one rule each. A person is unique by (document type, number); for
// permits whose number carries an issue count, by the part that stays the same for life.
import { todayInChina } from "../normalise/calendar.ts";
import { empty, type Problem, problem } from "../normalise/problem.ts";
import type { Sex } from "../normalise/sex.ts";
import { birthReason, checkGb11643, compactNumber, hasValidCheck } from "./gb11643.ts";
import { type IdCardCode, parseIdCard, upgradeFifteen } from "./id-card.ts";

export type DocumentCode =
  | IdCardCode
  | "document-type"
  | "document-format"
  | "document-checksum"
  | "document-birthdate";

export interface ValidDocument {
  ok: true;
  type: DocumentType;
  /** Normalised: half-width, no spaces, upper-case; 居民身份证 always in 18 characters. */
  number: string;
  upgradedFrom?: string;
  /** Carried by 居民身份证 and 港澳台居民居住证 numbers. */
  birthDate?: string;
  sex?: Sex;
}
export type DocumentResult = ValidDocument | Problem<DocumentCode>;

interface DocumentRule {
  label: { zh: string; en: string };
  /** Gets the number compacted (half-width, no spaces, upper-case). */
  validate(compact: string, today: string): Omit<ValidDocument, "type"> | Problem<DocumentCode>;
  /** The part of a valid number that identifies the holder for life; the whole number when absent. */
  holderPart?(number: string): string;
  /** The expected shape, Chinese and English, for format messages and form hints. */
  shape: [string, string];
}

const shaped = (rule: Omit<DocumentRule, "validate">, pattern: RegExp): DocumentRule => ({
  ...rule,
  validate: (compact) => (pattern.test(compact) ? { ok: true, number: compact } : formatProblem(rule)),
});

const formatProblem = (rule: Pick<DocumentRule, "label" | "shape">) =>
  problem(
    "document-format",
    `${rule.label.zh}号码格式错误：应为${rule.shape[0]}`,
    `Wrong ${rule.label.en} number: expected ${rule.shape[1]}`,
  );

const checksumProblem = (rule: Pick<DocumentRule, "label">) =>
  problem(
    "document-checksum",
    `${rule.label.zh}号码校验位错误`,
    `Wrong check digit in ${rule.label.en} number`,
  );

const RESIDENCE_PERMIT: Pick<DocumentRule, "label" | "shape"> = {
  label: { zh: "港澳台居民居住证", en: "Residence Permit for Hong Kong, Macao and Taiwan Residents" },
  shape: [
    "以 810000（香港）、820000（澳门）或 830000（台湾）开头的 18 位",
    "18 characters starting 810000, 820000 or 830000",
  ],
};

const FOREIGN_PR: Pick<DocumentRule, "label" | "shape"> = {
  label: { zh: "外国人永久居留身份证", en: "Foreign Permanent Resident ID Card" },
  shape: [
    "3 个字母加 12 位数字（旧证），或以 9 开头的 18 位（新证）",
    "3 letters and 12 digits (old), or 18 characters starting with 9 (new)",
  ],
};

export const DOCUMENT_RULES = {
  resident_id: {
    label: { zh: "居民身份证", en: "Resident Identity Card" },
    shape: ["18 位（末位可为 X）或 15 位数字", "18 characters (the last may be X) or 15 digits"],
    validate: (compact, today) => {
      const card = parseIdCard(compact, { today });
      if (!card.ok) return card;
      const { number, upgradedFrom, birthDate, sex } = card;
      return { ok: true, number, ...(upgradedFrom ? { upgradedFrom } : {}), birthDate, sex };
    },
    holderPart: (number) => (/^\d{15}$/.test(number) ? upgradeFifteen(number) : number),
  },
  // Old permits append a two-digit issue count to the holder's lifelong eight digits.
  hk_macao_permit: {
    ...shaped(
      {
        label: {
          zh: "港澳居民来往内地通行证",
          en: "Mainland Travel Permit for Hong Kong and Macao Residents",
        },
        shape: ["H 或 M 加 8 位数字（旧证可再加 2 位）", "H or M and 8 digits (old permits: 2 more)"],
      },
      /^[HM]\d{8}(\d{2})?$/,
    ),
    holderPart: (number) => number.slice(0, 9),
  },
  // Since 25 Sep 2008 the number is the holder's lifelong eight digits (台胞终身号). Permits from
  // May 1992 on added a two-digit issue count and "(issuing office code)"; from June 2006 Fujian,
  // Jiangsu and Shanghai left off the bracket (China News Service, 12 Sep 2008).
  taiwan_permit: {
    ...shaped(
      {
        label: { zh: "台湾居民来往大陆通行证", en: "Mainland Travel Permit for Taiwan Residents" },
        shape: [
          "8 位数字（旧证可再加 2 位及括号内签发机关代码）",
          "8 digits (old permits: 2 more and an office code in brackets)",
        ],
      },
      /^\d{8}(\d{2}(\([A-Z\d]\))?)?$/,
    ),
    holderPart: (number) => number.slice(0, 8),
  },
  // Same layout as the 居民身份证, with the address code of Hong Kong, Macao or Taiwan.
  hmt_residence_permit: {
    ...RESIDENCE_PERMIT,
    validate: (compact, today) => {
      if (!/^8[123]0000\d{11}[\dX]$/.test(compact)) return formatProblem(RESIDENCE_PERMIT);
      const check = checkGb11643(compact, today);
      if (check.ok) return { ok: true, number: compact, birthDate: check.birthDate, sex: check.sex };
      if (check.reason === "checksum") return checksumProblem(RESIDENCE_PERMIT);
      const [zh, en] = birthReason(check);
      return problem(
        "document-birthdate",
        `${RESIDENCE_PERMIT.label.zh}号码中的${zh}`,
        `In the permit number, the ${en}`,
      );
    },
  },
  // Old cards: ISO 3166 three-letter nationality and 12 digits. New cards (2023): 18 characters
  // starting with 9, with the MOD 11-2 check character of GB 11643.
  foreign_permanent_id: {
    ...FOREIGN_PR,
    validate: (compact) => {
      if (/^[A-Z]{3}\d{12}$/.test(compact)) return { ok: true, number: compact };
      if (!/^9\d{16}[\dX]$/.test(compact)) return formatProblem(FOREIGN_PR);
      return hasValidCheck(compact) ? { ok: true, number: compact } : checksumProblem(FOREIGN_PR);
    },
  },
  // Ordinary e-passports E + 8 digits, then E + a letter (not I or O) + 7 digits once those ran out;
  // older ordinary G; diplomatic D, service S, public-affairs P, and DE, SE, PE + 7 digits.
  passport_cn: shaped(
    {
      label: { zh: "中华人民共和国护照", en: "Chinese passport" },
      shape: [
        "E、G、D、S 或 P 加 7–8 位数字，或 EA 式两个字母加 7 位数字",
        "E, G, D, S or P and 7–8 digits, or two letters like EA and 7 digits",
      ],
    },
    /^([EGDSP]\d{7,8}|E[A-HJ-NP-Z]\d{7}|[DSP]E\d{7})$/,
  ),
  passport_other: shaped(
    {
      label: { zh: "外国护照", en: "foreign passport" },
      shape: ["5–17 位字母或数字", "5–17 letters or digits"],
    },
    /^[A-Z\d]{5,17}$/,
  ),
} satisfies Record<string, DocumentRule>;

export type DocumentType = keyof typeof DOCUMENT_RULES;

export const isDocumentType = (type: string): type is DocumentType => Object.hasOwn(DOCUMENT_RULES, type);

export interface DocumentOptions {
  /** "YYYY-MM-DD"; birth dates after it are refused. Defaults to today in Beijing. */
  today?: string;
}

/** Validates a number by its document type's rule and returns it normalised, or a coded problem. */
export function validateDocument(type: string, input: string, options: DocumentOptions = {}): DocumentResult {
  if (!isDocumentType(type))
    return problem("document-type", `未知的证件类型 ${type}`, `Unknown document type ${type}`);
  const rule: DocumentRule = DOCUMENT_RULES[type];
  const compact = compactNumber(input);
  if (compact === "") return empty(`${rule.label.zh}号码`, `${rule.label.en} number`);
  const result = rule.validate(compact, options.today ?? todayInChina());
  return result.ok ? { ...result, type } : result;
}

/**
 * The key that makes a person unique: document type and the holder's lifelong number. A 15-digit
 * 居民身份证 and its 18-digit upgrade give the same key, and so do a permit before and after renewal.
 */
export function documentKey(type: DocumentType, number: string): string {
  const rule: DocumentRule = DOCUMENT_RULES[type];
  const compact = compactNumber(number);
  return `${type}:${rule.holderPart ? rule.holderPart(compact) : compact}`;
}
