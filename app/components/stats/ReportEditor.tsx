// 报表设计: the form, a preview of the pivot table (POST /api/v1/stats/report shortly after the last
// change) and 「保存报表」 (POST a new report, PATCH a saved one).
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote, primaryButton } from "../query/parts.tsx";
import { useLoad } from "../query/useLoad.ts";
import { type SavedReport, useStatsApi } from "./api.ts";
import { fieldLabel, type StatsField } from "./fields.ts";
import { PivotTable } from "./PivotTable.tsx";
import { ReportForm } from "./ReportForm.tsx";
import { buildReport, initialReport, type ReportState, stateOfReport, suggestedName } from "./report.ts";

export function ReportEditor(props: {
  fields: StatsField[];
  today: string;
  saved: SavedReport | null;
  onSaved: (report: SavedReport) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useStatsApi();
  const [state, setState] = useState<ReportState>(() =>
    props.saved ? stateOfReport(props.saved) : initialReport(),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const label = (key: string) => fieldLabel(props.fields, key, i18n.language);
  const suggestion = suggestedName(state, label);
  const built = useMemo(() => buildReport(state, props.fields), [state, props.fields]);
  const definition = built.definition;
  const name = state.name.trim() || suggestion;

  const preview = useLoad(
    definition ? JSON.stringify({ definition, name }) : null,
    (signal) => api.previewReport(definition!, undefined, signal),
    400,
  );

  const save = async () => {
    if (!definition) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const input = { name, shared: state.shared, definition };
      const report = props.saved
        ? await api.updateReport(props.saved.id, input)
        : await api.createReport(input);
      setDone(true);
      props.onSaved(report);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] print:block">
      <div className="flex flex-col gap-4 print:hidden">
        <ReportForm
          state={state}
          onChange={(patch) => {
            setDone(false);
            setState((s) => ({ ...s, ...patch }));
          }}
          fields={props.fields}
          problems={built.problems ?? {}}
          namePlaceholder={suggestion}
          today={props.today}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={primaryButton}
            disabled={busy || !definition || !name}
            onClick={save}
          >
            {busy ? t("stats.builder.saving") : t("stats.report.save")}
          </button>
          {done ? (
            <p role="status" className="text-sm text-green-700">
              {t("stats.report.saved")}
            </p>
          ) : null}
        </div>
        {error ? <ErrorNote error={error} /> : null}
      </div>
      <section
        aria-labelledby="report-preview"
        aria-busy={preview.loading || undefined}
        className="flex min-w-0 flex-col gap-3"
      >
        <h2 id="report-preview" className="text-base font-semibold text-stone-900 print:hidden">
          {t("stats.report.preview")}
          {preview.loading ? (
            <span className="ml-2 text-sm font-normal text-stone-500">{t("stats.loading")}</span>
          ) : null}
        </h2>
        {preview.error ? <ErrorNote error={preview.error} /> : null}
        {preview.data && !preview.error ? <PivotTable result={{ ...preview.data, name }} /> : null}
      </section>
    </div>
  );
}
