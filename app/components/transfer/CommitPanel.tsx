// Step 3: how to import (the rows that passed, or all or nothing) and a confirm button naming the counts;
// afterwards the outcome — and when a commit did not finish, exactly how much of the file is in the
// database and how to import the rest safely.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { localMessage } from "../format.ts";
import { primaryButton, secondaryButton } from "../query/parts.tsx";
import { Notice } from "../ui.tsx";
import type { ImportResult, Job } from "./api.ts";
import { Totals } from "./CheckResults.tsx";

export function CommitPanel(props: {
  result: ImportResult;
  busy: boolean;
  onCommit: (atomic: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [atomic, setAtomic] = useState(false);
  const { accepted, rejected, unchanged } = props.result.totals;
  const writable = accepted - unchanged;
  const blocked = atomic && rejected > 0;
  const choices = [
    { value: false, label: t("transfer.commit.validOnly"), hint: t("transfer.commit.validOnlyHint") },
    { value: true, label: t("transfer.commit.atomic"), hint: t("transfer.commit.atomicHint") },
  ];
  return (
    <section className="flex flex-col gap-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t("transfer.commit.title")}
      </h2>
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{t("transfer.commit.title")}</legend>
        {choices.map((c) => (
          <label key={String(c.value)} className="flex min-h-10 items-start gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-atomic`}
              checked={atomic === c.value}
              onChange={() => setAtomic(c.value)}
              className="mt-1"
            />
            <span>
              {c.label}
              <span className="block text-xs text-stone-500">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {blocked ? (
        <Notice kind="error">{t("transfer.commit.atomicBlocked", { count: rejected })}</Notice>
      ) : null}
      {writable <= 0 && !blocked ? (
        <p className="text-sm text-stone-600">{t("transfer.commit.nothing")}</p>
      ) : null}
      <div>
        <button
          type="button"
          className={primaryButton}
          disabled={props.busy || blocked || writable <= 0}
          onClick={() => props.onCommit(atomic)}
        >
          {rejected > 0 && !atomic
            ? t("transfer.commit.confirmSkip", { count: writable, skip: rejected })
            : t("transfer.commit.confirm", { count: writable })}
        </button>
      </div>
    </section>
  );
}

/** A finished commit (or one that did not finish). */
export function CommitOutcome(props: {
  job: Job;
  lang: "zh-CN" | "en";
  tableKey: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const { job } = props;
  const result = job.result as ImportResult | null;
  const totals = result?.totals;
  const rolledBack = job.status === "done" && result && !result.committed && totals && totals.rejected > 0;
  const committed =
    job.committedRows > 0
      ? t("transfer.outcome.committed", { rows: job.committedRows, through: job.committedThrough ?? "—" })
      : t("transfer.outcome.committedNone");
  const unfinished = job.status === "cancelled" || job.status === "failed" || job.status === "interrupted";
  return (
    <section className="flex flex-col gap-3" aria-live="polite">
      {job.status === "done" && !rolledBack ? (
        <Notice kind="success">
          <p className="font-medium">{t("transfer.outcome.done")}</p>
          {totals ? <p>{t("transfer.outcome.counts", totals)}</p> : null}
          {/* Valid-rows commits record their committed prefix; all-or-nothing writes in one go. */}
          {job.committedRows > 0 ? <p>{committed}</p> : null}
        </Notice>
      ) : null}
      {rolledBack ? (
        <Notice kind="error">{t("transfer.outcome.rolledBack", { count: totals.rejected })}</Notice>
      ) : null}
      {unfinished ? (
        <Notice kind="error">
          <p className="font-medium">
            {job.status === "cancelled"
              ? t("transfer.outcome.cancelled")
              : job.status === "interrupted"
                ? t("transfer.outcome.interrupted")
                : t("transfer.outcome.failed", { error: localMessage(job.error ?? "", props.lang) })}
          </p>
          <p>{committed}</p>
          {job.committedRows > 0 ? <p>{t("transfer.outcome.safe")}</p> : null}
        </Notice>
      ) : null}
      {totals && job.status === "done" ? (
        <Totals
          items={[
            { label: t("transfer.results.actions.insert"), value: totals.inserted, tone: "good" },
            { label: t("transfer.results.actions.update"), value: totals.updated, tone: "good" },
            { label: t("transfer.results.unchanged"), value: totals.unchanged },
            { label: t("transfer.results.rejected"), value: totals.rejected, tone: "bad" },
          ]}
        />
      ) : null}
      {job.links.report ? (
        <p className="text-sm">
          <a href={job.links.report} download className="font-medium text-brand-700 underline">
            {t("transfer.results.report")}
          </a>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Link to={`/admin/data/${props.tableKey}`} className={primaryButton}>
          {t("transfer.outcome.view")}
        </Link>
        <button type="button" className={secondaryButton} onClick={props.onAgain}>
          {t("transfer.outcome.again")}
        </button>
      </div>
    </section>
  );
}
