// 小数: numbers with a fixed number of decimal places when the field sets one (身高 1.75, 面积 86.5).

import { notANumber, numberKind, outOfBounds, readNumber, toPlaces } from "./numbers.ts";
import { COMPARABLE } from "./operators.ts";
import { fail, isBlank, nothing } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const decimalType: FieldTypeDefinition<number> = {
  type: "decimal",
  labelKey: "fieldTypes.decimal",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const n = readNumber(raw);
    if (n === "kind") return numberKind(field);
    if (n === null) return notANumber(field);
    const decimals = field.options?.decimals;
    const value = decimals === undefined ? n : toPlaces(n, decimals);
    if (value === null)
      return fail(
        field,
        "number-precision",
        `最多保留 ${decimals} 位小数，现为 ${n}`,
        `keeps at most ${decimals} decimal places, not ${n}`,
      );
    return outOfBounds(field, value) ?? { ok: true, value: value === 0 ? 0 : value };
  },
  format(value, field) {
    if (value === null) return "";
    const decimals = field.options?.decimals;
    return decimals === undefined ? String(value) : value.toFixed(decimals);
  },
  operators: COMPARABLE,
  storage: "decimal",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "number",
};
