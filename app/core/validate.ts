// zod parsing that turns every problem into a Chinese/English message per field (a 400, never a 500).
import { z } from "zod";
import { type FieldErrors, invalid } from "./errors.ts";

// zod's own messages (for rules a schema gives no message of its own) in Chinese, then English.
const zh = z.locales.zhCN();
const en = z.locales.en();
const text = (r: ReturnType<typeof zh.localeError>) => (typeof r === "string" ? r : (r?.message ?? ""));
z.config({ localeError: (issue) => `${text(zh.localeError(issue))} / ${text(en.localeError(issue))}` });

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  throw invalid(`输入有误 / Invalid input: ${first ? `${first[0]} — ${first[1]}` : ""}`, fields);
}

/** FormData → plain object (last value wins; empty strings kept so "required" messages can fire). */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}
