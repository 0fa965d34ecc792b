// 数据备份: the backups with their status, size and time, the schedule and retention they follow, and
// 立即备份 — a run in the background; while one runs the list refreshes itself every two seconds.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation, useRevalidator } from "react-router";
import { listBackups, startBackup } from "../../backup/console.server.ts";
import type { BackupView } from "../../backup/runs.server.ts";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { cell, DataTable, EmptyState, PageHeader, StatusBadge } from "../../components/admin/Page.tsx";
import { formatMinute, localMessage } from "../../components/format.ts";
import { isErrorData } from "../../components/formErrors.tsx";
import { Button, Card, CsrfInput, Notice } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import type { Route } from "./+types/backups";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => listBackups(context.services, caller));
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  return runForm(async () => ({ started: (await startBackup(context.services, caller)).id }));
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "backups");
}

export default function Backups({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { items, settings } = loaderData;
  const busy = useNavigation().state === "submitting";
  const running = items.some((b) => b.status === "running");
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const started = actionData && "started" in actionData ? actionData.started : null;
  const refused = isErrorData(actionData) ? actionData.error.message : null;
  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <PageHeader
        title={t("admin.titles.backups")}
        description={t("backups.intro")}
        actions={
          <Form method="post">
            <CsrfInput />
            <Button disabled={busy || running}>{t("backups.now")}</Button>
          </Form>
        }
      />
      {started !== null ? <Notice kind="success">{t("backups.started", { id: started })}</Notice> : null}
      {refused ? <Notice kind="error">{localMessage(refused, lang)}</Notice> : null}
      <Card title={t("backups.settings.title")}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-stone-500">{t("backups.settings.schedule")}</dt>
          <dd>
            {settings.daily
              ? t("backups.settings.daily", { time: settings.daily })
              : t("backups.settings.off")}
          </dd>
          <dt className="text-stone-500">{t("backups.settings.keep")}</dt>
          <dd>
            {"count" in settings.keep
              ? t("backups.settings.keepCount", { count: settings.keep.count })
              : t("backups.settings.keepDays", { count: settings.keep.days })}
          </dd>
          <dt className="text-stone-500">{t("backups.settings.directory")}</dt>
          <dd className="font-mono break-all">{settings.directory}</dd>
        </dl>
        <p className="mt-3 text-sm text-stone-500">{t("backups.settings.restore")}</p>
      </Card>
      <section>
        <h2 className="mb-3 text-base font-semibold">{t("backups.list")}</h2>
        {items.length === 0 ? (
          <EmptyState>{t("backups.empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("backups.list")}
            head={[
              t("backups.head.id"),
              t("backups.head.status"),
              t("backups.head.via"),
              t("backups.head.time"),
              t("backups.head.size"),
              t("backups.head.content"),
              t("backups.head.file"),
            ]}
          >
            {items.map((b) => (
              <BackupRow key={b.id} backup={b} />
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

function BackupRow({ backup: b }: { backup: BackupView }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const tone =
    b.status === "done" ? "green" : b.status === "failed" || b.status === "interrupted" ? "red" : "stone";
  return (
    <tr className={b.status === "removed" ? "text-stone-400" : "hover:bg-stone-50"}>
      <td className={`${cell} tabular-nums`}>#{b.id}</td>
      <td className={cell}>
        <StatusBadge tone={tone}>{t(`backups.status.${b.status}`)}</StatusBadge>
        {b.status === "running" ? (
          <span className="ml-2 text-xs text-stone-500">
            {b.phase ? t(`backups.phase.${b.phase}`, { defaultValue: b.phase }) : ""} {b.progress}%
            <progress className="ml-2 h-1.5 w-20 align-middle" max={100} value={b.progress} />
          </span>
        ) : null}
      </td>
      <td className={cell} title={b.startedBy ? t("backups.by", { name: b.startedBy }) : undefined}>
        {t(`backups.via.${b.via}`)}
      </td>
      <td className={`${cell} tabular-nums`}>{formatMinute(b.createdAt)}</td>
      <td className={`${cell} tabular-nums`}>{b.size === null ? "" : formatSize(b.size)}</td>
      <td className={`${cell} tabular-nums`}>
        {b.rows === null ? "" : t("backups.content", { rows: b.rows, files: b.files ?? 0 })}
      </td>
      <td className={`${cell} max-w-md truncate`} title={b.error ?? b.location}>
        {b.error ? (
          <span className="text-red-700">{localMessage(b.error, lang)}</span>
        ) : (
          <span className="font-mono text-xs">{b.file}</span>
        )}
      </td>
    </tr>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
