// A running job: a progress bar with its percentage (or rows done, when a CSV's length is unknown), the
// time left estimated from the rate seen so far, and Cancel.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { secondaryButton } from "../query/parts.tsx";
import type { Job } from "./api.ts";

export function ProgressBar(props: { fraction: number | null; label: string }) {
  const pct = props.fraction === null ? null : Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      className="h-3 w-full overflow-hidden rounded-full bg-stone-200"
    >
      <div
        className={`h-full rounded-full bg-brand-500 transition-[width] duration-500 ${pct === null ? "w-1/3 animate-pulse" : ""}`}
        style={pct === null ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}

/** Seconds left from the rate between the first sample seen and now; null until it can be told. */
function useEta(job: Job): number | null {
  const first = useRef<{ key: string; at: number; done: number } | null>(null);
  const key = `${job.id}:${job.phase}:${job.startedAt}`;
  const now = Date.now();
  if (first.current?.key !== key) first.current = { key, at: now, done: job.done };
  const start = first.current;
  const elapsed = (now - start.at) / 1000;
  if (job.total === null || elapsed < 1.5 || job.done <= start.done) return null;
  const rate = (job.done - start.done) / elapsed;
  return Math.max(0, (job.total - job.done) / rate);
}

export function JobProgress(props: { job: Job; title: string; onCancel: () => Promise<void> }) {
  const { t } = useTranslation();
  const { job } = props;
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => setCancelling(false), [job.id, job.phase]);
  const eta = useEta(job);
  const fraction = job.total ? job.done / job.total : null;
  const rows =
    job.total !== null
      ? t("transfer.progress.rowsOf", { done: job.done.toLocaleString(), total: job.total.toLocaleString() })
      : t("transfer.progress.rows", { done: job.done.toLocaleString() });
  return (
    <section className="flex flex-col gap-3" aria-live="polite" aria-busy="true">
      <h2 className="text-base font-semibold">{props.title}</h2>
      <ProgressBar fraction={fraction} label={t("transfer.progress.label")} />
      <p className="flex flex-wrap gap-x-4 text-sm text-stone-600">
        {fraction !== null ? <span className="font-medium">{Math.round(fraction * 100)}%</span> : null}
        <span>{rows}</span>
        {eta !== null ? <span>{t("transfer.progress.eta", { time: duration(t, eta) })}</span> : null}
      </p>
      <div>
        <button
          type="button"
          className={secondaryButton}
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void props.onCancel().finally(() => setCancelling(false));
          }}
        >
          {cancelling ? t("transfer.progress.cancelling") : t("transfer.progress.cancel")}
        </button>
      </div>
    </section>
  );
}

function duration(t: (key: string, o?: Record<string, unknown>) => string, seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return t("transfer.progress.seconds", { count: s });
  return t("transfer.progress.minutes", { m: Math.floor(s / 60), s: s % 60 });
}
