// 日期: civil dates "YYYY-MM-DD" in every form offices type or Excel stores (see parseOfficeDate).
import { parseOfficeDate } from "../../people/normalise/office-date.ts";
import { isBlank, labelled, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const dateType: FieldTypeDefinition<string> = {
  type: "date",
  labelKey: "fieldTypes.date",
  parse(raw, field, ctx = {}) {
    if (isBlank(raw)) return nothing();
    if (typeof raw !== "string" && typeof raw !== "number" && !(raw instanceof Date))
      return wrongKind(field, "日期", "a date");
    const found = parseOfficeDate(raw, { date1904: ctx.date1904 });
    if (!found.ok) return labelled(field, found);
    return found.precision === "month"
      ? { ok: true, value: found.date, details: { precision: "month" } }
      : { ok: true, value: found.date };
  },
  format: (value) => value ?? "",
  operators: [
    "eq",
    "neq",
    "before",
    "after",
    "between",
    "last_n_days",
    "next_n_days",
    "age_between",
    "empty",
    "not_empty",
  ],
  storage: "date",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "date",
};
