// 金额: amounts in yuan, kept as whole fen (分) so sums never drift; shown as ¥1,234.50.

import { groupThousands, notANumber, numberKind, outOfBounds, readNumber, toPlaces } from "./numbers.ts";
import { COMPARABLE } from "./operators.ts";
import { fail, isBlank, nothing } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

// What people write around an amount: ¥, the full-width ￥ (outside the block toHalfWidth folds), 元, RMB.
const CURRENCY = /[¥￥元]|rmb|cny/gi;

export const moneyType: FieldTypeDefinition<number> = {
  type: "money",
  labelKey: "fieldTypes.money",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const n = readNumber(raw, CURRENCY);
    if (n === "kind") return numberKind(field);
    if (n === null) return notANumber(field);
    const yuan = toPlaces(n, 2);
    if (yuan === null)
      return fail(field, "number-precision", `金额最小到分，现为 ${n}`, `amounts go down to 0.01, not ${n}`);
    const fen = Math.round(yuan * 100);
    if (!Number.isSafeInteger(fen)) return notANumber(field);
    return outOfBounds(field, yuan) ?? { ok: true, value: fen === 0 ? 0 : fen };
  },
  format(fen) {
    if (fen === null) return "";
    const abs = Math.abs(fen);
    const digits = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
    return `${fen < 0 ? "-" : ""}¥${groupThousands(digits)}`;
  },
  operators: COMPARABLE,
  storage: "integer",
  sortable: true,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "number",
};
