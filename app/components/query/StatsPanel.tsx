// 统计: count (and sum, average, minimum, maximum of number fields) the records of the current query by
// one field, or by two as a cross table, with row, column and grand totals.
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Aggregate, ViewQuery } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { useQueryApi } from "./api.ts";
import { CrossTableView } from "./CrossTableView.tsx";
import { border, control, ErrorNote, IconButton, secondaryButton, smallButton } from "./parts.tsx";
import {
  addMeasure,
  crossCsv,
  crossTable,
  groupableFields,
  type MeasureChoice,
  measureFields,
  removeMeasure,
  statsRequest,
} from "./stats.ts";
import { useLoad } from "./useLoad.ts";

const FNS: Aggregate[] = ["count", "sum", "avg", "min", "max"];

export interface StatsPanelProps {
  table: GridTable;
  /** The grid's current query: what is counted. */
  query: ViewQuery;
}

export function StatsPanel(props: StatsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const { table } = props;
  const api = useQueryApi(table.key);
  const groupable = useMemo(() => groupableFields(table.fields), [table.fields]);
  const numbers = useMemo(() => measureFields(table.fields), [table.fields]);
  const [rows, setRows] = useState(
    () => (groupable.find((f) => f.key === "category" || f.label === "人员类别") ?? groupable[0])?.key ?? "",
  );
  const [columns, setColumns] = useState("");
  const [measures, setMeasures] = useState<MeasureChoice[]>([{ fn: "count" }]);
  const [fn, setFn] = useState<Aggregate>("avg");
  const [numberField, setNumberField] = useState(numbers[0]?.key ?? "");
  const [copied, setCopied] = useState(false);

  const request = rows ? statsRequest(props.query, rows, columns || undefined, measures) : null;
  const loaded = useLoad(
    request ? JSON.stringify(request) : null,
    (signal) => api.stats(request!, signal),
    250,
  );

  const label = (key: string | undefined) => table.fields.find((f) => f.key === key)?.label ?? key ?? "";
  const measureLabel = (m: MeasureChoice) =>
    m.fn === "count"
      ? t("query.stats.fns.count")
      : t("query.stats.measureOf", { fn: t(`query.stats.fns.${m.fn}`), field: label(m.field) });

  const result = loaded.data;
  const cross = result ? crossTable(result, t("query.stats.total")) : null;
  const resultMeasures = (result?.measures ?? []).map((m) => ({ fn: m.fn, label: measureLabel(m) }));
  const caption = result
    ? columns
      ? t("query.stats.captionTwo", { rows: label(rows), columns: label(columns) })
      : t("query.stats.captionOne", { rows: label(rows) })
    : "";

  const copy = async () => {
    if (!cross) return;
    try {
      await navigator.clipboard.writeText(
        crossCsv(
          cross,
          label(rows),
          resultMeasures.map((m) => m.label),
        ),
      );
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };

  if (groupable.length === 0) return <p className="text-sm text-stone-500">{t("query.stats.noFields")}</p>;
  return (
    <section aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-stone-800">
        {t("query.stats.title")}
      </h3>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm text-stone-700">
          {t("query.stats.rows")}
          <select value={rows} onChange={(e) => setRows(e.target.value)} className={`${control} ${border()}`}>
            {groupable.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-stone-700">
          {t("query.stats.columns")}
          <select
            value={columns}
            onChange={(e) => setColumns(e.target.value)}
            className={`${control} ${border()}`}
          >
            <option value="">{t("query.stats.noColumns")}</option>
            {groupable
              .filter((f) => f.key !== rows)
              .map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
          </select>
        </label>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm text-stone-700">{t("query.stats.measures")}</legend>
        <ul className="flex flex-wrap gap-1">
          {measures.map((m, i) => (
            <li
              key={`${m.fn}:${m.field ?? ""}`}
              className="flex items-center rounded-full border border-stone-300 bg-stone-50 pl-3 text-sm"
            >
              {measureLabel(m)}
              <IconButton
                label={t("query.stats.removeMeasure", { measure: measureLabel(m) })}
                disabled={measures.length <= 1}
                onClick={() => setMeasures((ms) => removeMeasure(ms, i))}
              >
                ×
              </IconButton>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-center gap-1.5">
          <select
            aria-label={t("query.stats.fn")}
            value={fn}
            onChange={(e) => setFn(e.target.value as Aggregate)}
            className={`${control} ${border()} w-auto`}
          >
            {FNS.map((f) => (
              <option key={f} value={f}>
                {t(`query.stats.fns.${f}`)}
              </option>
            ))}
          </select>
          {fn !== "count" ? (
            numbers.length > 0 ? (
              <select
                aria-label={t("query.stats.numberField")}
                value={numberField}
                onChange={(e) => setNumberField(e.target.value)}
                className={`${control} ${border()} w-auto`}
              >
                {numbers.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
              </select>
            ) : (
              <span className="text-sm text-stone-500">{t("query.stats.noNumbers")}</span>
            )
          ) : null}
          <button
            type="button"
            className={smallButton}
            disabled={fn !== "count" && !numberField}
            onClick={() =>
              setMeasures((ms) => addMeasure(ms, fn === "count" ? { fn } : { fn, field: numberField }))
            }
          >
            <span aria-hidden="true">＋</span> {t("query.stats.addMeasure")}
          </button>
        </div>
      </fieldset>
      {loaded.error ? <ErrorNote error={loaded.error} /> : null}
      <div aria-live="polite" aria-busy={loaded.loading || undefined} className="flex flex-col gap-2">
        {loaded.loading && !cross ? <p className="text-sm text-stone-500">{t("query.loading")}</p> : null}
        {cross ? (
          <>
            <CrossTableView table={cross} caption={caption} corner={label(rows)} measures={resultMeasures} />
            <div className="flex items-center gap-2">
              <button type="button" className={secondaryButton} onClick={copy}>
                {t("query.stats.copy")}
              </button>
              {copied ? (
                <span role="status" className="text-sm text-green-700">
                  {t("query.stats.copied")}
                </span>
              ) : null}
              {loaded.loading ? <span className="text-sm text-stone-500">{t("query.loading")}</span> : null}
            </div>
          </>
        ) : null}
      </div>
    </section>
  );
}
