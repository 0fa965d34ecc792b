// Reading numbers typed by people or held by spreadsheet cells, shared by integer, decimal and money.
import { cleanText } from "../../people/normalise/text.ts";
import { toHalfWidth } from "../../people/normalise/width.ts";
import { fail, wrongKind } from "./problems.ts";
import type { FieldConfig } from "./types.ts";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A finite number from a numeric cell or from text like "１,２３４.５" or "-12"; null when not a number. */
export function readNumber(raw: unknown, strip: RegExp | null = null): number | null | "kind" {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return "kind";
  let text = cleanText(toHalfWidth(raw)).replace(/[,\s]/g, "");
  if (strip) text = text.replace(strip, "");
  return NUMBER.test(text) ? Number(text) : null;
}

export const notANumber = (field: FieldConfig) => fail(field, "number-format", "不是数字", "is not a number");

export const numberKind = (field: FieldConfig) => wrongKind(field, "数字", "a number");

/** The field's min/max, or null when the value is inside them. */
export function outOfBounds(field: FieldConfig, n: number) {
  const { min, max } = field.options ?? {};
  if (min !== undefined && n < min)
    return fail(field, "number-too-small", `不能小于 ${min}`, `must not be less than ${min}`);
  if (max !== undefined && n > max)
    return fail(field, "number-too-large", `不能大于 ${max}`, `must not be more than ${max}`);
  return null;
}

/**
 * n rounded to `decimals` places, or null when that would change it by more than floating-point noise
 * (a cell holding 0.30000000000000004 is 0.3; a typed 0.305 in a two-place field is refused).
 */
export function toPlaces(n: number, decimals: number): number | null {
  const rounded = Number(n.toFixed(decimals));
  return Math.abs(rounded - n) <= 1e-9 * Math.max(1, Math.abs(n)) ? rounded : null;
}

/** "1234567.5" → "1,234,567.5" (digits before the point grouped by three). */
export function groupThousands(digits: string): string {
  return digits.replace(/^(\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}
