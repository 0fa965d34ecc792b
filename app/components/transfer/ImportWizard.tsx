// The import wizard (SPEC §A4): choose and upload a file → it is checked (a dry run; progress, Cancel) →
// look at the results, change the sheet, header row, mapping, mode or key and check again → commit
// (progress, Cancel) → the outcome. The job's id is kept in the address (?job=12), so a reload or the
// recent-jobs list comes back to the same step; everything else lives in the job on the server.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { localMessage } from "../format.ts";
import { ErrorNote } from "../query/parts.tsx";
import { Card, Notice } from "../ui.tsx";
import { useRoot } from "../useRoot.ts";
import { type ImportResult, isRunning, type Job, transferApi, useJob } from "./api.ts";
import { CheckResults } from "./CheckResults.tsx";
import { CheckSettings, type ImportField, type Place } from "./CheckSettings.tsx";
import { CommitOutcome, CommitPanel } from "./CommitPanel.tsx";
import { FilePicker } from "./FilePicker.tsx";
import { JobProgress } from "./JobProgress.tsx";
import { RecentJobs } from "./RecentJobs.tsx";

export interface ImportWizardProps {
  table: { key: string; name: string };
  fields: ImportField[];
  places: Place[];
  hasDocument: boolean;
  initialJob: number | null;
}

/** The job in the address without a navigation (the page already shows it). */
function rememberJob(id: number | null) {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete("job");
  else url.searchParams.set("job", String(id));
  window.history.replaceState(window.history.state, "", url);
}

function Steps(props: { at: 0 | 1 | 2 }) {
  const { t } = useTranslation();
  const steps = [t("transfer.steps.choose"), t("transfer.steps.check"), t("transfer.steps.commit")];
  return (
    <ol className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={i === props.at ? "step" : undefined}
          className={i === props.at ? "font-semibold text-brand-700" : "text-stone-500"}
        >
          {i + 1}. {label}
        </li>
      ))}
    </ol>
  );
}

export function ImportWizard(props: ImportWizardProps) {
  const { t } = useTranslation();
  const { csrfToken, lang } = useRoot();
  const api = useMemo(() => transferApi(csrfToken), [csrfToken]);
  const [jobId, setJobId] = useState<number | null>(props.initialJob);
  const { job, error, replace } = useJob(jobId, csrfToken);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const act = async (fn: () => Promise<Job>) => {
    setBusy(true);
    setActionError(null);
    try {
      replace(await fn());
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const start = async (file: File, onProgress: (f: number) => void) => {
    const uploaded = await api.upload(file, props.table.key, onProgress);
    setJobId(uploaded.id);
    replace(uploaded);
    rememberJob(uploaded.id);
  };
  const again = () => {
    setJobId(null);
    setActionError(null);
    rememberJob(null);
  };

  const step = jobId === null ? 0 : job?.phase === "commit" ? 2 : 1;
  return (
    <div className="flex flex-col gap-6">
      <Steps at={step} />
      <Card>
        {jobId === null ? (
          <FilePicker onUpload={start} />
        ) : !job ? (
          error ? (
            <ErrorNote error={error} />
          ) : (
            <p className="text-sm text-stone-500" aria-busy="true">
              …
            </p>
          )
        ) : isRunning(job) ? (
          <JobProgress
            job={job}
            title={
              job.phase === "commit" ? t("transfer.progress.committing") : t("transfer.progress.checking")
            }
            onCancel={() => act(() => api.cancel(job.id))}
          />
        ) : job.phase === "commit" ? (
          <CommitOutcome job={job} lang={lang} tableKey={props.table.key} onAgain={again} />
        ) : (
          <CheckStep
            job={job}
            props={props}
            busy={busy}
            onCheck={(changes) => void act(() => api.check(job.id, changes))}
            onCommit={(atomic) => void act(() => api.commit(job.id, atomic))}
            onAgain={again}
          />
        )}
        {actionError ? (
          <div className="mt-3">
            <ErrorNote error={actionError} />
          </div>
        ) : null}
      </Card>
      <RecentJobs
        csrf={csrfToken}
        tableKey={props.table.key}
        refreshKey={`${job?.id}:${job?.phase}:${job?.status}`}
      />
    </div>
  );
}

/** A finished, failed or cancelled check: the results (when there are any), the settings, the commit. */
function CheckStep(p: {
  job: Job;
  props: ImportWizardProps;
  busy: boolean;
  onCheck: Parameters<typeof CheckSettings>[0]["onCheck"];
  onCommit: (atomic: boolean) => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { job } = p;
  const result = job.status === "done" ? (job.result as ImportResult | null) : null;
  return (
    <div className="flex flex-col gap-6">
      {job.status === "failed" ? (
        <Notice kind="error">
          {t("transfer.outcome.checkFailed", { error: localMessage(job.error ?? "", lang) })}
        </Notice>
      ) : null}
      {job.status === "cancelled" || job.status === "interrupted" ? (
        <Notice kind="info">{t("transfer.outcome.checkCancelled")}</Notice>
      ) : null}
      {result ? (
        <section className="flex flex-col gap-3">
          <h2 className="text-base font-semibold">{t("transfer.results.title")}</h2>
          <CheckResults result={result} reportUrl={job.links.report} />
        </section>
      ) : null}
      <details
        open={!result || result.totals.rejected > 0}
        className="rounded-md border border-stone-200 p-3"
      >
        <summary className="cursor-pointer text-base font-semibold">{t("transfer.settings.title")}</summary>
        <div className="mt-3">
          <CheckSettings
            key={job.updatedAt}
            job={job}
            fields={p.props.fields}
            places={p.props.places}
            hasDocument={p.props.hasDocument}
            busy={p.busy}
            onCheck={p.onCheck}
          />
        </div>
      </details>
      {result ? <CommitPanel result={result} busy={p.busy} onCommit={p.onCommit} /> : null}
      <div>
        <button type="button" className="text-sm text-stone-600 underline" onClick={p.onAgain}>
          {t("transfer.choose.another")}
        </button>
      </div>
    </div>
  );
}
