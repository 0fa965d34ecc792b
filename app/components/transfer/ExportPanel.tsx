// 导出: the grid's current view — its query (filters, sort, colour rules) and its visible columns in
// order — as .xlsx or .csv, with the table's sub-tables as extra sheets if asked, and full sensitive
// values only for those who may reveal them. The export runs as a job; a link downloads the file.
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ViewColumn, ViewQuery } from "../../query/view.ts";
import { localMessage } from "../format.ts";
import { apiJson } from "../grid/api.ts";
import type { GridTable } from "../grid/types.ts";
import { ErrorNote, primaryButton, secondaryButton } from "../query/parts.tsx";
import { useRoot } from "../useRoot.ts";
import { isRunning, type Job, transferApi, useJob } from "./api.ts";
import { JobProgress } from "./JobProgress.tsx";

interface TableSummary {
  id: number;
  key: string;
  name: string;
  parentId: number | null;
}

export function ExportPanel(props: {
  table: GridTable;
  query: ViewQuery;
  columns: Required<ViewColumn>[];
  /** Kept by the toolbar, so closing the panel while an export runs does not lose it. */
  jobId: number | null;
  onJob: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { csrfToken, lang } = useRoot();
  const api = useMemo(() => transferApi(csrfToken), [csrfToken]);
  const [format, setFormat] = useState<"xlsx" | "csv">("xlsx");
  const [subs, setSubs] = useState<TableSummary[]>([]);
  const [chosenSubs, setChosenSubs] = useState<string[]>([]);
  const [reveal, setReveal] = useState(false);
  const { jobId, onJob: setJobId } = props;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { job, replace } = useJob(jobId, csrfToken);

  useEffect(() => {
    let live = true;
    apiJson<{ items: TableSummary[] }>("/api/v1/tables")
      .then(({ items }) => {
        const self = items.find((i) => i.key === props.table.key);
        if (live && self) setSubs(items.filter((i) => i.parentId === self.id));
      })
      .catch(() => {
        // Without the list the export still works, only without sub-tables.
      });
    return () => {
      live = false;
    };
  }, [props.table.key]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await api.exportView(props.table.key, {
        query: props.query,
        columns: props.columns.filter((c) => !c.hidden).map((c) => c.key),
        format,
        ...(format === "xlsx" && chosenSubs.length ? { subTables: chosenSubs } : {}),
        ...(reveal ? { reveal: true } : {}),
      });
      setJobId(started.id);
      replace(started);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (job && isRunning(job))
    return (
      <JobProgress
        job={job}
        title={t("transfer.progress.exporting")}
        onCancel={async () => replace(await api.cancel(job.id))}
      />
    );
  if (job) return <ExportOutcome job={job} lang={lang} onAgain={() => setJobId(null)} />;

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <h2 className="text-base font-semibold">{t("transfer.export.title")}</h2>
      <p className="text-sm text-stone-600">{t("transfer.export.hint")}</p>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium text-stone-700">{t("transfer.export.format")}</legend>
        {(["xlsx", "csv"] as const).map((f) => (
          <label key={f} className="flex min-h-9 items-center gap-2 text-sm">
            <input type="radio" name={`${id}-format`} checked={format === f} onChange={() => setFormat(f)} />
            {t(`transfer.export.${f}`)}
          </label>
        ))}
      </fieldset>
      {subs.length > 0 ? (
        <fieldset className="flex flex-col gap-1" disabled={format === "csv"}>
          <legend className="mb-1 text-sm font-medium text-stone-700">
            {t("transfer.export.subTables")}
          </legend>
          {subs.map((s) => (
            <label key={s.key} className="flex min-h-9 items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosenSubs.includes(s.key)}
                onChange={(e) =>
                  setChosenSubs((c) => (e.target.checked ? [...c, s.key] : c.filter((k) => k !== s.key)))
                }
              />
              {s.name}
            </label>
          ))}
          {format === "csv" ? (
            <p className="text-xs text-stone-500">{t("transfer.export.subTablesCsv")}</p>
          ) : null}
        </fieldset>
      ) : null}
      {props.table.can.reveal ? (
        <label className="flex min-h-9 items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={reveal}
            onChange={(e) => setReveal(e.target.checked)}
          />
          <span>
            {t("transfer.export.reveal")}
            <span className="block text-xs text-stone-500">{t("transfer.export.revealHint")}</span>
          </span>
        </label>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <div>
        <button type="submit" className={primaryButton} disabled={busy}>
          {t("transfer.export.start")}
        </button>
      </div>
    </form>
  );
}

function ExportOutcome(props: { job: Job; lang: "zh-CN" | "en"; onAgain: () => void }) {
  const { t } = useTranslation();
  const { job } = props;
  const rows = (job.result as { rows?: number } | null)?.rows ?? job.done;
  return (
    <div className="flex flex-col gap-3" aria-live="polite">
      {job.status === "done" ? (
        <>
          <p className="text-sm text-green-800">{t("transfer.export.done", { count: rows })}</p>
          {job.links.download ? (
            <div>
              <a href={job.links.download} download className={primaryButton}>
                {t("transfer.export.download")}
              </a>
            </div>
          ) : null}
        </>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {job.status === "cancelled"
            ? t("transfer.export.cancelled")
            : t("transfer.export.failed", { error: localMessage(job.error ?? "", props.lang) })}
        </p>
      )}
      <div>
        <button type="button" className={secondaryButton} onClick={props.onAgain}>
          {t("transfer.export.again")}
        </button>
      </div>
    </div>
  );
}
