// A measure (人数, 合计, 平均 …) of a statistic as SQL over one record, with the label people read.
import { invalid } from "../../app/core/errors.ts";
import type { MeasureSpec } from "../../app/stats/spec.ts";
import type { CompiledQuery } from "../query/compile.ts";
import type { Measure } from "../query/results.ts";
import type { MeasureSql } from "./pivot.ts";

const FN_NAMES = { count: "人数", sum: "合计", avg: "平均", min: "最小", max: "最大" } as const;

export function measureOf(compiled: CompiledQuery, spec: MeasureSpec): { measure: Measure; sql: MeasureSql } {
  if (spec.fn === "count") return { measure: { fn: "count", label: FN_NAMES.count }, sql: { fn: "count" } };
  if (!spec.field)
    throw invalid(`「${FN_NAMES[spec.fn]}」需要指明数字字段 / ${spec.fn} needs a number field`);
  const field = compiled.fields.get(spec.field);
  if (field.kind !== "number" && field.kind !== "money")
    throw invalid(
      `「${field.label}」不是数字，不能求${FN_NAMES[spec.fn]} / "${field.label}" is not a number`,
    );
  const sql = field.kind === "money" ? `(${field.sql} / 100.0)` : field.sql;
  return {
    measure: { fn: spec.fn, field: field.key, label: `${field.label}${FN_NAMES[spec.fn]}` },
    sql: { fn: spec.fn, sql },
  };
}
