// What the system log says about a record change: each changed field's shown text before → after, the
// way staff read it (dictionary labels, dates), and for a sensitive field only that it changed — its
// values stay sealed in the record's version rows and never reach the log.
import type { FieldChange } from "../../audit/events.ts";
import { fieldType, type ParseContext } from "../../schema/field-types/index.ts";
import type { FieldDef } from "../../schema/tables.server.ts";
import type { Values } from "./codec.server.ts";

// A log row stays small even when a long text changed; the version row keeps the whole value.
const MAX_TEXT = 500;

export function fieldChanges(
  fields: readonly FieldDef[],
  keys: readonly string[],
  before: Values,
  after: Values,
  dictionary?: ParseContext["dictionary"],
): FieldChange[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return keys.map((key) => {
    const field = byKey.get(key);
    if (!field) return { field: key, label: key, old: null, new: null };
    if (field.sensitive) return { field: key, label: field.label, sensitive: true };
    const text = (value: unknown): string | null => {
      if (value === null || value === undefined) return null;
      const shown = fieldType(field.type).format(value as never, field, {
        lang: "zh-CN",
        masked: false,
        ...(dictionary ? { dictionary } : {}),
      });
      if (shown === "") return null;
      return shown.length > MAX_TEXT ? `${shown.slice(0, MAX_TEXT)}…` : shown;
    };
    return { field: key, label: field.label, old: text(before[key]), new: text(after[key]) };
  });
}
