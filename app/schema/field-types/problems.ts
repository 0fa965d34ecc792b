// Helpers every field type uses: messages that name the field, blank detection, raw values as text.
import { type Problem, problem } from "../../people/normalise/problem.ts";
import { cleanText } from "../../people/normalise/text.ts";
import type { FieldProblemCode } from "./codes.ts";
import type { FieldConfig, ParseResult } from "./types.ts";

/** "「出生日期」… / 出生日期: …" — Chinese first, English after " / ", like every domain message. */
export function fail<C extends FieldProblemCode>(
  field: FieldConfig,
  code: C,
  zh: string,
  en: string,
): Problem<C> {
  return problem(code, `「${field.label}」${zh}`, `${field.label}: ${en}`);
}

/**
 * A normaliser's problem (app/people/normalise, identity) with the field's label put in front. Their
 * "empty" means blank after clean-up (a cell holding only spaces or dashes), which is no value.
 */
export function labelled<V>(field: FieldConfig, found: Problem<FieldProblemCode | "empty">): ParseResult<V> {
  if (found.code === "empty") return { ok: true, value: null };
  const split = found.message.indexOf(" / ");
  const [zh, en] =
    split < 0
      ? [found.message, found.message]
      : [found.message.slice(0, split), found.message.slice(split + 3)];
  return fail(field, found.code, zh, en);
}

export const wrongKind = (field: FieldConfig, zh: string, en: string) =>
  fail(field, "value-type", `应为${zh}`, `expected ${en}`);

/** Refusal for computed and system values; `why` says who sets them, Chinese and English. */
export const readOnly = (field: FieldConfig, why: [string, string]) =>
  fail(field, "read-only", `${why[0]}，不能填写或导入`, `${why[1]} and cannot be entered or imported`);

/** No value: null, undefined, blank text, an empty list. */
export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === "string") return cleanText(raw) === "";
  return Array.isArray(raw) && raw.length === 0;
}

export const nothing = <V>(): ParseResult<V> => ({ ok: true, value: null });

/** Text of a scalar cell: strings as they are, numbers in plain digits; null for anything else. */
export function scalarText(raw: unknown): string | null {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return null;
}
