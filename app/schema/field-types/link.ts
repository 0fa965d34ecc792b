// 关联: a link to another record (户主 → the head of household's record), as { table, id }.
// Whether the record exists and may be seen is the caller's check; this checks the shape.
import { fail, isBlank, nothing } from "./problems.ts";
import type { FieldConfig, FieldTypeDefinition, ParseResult } from "./types.ts";

export interface LinkValue {
  table: string;
  id: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const invalid = (field: FieldConfig) =>
  fail(field, "link-invalid", "不是有效的记录编号", "is not a valid record id");

function linkTo(field: FieldConfig, table: unknown, id: unknown): ParseResult<LinkValue> {
  const wanted = field.options?.linkTable;
  const text =
    typeof id === "number" && Number.isSafeInteger(id) ? String(id) : typeof id === "string" ? id.trim() : "";
  const target = table === undefined || table === null || table === "" ? wanted : table;
  if (typeof target !== "string" || !ID.test(text)) return invalid(field);
  if (wanted !== undefined && target !== wanted)
    return fail(
      field,
      "link-table",
      `只能关联「${wanted}」表中的记录`,
      `may only link to records of ${wanted}`,
    );
  return { ok: true, value: { table: target, id: text } };
}

export const linkType: FieldTypeDefinition<LinkValue> = {
  type: "link",
  labelKey: "fieldTypes.link",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    if (typeof raw === "object" && raw !== null && "id" in raw)
      return linkTo(field, "table" in raw ? raw.table : undefined, raw.id);
    if (typeof raw === "string" || typeof raw === "number") return linkTo(field, undefined, raw);
    return invalid(field);
  },
  // The id; the grid shows the linked record's name, which needs a lookup this pure module cannot do.
  format: (value) => value?.id ?? "",
  operators: ["eq", "neq", "in", "not_in", "empty", "not_empty"],
  storage: "json",
  sortable: false,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "link",
};
