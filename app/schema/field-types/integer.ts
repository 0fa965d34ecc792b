// 整数: whole numbers (人口数, 面积 in m², years of service).

import { notANumber, numberKind, outOfBounds, readNumber, toPlaces } from "./numbers.ts";
import { COMPARABLE } from "./operators.ts";
import { fail, isBlank, nothing } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const integerType: FieldTypeDefinition<number> = {
  type: "integer",
  labelKey: "fieldTypes.integer",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const n = readNumber(raw);
    if (n === "kind") return numberKind(field);
    if (n === null) return notANumber(field);
    const whole = toPlaces(n, 0);
    if (whole === null || !Number.isSafeInteger(whole))
      return fail(field, "number-not-integer", `应为整数，现为 ${n}`, `must be a whole number, not ${n}`);
    return outOfBounds(field, whole) ?? { ok: true, value: whole };
  },
  format: (value) => (value === null ? "" : String(value)),
  operators: COMPARABLE,
  storage: "integer",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "number",
};
