// One condition: field, operator (only those the field's type offers), what it compares with, remove.
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../query/view.ts";
import { OPERATORS, type OperatorId } from "../../schema/field-types/operators.ts";
import type { GridField } from "../grid/types.ts";
import type { DictionaryOptions } from "../records/options.ts";
import { changeField, changeOperator, fieldOperators } from "./filter-tree.ts";
import { OperandInput } from "./OperandInput.tsx";
import { border, control, IconButton } from "./parts.tsx";

export function ConditionRow(props: {
  condition: Condition;
  fields: readonly GridField[];
  dictionaries: DictionaryOptions;
  /** What is wrong with it (shown once the reader tried to run the query, or from the server). */
  problem?: string;
  /** "第 2 个条件", for screen readers. */
  position: string;
  /** Focus the field select when the row appears (a condition just added). */
  autoFocus?: boolean;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { condition, fields } = props;
  const field = fields.find((f) => f.key === condition.field);
  const operators = fieldOperators(field);
  const problemId = `${id}-problem`;
  const invalid = Boolean(props.problem);
  const fieldSelect = useRef<HTMLSelectElement>(null);
  const { autoFocus } = props;
  useEffect(() => {
    if (autoFocus) fieldSelect.current?.focus();
  }, [autoFocus]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of inputs, not a form of its own
    <div role="group" aria-label={props.position} className="flex flex-col gap-1">
      <div className="grid grid-cols-[1fr_auto] gap-1.5 sm:flex sm:flex-wrap sm:items-center">
        <select
          ref={fieldSelect}
          aria-label={t("query.filter.field")}
          value={condition.field}
          className={`${control} ${border(invalid && !field)} col-start-1 row-start-1 sm:w-40`}
          onChange={(e) => {
            const next = fields.find((f) => f.key === e.target.value);
            if (next) props.onChange(changeField(condition, next, field));
          }}
        >
          {field ? null : <option value="">{t("query.filter.chooseField")}</option>}
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
        <select
          aria-label={t("query.filter.operator")}
          value={condition.op}
          disabled={!field}
          className={`${control} border-stone-300 col-span-2 sm:w-36`}
          onChange={(e) => props.onChange(changeOperator(condition, e.target.value as OperatorId))}
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {t(OPERATORS[op].labelKey)}
            </option>
          ))}
        </select>
        {field ? (
          <div className="col-span-2 min-w-0 sm:min-w-48 sm:flex-1">
            <OperandInput
              id={`${id}-value`}
              field={field}
              condition={condition}
              dictionaries={props.dictionaries}
              invalid={invalid}
              describedBy={invalid ? problemId : undefined}
              onChange={(operand) =>
                props.onChange({ kind: "condition", field: condition.field, op: condition.op, ...operand })
              }
            />
          </div>
        ) : null}
        {/* Last in the tab order; on a phone it sits beside the field. */}
        <span className="col-start-2 row-start-1">
          <IconButton label={t("query.filter.removeCondition")} tone="danger" onClick={props.onRemove}>
            ×
          </IconButton>
        </span>
      </div>
      {props.problem ? (
        <p id={problemId} className="text-sm text-red-700">
          {props.problem}
        </p>
      ) : null}
    </div>
  );
}
