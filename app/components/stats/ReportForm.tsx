// The report builder's controls: name, row groups (1–3 levels), column groups (0–2), measures,
// 小计 / 合计, a saved view's filter, a fixed as-of date and sharing. Controlled by the page.
import { useTranslation } from "react-i18next";
import type { Aggregate } from "../../query/view.ts";
import { border, control, IconButton, smallButton } from "../query/parts.tsx";
import { fieldLabel, type StatsField } from "./fields.ts";
import { GroupPicker } from "./GroupPicker.tsx";
import { MomentPicker, ViewPicker } from "./pickers.tsx";
import {
  type GroupChoice,
  MAX_COLUMNS,
  MAX_MEASURES,
  MAX_ROWS,
  type ReportProblems,
  type ReportState,
} from "./report.ts";

const FNS: Aggregate[] = ["count", "sum", "avg", "min", "max"];
const labelClass = "flex min-w-0 flex-col gap-1 text-sm font-medium text-stone-700";

export function ReportForm(props: {
  state: ReportState;
  onChange: (patch: Partial<ReportState>) => void;
  fields: readonly StatsField[];
  problems: ReportProblems;
  namePlaceholder: string;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const { state, onChange, fields, problems } = props;
  const problem = (key: string) => (problems[key] ? t(`stats.report.problems.${problems[key]}`) : undefined);
  const numbers = fields.filter((f) => f.numeric);
  const label = (key: string) => fieldLabel(fields, key, i18n.language);
  // A new level takes the first field not used yet.
  const unused = () => fields.find((f) => ![...state.rows, ...state.columns].some((g) => g.field === f.key));

  const groupList = (side: "rows" | "columns", max: number, min: number) => {
    const list = state[side];
    const set = (next: GroupChoice[]) => onChange({ [side]: next });
    return (
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-stone-800">{t(`stats.report.${side}`)}</legend>
        {list.map((g, i) => (
          <div key={i} className="flex items-end gap-1">
            <div className="min-w-0 flex-1">
              <GroupPicker
                label={t("stats.report.rowLevel", { n: i + 1 })}
                fields={fields}
                value={g.field}
                bin={g.bin}
                onChange={(field, bin) => set(list.map((x, j) => (j === i ? { field, bin } : x)))}
                problem={problem(`${side}.${i}`)}
              />
            </div>
            {list.length > min ? (
              <IconButton
                label={t("stats.report.removeGroup", { label: label(g.field) })}
                onClick={() => set(list.filter((_, j) => j !== i))}
              >
                ×
              </IconButton>
            ) : null}
          </div>
        ))}
        {list.length < max ? (
          <button
            type="button"
            className={`${smallButton} self-start`}
            onClick={() => set([...list, { field: unused()?.key ?? fields[0]?.key ?? "", bin: "" }])}
          >
            <span aria-hidden="true">＋</span>{" "}
            {t(side === "rows" ? "stats.report.addRow" : "stats.report.addColumn")}
          </button>
        ) : null}
      </fieldset>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <label className={labelClass}>
        {t("stats.report.name")}
        <input
          value={state.name}
          maxLength={100}
          placeholder={props.namePlaceholder}
          onChange={(e) => onChange({ name: e.target.value })}
          className={`${control} ${border(!!problems.name)} font-normal`}
        />
      </label>
      {groupList("rows", MAX_ROWS, 1)}
      {groupList("columns", MAX_COLUMNS, 0)}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-stone-800">{t("stats.report.measures")}</legend>
        {state.measures.map((m, i) => {
          const set = (patch: Partial<typeof m>) =>
            onChange({ measures: state.measures.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          const text =
            m.fn === "count" ? t("stats.fns.count") : `${t(`stats.fns.${m.fn}`)} ${label(m.field)}`;
          return (
            <div key={i} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-1.5">
                <select
                  aria-label={t("stats.builder.measure")}
                  value={m.fn}
                  onChange={(e) =>
                    set({ fn: e.target.value as Aggregate, field: m.field || numbers[0]?.key || "" })
                  }
                  className={`${control} ${border()} w-auto`}
                >
                  {FNS.map((fn) => (
                    <option key={fn} value={fn}>
                      {t(`stats.fns.${fn}`)}
                    </option>
                  ))}
                </select>
                {m.fn !== "count" ? (
                  <select
                    aria-label={t("stats.builder.measureField")}
                    value={m.field}
                    onChange={(e) => set({ field: e.target.value })}
                    className={`${control} ${border(!!problems[`measures.${i}`])} w-auto`}
                  >
                    {numbers.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                ) : null}
                {state.measures.length > 1 ? (
                  <IconButton
                    label={t("stats.report.removeMeasure", { label: text })}
                    onClick={() => onChange({ measures: state.measures.filter((_, j) => j !== i) })}
                  >
                    ×
                  </IconButton>
                ) : null}
              </div>
              {problem(`measures.${i}`) ? (
                <p className="text-sm text-red-700">{problem(`measures.${i}`)}</p>
              ) : null}
            </div>
          );
        })}
        {state.measures.length < MAX_MEASURES ? (
          <button
            type="button"
            className={`${smallButton} self-start`}
            onClick={() => onChange({ measures: [...state.measures, { fn: "count", field: "" }] })}
          >
            <span aria-hidden="true">＋</span> {t("stats.report.addMeasure")}
          </button>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        {(["subtotals", "totals"] as const).map((key) => (
          <label key={key} className="inline-flex min-h-10 items-center gap-2 text-sm text-stone-700">
            <input
              type="checkbox"
              checked={state[key]}
              onChange={(e) => onChange({ [key]: e.target.checked })}
            />
            {t(`stats.report.${key}`)}
          </label>
        ))}
        <label className="inline-flex min-h-10 items-center gap-2 text-sm text-stone-700">
          <input
            type="checkbox"
            checked={state.shared}
            onChange={(e) => onChange({ shared: e.target.checked })}
          />
          {t("stats.report.share")}
        </label>
      </div>
      <ViewPicker table="people" value={state.viewId} onChange={(viewId) => onChange({ viewId })} />
      <MomentPicker
        value={state.asOf}
        defaultDay={props.today}
        onChange={(asOf) => onChange({ asOf })}
        legend={t("stats.report.fixedAsOf")}
      />
    </div>
  );
}
