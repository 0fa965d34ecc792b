// Shared by the field-type tests: a field config and assertions on parse results.
import { expect } from "vitest";
import { FIELD_PROBLEM_CODES, type FieldProblemCode } from "./codes.ts";
import { FIELD_TYPES, type FieldTypeId } from "./registry.ts";
import type { FieldConfig, FieldOptions, ParseContext, ParseResult } from "./types.ts";

export const field = (type: FieldTypeId, options?: FieldOptions, label = "测试字段"): FieldConfig => ({
  key: "k",
  label,
  type,
  ...(options ? { options } : {}),
});

export function parse(type: FieldTypeId, raw: unknown, options?: FieldOptions, ctx?: ParseContext) {
  return FIELD_TYPES[type].parse(raw, field(type, options), ctx) as ParseResult<unknown>;
}

export function parsed(type: FieldTypeId, raw: unknown, options?: FieldOptions, ctx?: ParseContext): unknown {
  const result = parse(type, raw, options, ctx);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse as ${type}: ${result.message}`);
  return result.value;
}

/** The parse failed with `code`, a listed code, and a message naming the field in both languages. */
export function expectProblem(
  type: FieldTypeId,
  raw: unknown,
  code: FieldProblemCode,
  options?: FieldOptions,
  ctx?: ParseContext,
) {
  const result = parse(type, raw, options, ctx);
  expect(result.ok, `${JSON.stringify(raw)} should be refused`).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(Object.keys(FIELD_PROBLEM_CODES)).toContain(result.code);
  expect(result.message).toMatch(/^「测试字段」.+ \/ 测试字段: .+/);
}
