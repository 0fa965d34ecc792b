// 打印: a template and whom to print (the people ticked or filtered in the grid, a saved view, a recipient
// group) → one PDF made on the server with progress → opened in a new tab for the browser's print dialog,
// or downloaded. The recent print jobs of one's scope are listed below.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useFetcher, useRevalidator, useSearchParams } from "react-router";
import { jobOut } from "../../../api/presenters-transfer.ts";
import { can } from "../../../auth/permissions.ts";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { buttonLink, cell, DataTable, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { formatMinute } from "../../../components/format.ts";
import { useFormErrors } from "../../../components/formErrors.tsx";
import { audienceChoices } from "../../../components/notices/names.server.ts";
import { ProgressBar } from "../../../components/notices/status.tsx";
import { type GridHandover, takeOverFromGrid } from "../../../components/print/printFromGrid.ts";
import { metaT } from "../../../components/site/meta.ts";
import { isRunning, type Job, useJob } from "../../../components/transfer/api.ts";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import type { Audience } from "../../../notify/campaign-input.ts";
import { startPrint } from "../../../print/jobs.server.ts";
import { listTemplates } from "../../../print/templates.server.ts";
import { listViews } from "../../../query/views.server.ts";
import { listJobs } from "../../../transfer/jobs.server.ts";
import type { Route } from "./+types/print";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const templates = await run(() => listTemplates(services, caller));
  // Groups are the notices' lists: someone who may not send notices simply has none to offer (asked of
  // the matrix first, so a page view writes no access.denied).
  const choices = can(caller.actor.role, "notice.send")
    ? await run(() => audienceChoices(services, caller))
    : {
        views: await run(() => listViews(services, caller, "people")).then((v) =>
          v.map((x) => ({ id: x.id, name: x.name })),
        ),
        groups: [],
      };
  const jobs = (await run(() => listJobs(services, caller, 10, ["print"]))).map(jobOut);
  return {
    templates: templates.map((tpl) => ({ ref: tpl.ref, name: tpl.name, builtin: tpl.builtin })),
    views: choices.views,
    groups: choices.groups,
    jobs,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  return runForm(async () => {
    let audience: unknown;
    try {
      audience = JSON.parse(String(form.get("audience") ?? ""));
    } catch {
      throw invalid("请选择打印对象 / Choose whom to print", {
        audience: "请选择打印对象 / Choose whom to print",
      });
    }
    const job = await startPrint(context.services, caller, {
      template: String(form.get("template") ?? ""),
      audience,
    });
    return { job: jobOut(job) };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("print.job.title")} · ${t("admin.shell.console")}` }];
}

const kb = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface PrintResult {
  records: number;
  pages: number;
  bytes: number;
}

function JobProgress({ job, onCancel }: { job: Job; onCancel(): void }) {
  const { t } = useTranslation();
  const result = job.result as PrintResult | null;
  if (isRunning(job))
    return (
      <div className="flex flex-col gap-2" aria-live="polite">
        <p className="text-sm">
          {job.status === "queued"
            ? t("print.job.queued")
            : t("print.job.running", { done: job.done, total: job.total ?? 0 })}
        </p>
        <ProgressBar done={job.done} total={job.total ?? 0} />
        <div>
          <Button variant="secondary" onClick={onCancel}>
            {t("print.job.cancel")}
          </Button>
        </div>
      </div>
    );
  if (job.status === "done" && result)
    return (
      <div className="flex flex-col gap-3" aria-live="polite">
        <Notice kind="success">
          {t("print.job.done", { records: result.records, pages: result.pages, size: kb(result.bytes) })}
        </Notice>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => void printInPage(`/api/v1/prints/${job.id}/pdf`)}
            className={buttonLink.primary}
          >
            {t("print.job.printNow")}
          </button>
          <a
            href={`/api/v1/prints/${job.id}/pdf`}
            target="_blank"
            rel="noopener"
            className={buttonLink.secondary}
          >
            {t("print.job.open")}
          </a>
          <a href={`/api/v1/prints/${job.id}/pdf?download=1`} className={buttonLink.secondary}>
            {t("print.job.download")}
          </a>
        </div>
        <p className="text-xs text-stone-500">{t("print.job.openHint")}</p>
      </div>
    );
  if (job.status === "cancelled") return <Notice>{t("print.job.cancelled")}</Notice>;
  return <Notice kind="error">{t("print.job.failed", { error: job.error ?? job.status })}</Notice>;
}

/**
 * The browser's print dialog for the PDF, without leaving the page: the PDF is fetched, shown in a hidden
 * frame as a blob: URL (the app's own responses may not be framed) and that frame prints. Where a browser
 * cannot (phones), the PDF opens in a new tab instead.
 */
async function printInPage(url: string) {
  document.getElementById("print-frame")?.remove();
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    window.open(url, "_blank", "noopener");
    return;
  }
  const blob = URL.createObjectURL(await response.blob());
  const frame = document.createElement("iframe");
  frame.id = "print-frame";
  frame.title = "PDF";
  frame.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0";
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, "_blank", "noopener");
    }
  };
  frame.src = blob;
  document.body.appendChild(frame);
}

type Source = "grid" | "view" | "group";

export default function PrintPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { csrfToken } = useRoot();
  const { templates, views, groups, jobs } = loaderData;
  const [params] = useSearchParams();
  const fetcher = useFetcher<typeof action>();
  const [template, setTemplate] = useState(
    params.get("template") ?? templates.find((x) => x.builtin)?.ref ?? "",
  );
  const [grid, setGrid] = useState<GridHandover | null>(null);
  const [source, setSource] = useState<Source>("view");
  const [view, setView] = useState("");
  const [group, setGroup] = useState("");
  useEffect(() => {
    if (params.get("from") !== "grid") return;
    const handed = takeOverFromGrid();
    if (handed) {
      setGrid(handed);
      setSource("grid");
    }
  }, [params]);
  const started = fetcher.data && "job" in fetcher.data ? fetcher.data.job : null;
  const { job, replace } = useJob(started?.id ?? null, csrfToken);
  const errors = useFormErrors(fetcher.data, []);
  // The recent jobs below show the job's end too once it has ended.
  const revalidator = useRevalidator();
  const ended = job !== null && !isRunning(job);
  useEffect(() => {
    if (ended) void revalidator.revalidate();
  }, [ended, job?.id]);
  const busy = fetcher.state !== "idle";

  const audience: Audience | null =
    source === "grid"
      ? (grid?.audience ?? null)
      : source === "view"
        ? view
          ? { kind: "view", view: Number(view) }
          : null
        : group
          ? { kind: "group", group: Number(group) }
          : null;

  const cancel = async () => {
    if (!job) return;
    const res = await fetch(`/api/v1/jobs/${job.id}/cancel`, {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": csrfToken },
    });
    if (res.ok) replace((await res.json()) as Job);
  };

  const gridLabel =
    grid?.audience.kind === "ids"
      ? t("print.job.fromGridCount", { count: grid.audience.ids.length })
      : t("print.job.fromGridFilter");
  const radio = "flex min-h-11 items-center gap-2 rounded-md border border-stone-200 px-3 py-2 text-sm";

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t("print.job.title")}
        description={t("print.intro")}
        actions={
          <Link to="/admin/print" className="text-sm text-brand-700 underline">
            {t("print.title")}
          </Link>
        }
      />
      <Card>
        <fetcher.Form method="post" className="flex flex-col gap-4">
          <CsrfInput />
          {errors.notice}
          <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
            {t("print.job.template")}
            <select
              name="template"
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-base font-normal"
            >
              <optgroup label={t("print.mine")}>
                {templates
                  .filter((x) => !x.builtin)
                  .map((x) => (
                    <option key={x.ref} value={x.ref}>
                      {x.name}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t("print.builtin")}>
                {templates
                  .filter((x) => x.builtin)
                  .map((x) => (
                    <option key={x.ref} value={x.ref}>
                      {x.name}
                    </option>
                  ))}
              </optgroup>
            </select>
          </label>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-stone-700">{t("print.job.audience")}</legend>
            {grid ? (
              <label className={radio}>
                <input type="radio" checked={source === "grid"} onChange={() => setSource("grid")} />
                {gridLabel}
              </label>
            ) : (
              <p className="text-sm text-stone-500">{t("print.job.noneFromGrid")}</p>
            )}
            <label className={radio}>
              <input type="radio" checked={source === "view"} onChange={() => setSource("view")} />
              <span className="shrink-0">{t("print.job.view")}</span>
              <select
                aria-label={t("print.job.view")}
                value={view}
                onChange={(e) => {
                  setView(e.target.value);
                  setSource("view");
                }}
                className="min-h-9 min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2"
              >
                <option value="">{t("print.job.chooseView")}</option>
                {views.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
            {groups.length > 0 ? (
              <label className={radio}>
                <input type="radio" checked={source === "group"} onChange={() => setSource("group")} />
                <span className="shrink-0">{t("print.job.group")}</span>
                <select
                  aria-label={t("print.job.group")}
                  value={group}
                  onChange={(e) => {
                    setGroup(e.target.value);
                    setSource("group");
                  }}
                  className="min-h-9 min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2"
                >
                  <option value="">{t("print.job.chooseGroup")}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}（{g.members}）
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </fieldset>
          <input type="hidden" name="audience" value={audience ? JSON.stringify(audience) : ""} />
          <div>
            <Button type="submit" disabled={busy || !template || (job !== null && isRunning(job))}>
              {busy
                ? t("print.job.starting")
                : job && !isRunning(job)
                  ? t("print.job.again")
                  : t("print.job.start")}
            </Button>
          </div>
        </fetcher.Form>
        {job ? (
          <div className="mt-4 border-t border-stone-100 pt-4">
            <JobProgress job={job} onCancel={() => void cancel()} />
          </div>
        ) : null}
      </Card>

      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">{t("print.job.recent")}</h2>
        {jobs.length === 0 ? (
          <EmptyState>{t("print.job.noRecent")}</EmptyState>
        ) : (
          <DataTable
            caption={t("print.job.recent")}
            head={[
              t("print.job.head.file"),
              t("print.job.head.status"),
              t("print.job.head.records"),
              t("print.job.head.by"),
              t("print.job.head.time"),
            ]}
          >
            {jobs.map((j) => (
              <tr key={j.id} data-job={j.id}>
                <td className={cell}>
                  {j.status === "done" ? (
                    <a
                      href={`/api/v1/prints/${j.id}/pdf`}
                      target="_blank"
                      rel="noopener"
                      className="text-brand-700 underline"
                    >
                      {j.fileName}
                    </a>
                  ) : (
                    j.fileName
                  )}
                </td>
                <td className={cell}>{t(`print.job.status.${j.status}`)}</td>
                <td className={`${cell} tabular-nums`}>
                  {(j.options as { records?: number }).records ?? ""}
                </td>
                <td className={cell}>{j.owner}</td>
                <td className={`${cell} tabular-nums`}>{formatMinute(Date.parse(j.createdAt))}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
