// One grouping of a statistic: a field (社区, 网格, 性别, 年龄 …) and, for numbers, the band width 分段.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { border, control } from "../query/parts.tsx";
import type { StatsField } from "./fields.ts";

export function GroupPicker(props: {
  label: string;
  fields: readonly StatsField[];
  value: string;
  bin: string;
  onChange: (value: string, bin: string) => void;
  /** The option for no grouping ("（无）"); absent: a field must be chosen. */
  noneLabel?: string;
  problem?: string;
  binProblem?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const field = props.fields.find((f) => f.key === props.value);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`${id}-field`} className="text-sm font-medium text-stone-700">
        {props.label}
      </label>
      <div className="flex gap-2">
        <select
          id={`${id}-field`}
          value={props.value}
          aria-invalid={props.problem ? true : undefined}
          aria-describedby={props.problem ? `${id}-problem` : undefined}
          // A band width is kept only for numbers; a new field starts without one (年龄 suggests 5).
          onChange={(e) => {
            const next = props.fields.find((f) => f.key === e.target.value);
            props.onChange(e.target.value, next?.numeric && next.key === "age" ? "5" : "");
          }}
          className={`${control} ${border(!!props.problem)}`}
        >
          {props.noneLabel !== undefined ? <option value="">{props.noneLabel}</option> : null}
          {props.fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
        {field?.numeric ? (
          <label className="flex shrink-0 items-center gap-1 text-sm text-stone-700">
            {t("stats.builder.bin")}
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              value={props.bin}
              title={t("stats.builder.binHint")}
              aria-invalid={props.binProblem ? true : undefined}
              onChange={(e) => props.onChange(props.value, e.target.value)}
              className={`${control} ${border(!!props.binProblem)} w-20`}
            />
          </label>
        ) : null}
      </div>
      {props.problem || props.binProblem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700">
          {props.problem ?? props.binProblem}
        </p>
      ) : null}
    </div>
  );
}
