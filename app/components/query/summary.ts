// The filter in one line, as staff would say it:
// "（年龄 ≥ 70 并且 特殊人群 包含 独居老人）或者 低保户". Words come from i18n (query.summary.*, the
// operators' names from fieldTypes.operators.*), so the English line reads as English.
import type { Condition, FilterGroup, FilterNode } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import { type DictionaryOptions, optionOf } from "../records/options.ts";
import { isGroup } from "./filter-tree.ts";
import { operandKind, valueInput, valueText } from "./operand.ts";

/** The part of i18next's t the pure helpers need. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const SYMBOLS: Record<string, string> = { eq: "=", neq: "≠", gt: ">", gte: "≥", lt: "<", lte: "≤" };

const MISSING = "…";

/** The text of one stored value: a dictionary option's name, 是/否, or the value as typed. */
export function valueLabel(
  field: GridField | undefined,
  value: unknown,
  dictionaries: DictionaryOptions,
  t: Translate,
): string {
  if (value === null || value === undefined || value === "") return MISSING;
  if (typeof value === "boolean") return t(value ? "query.summary.yes" : "query.summary.no");
  if (field && valueInput(field) === "select") {
    const options = dictionaries[field.options.dictionary ?? ""];
    return optionOf(options, String(value))?.label ?? String(value);
  }
  return valueText(value);
}

/** One condition: "年龄 ≥ 70", "特殊人群 包含 独居老人", "低保户", "手机号码 为空". */
export function conditionSummary(
  condition: Condition,
  fields: readonly GridField[],
  dictionaries: DictionaryOptions,
  t: Translate,
): string {
  const field = fields.find((f) => f.key === condition.field);
  const label = field?.label ?? (condition.field || MISSING);
  const one = (v: unknown) => valueLabel(field, v, dictionaries, t);
  const list = (values: readonly unknown[] | undefined) =>
    values && values.length > 0 ? values.map(one).join(t("query.summary.listSep")) : MISSING;
  const opName = (op: string) => SYMBOLS[op] ?? t(`fieldTypes.operators.${op}`);

  // A yes/no field reads as its own name: 低保户, 非低保户.
  if (field?.type === "boolean" && condition.op === "eq" && typeof condition.value === "boolean")
    return condition.value ? label : t("query.summary.not", { field: label });

  switch (operandKind(condition.op)) {
    case "none":
      return `${label} ${opName(condition.op)}`;
    case "value":
      return `${label} ${opName(condition.op)} ${one(condition.value)}`;
    case "text":
      return `${label} ${opName(condition.op)} ${
        condition.value ? t("query.summary.quoted", { text: valueText(condition.value) }) : MISSING
      }`;
    case "values": {
      const values = condition.values ?? [];
      // With one value "包含任一 独居老人" says more than it means: 包含 独居老人.
      const op =
        values.length === 1 && (condition.op === "has_any" || condition.op === "has_all")
          ? t("query.summary.has")
          : values.length === 1 && condition.op === "in"
            ? "="
            : values.length === 1 && condition.op === "not_in"
              ? "≠"
              : opName(condition.op);
      return `${label} ${op} ${list(values)}`;
    }
    case "range": {
      const [from, to] = condition.values ?? [];
      return `${label} ${opName(condition.op)} ${t("query.summary.range", { from: one(from), to: one(to) })}`;
    }
    case "days":
      return `${label} ${t(
        condition.op === "next_n_days" ? "query.summary.nextDays" : "query.summary.lastDays",
        {
          n: one(condition.value),
        },
      )}`;
    case "years": {
      const [from, to] = condition.values ?? [];
      return `${label} ${t("query.summary.years", { from: one(from), to: one(to) })}`;
    }
  }
}

/** The whole filter in one line; "" when it has no condition. */
export function filterSummary(
  root: FilterGroup | undefined,
  fields: readonly GridField[],
  dictionaries: DictionaryOptions,
  t: Translate,
): string {
  if (!root) return "";
  const node = (n: FilterNode, nested: boolean): string => {
    if (!isGroup(n)) return conditionSummary(n, fields, dictionaries, t);
    const parts = n.items.map((item) => node(item, true)).filter((s) => s !== "");
    if (parts.length === 0) return "";
    const text = parts.join(` ${t(n.join === "or" ? "query.summary.or" : "query.summary.and")} `);
    return nested && parts.length > 1 ? t("query.summary.group", { text }) : text;
  };
  // Full-width brackets carry their own spacing.
  return node(root, false).replace(/ （/g, "（").replace(/） /g, "）").trim();
}
