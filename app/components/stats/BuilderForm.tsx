// The chart builder's controls: title, type, groupings, measure, time axis, filter and moment. Controlled:
// the page holds the state and draws the preview from it.
import { useTranslation } from "react-i18next";
import { CHART_TYPES, PERIODS } from "../../stats/spec.ts";
import { border, control } from "../query/parts.tsx";
import { type BuilderFn, type BuilderState, type Problems, TIME_TYPES } from "./builder.ts";
import type { StatsField } from "./fields.ts";
import { GroupPicker } from "./GroupPicker.tsx";
import { MomentPicker, ViewPicker } from "./pickers.tsx";

const FNS: BuilderFn[] = ["count", "sum", "avg"];
const labelClass = "flex min-w-0 flex-col gap-1 text-sm font-medium text-stone-700";

export function BuilderForm(props: {
  state: BuilderState;
  onChange: (patch: Partial<BuilderState>) => void;
  fields: readonly StatsField[];
  problems: Problems;
  /** Shown in the title box until the reader writes their own. */
  titlePlaceholder: string;
  today: string;
}) {
  const { t } = useTranslation();
  const { state, onChange, fields, problems } = props;
  const problem = (key: keyof Problems) =>
    problems[key] ? t(`stats.builder.problems.${problems[key]}`) : undefined;
  const numbers = fields.filter((f) => f.numeric);
  const types = state.time ? TIME_TYPES : CHART_TYPES;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          {t("stats.builder.title")}
          <input
            value={state.title}
            maxLength={60}
            placeholder={props.titlePlaceholder}
            onChange={(e) => onChange({ title: e.target.value })}
            className={`${control} ${border(!!problems.title)} font-normal`}
          />
          {problem("title") ? <span className="text-red-700">{problem("title")}</span> : null}
        </label>
        <label className={labelClass}>
          {t("stats.builder.type")}
          <select
            value={types.includes(state.type) ? state.type : types[0]}
            onChange={(e) => onChange({ type: e.target.value as BuilderState["type"] })}
            className={`${control} ${border()} font-normal`}
          >
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`stats.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {state.time && state.timeMode === "flow" ? null : (
          <GroupPicker
            label={t("stats.builder.rows")}
            fields={fields}
            value={state.rows}
            bin={state.rowsBin}
            noneLabel={state.time ? t("stats.builder.rowsNone") : undefined}
            onChange={(rows, rowsBin) => onChange({ rows, rowsBin })}
            problem={problem("rows")}
            binProblem={problem("rowsBin")}
          />
        )}
        {state.time ? null : (
          <GroupPicker
            label={t("stats.builder.columns")}
            fields={fields}
            value={state.columns}
            bin={state.columnsBin}
            noneLabel={t("stats.builder.columnsNone")}
            onChange={(columns, columnsBin) => onChange({ columns, columnsBin })}
            problem={problem("columns")}
            binProblem={problem("columnsBin")}
          />
        )}
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          {t("stats.builder.measure")}
          <select
            value={state.fn}
            onChange={(e) => {
              const fn = e.target.value as BuilderFn;
              onChange({ fn, measureField: state.measureField || numbers[0]?.key || "" });
            }}
            className={`${control} ${border()} font-normal`}
          >
            {FNS.map((fn) => (
              <option key={fn} value={fn}>
                {t(`stats.fns.${fn}`)}
              </option>
            ))}
          </select>
        </label>
        {state.fn !== "count" ? (
          numbers.length > 0 ? (
            <label className={labelClass}>
              {t("stats.builder.measureField")}
              <select
                value={state.measureField}
                onChange={(e) => onChange({ measureField: e.target.value })}
                className={`${control} ${border(!!problems.measure)} font-normal`}
              >
                {numbers.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
              </select>
              {problem("measure") ? <span className="text-red-700">{problem("measure")}</span> : null}
            </label>
          ) : (
            <p className="self-end text-sm text-stone-500">{t("stats.builder.noNumbers")}</p>
          )
        ) : null}
      </div>

      <fieldset className="flex flex-col gap-3 rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium text-stone-700">
          <label className="inline-flex min-h-10 items-center gap-2">
            <input
              type="checkbox"
              checked={state.time}
              onChange={(e) => onChange({ time: e.target.checked })}
            />
            {t("stats.builder.time")}
          </label>
        </legend>
        {state.time ? (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <label className={labelClass}>
              {t("stats.builder.timeMode")}
              <select
                value={state.timeMode}
                onChange={(e) => onChange({ timeMode: e.target.value as BuilderState["timeMode"] })}
                className={`${control} ${border()} font-normal`}
              >
                <option value="flow">{t("stats.modes.flow")}</option>
                <option value="stock">{t("stats.modes.stock")}</option>
              </select>
            </label>
            <label className={labelClass}>
              {t("stats.builder.period")}
              <select
                value={state.period}
                onChange={(e) => onChange({ period: e.target.value as BuilderState["period"] })}
                className={`${control} ${border()} font-normal`}
              >
                {PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {t(`stats.periods.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className={labelClass}>
              {t("stats.builder.from")}
              <input
                type="date"
                value={state.from}
                onChange={(e) => onChange({ from: e.target.value })}
                className={`${control} ${border(!!problems.time)} font-normal`}
              />
            </label>
            <label className={labelClass}>
              {t("stats.builder.to")}
              <input
                type="date"
                value={state.to}
                onChange={(e) => onChange({ to: e.target.value })}
                className={`${control} ${border(!!problems.time)} font-normal`}
              />
            </label>
            {problem("time") ? <p className="text-sm text-red-700 sm:col-span-2">{problem("time")}</p> : null}
          </div>
        ) : null}
      </fieldset>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <ViewPicker table="people" value={state.viewId} onChange={(viewId) => onChange({ viewId })} />
        {state.time ? null : (
          <MomentPicker
            value={state.asOf}
            defaultDay={props.today}
            onChange={(asOf) => onChange({ asOf })}
            legend={t("stats.builder.asOf")}
          />
        )}
      </div>
    </div>
  );
}
