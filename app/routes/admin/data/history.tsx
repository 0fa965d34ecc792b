// A record's history, newest first: each version with what kind of change it was, who made it, when,
// and every field's old → new text. Sensitive values stay masked here too.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { EmptyState, PageHeader, StatusBadge } from "../../../components/admin/Page.tsx";
import { formatMinute } from "../../../components/format.ts";
import { requireStaff, run } from "../../../core/route.server.ts";
import { recordHistory } from "../../../people/records/history.server.ts";
import type { Route } from "./+types/history";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const id = Number(params.id);
  const history = await run(() => recordHistory(context.services, caller, id));
  return { id, systemId: history.systemId, tableName: history.table.name, entries: history.entries };
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "history", loaderData?.systemId);
}

const TONE = { create: "green", update: "stone", delete: "red", restore: "green" } as const;

export default function RecordHistory({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, systemId, tableName, entries } = loaderData;
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("records.history.title", { id: systemId })}
        description={t("records.history.count", { table: tableName, count: entries.length })}
        actions={
          <Link to={`/admin/records/${id}`} className="text-sm text-brand-700 hover:underline">
            ← {t("records.history.back")}
          </Link>
        }
      />
      {entries.length === 0 ? (
        <EmptyState>{t("records.history.empty")}</EmptyState>
      ) : (
        <ol className="flex flex-col gap-3">
          {entries.map((entry) => (
            <li
              key={entry.version}
              className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
              data-testid="history-entry"
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className="font-semibold tabular-nums">
                  {t("records.history.version", { version: entry.version })}
                </span>
                <StatusBadge tone={TONE[entry.kind]}>{t(`records.history.kinds.${entry.kind}`)}</StatusBadge>
                <span className="text-stone-700">{entry.by ?? t("records.history.system")}</span>
                <time className="text-stone-500 tabular-nums" dateTime={new Date(entry.at).toISOString()}>
                  {formatMinute(entry.at)}
                </time>
              </div>
              {entry.changes.length > 0 ? (
                <ul className="mt-3 flex flex-col gap-1.5 text-sm">
                  {entry.changes.map((c) => (
                    <li key={c.field} className="grid gap-x-3 sm:grid-cols-[9rem_1fr]">
                      <span className="text-stone-500">
                        {c.label}
                        {c.masked ? (
                          <span className="ml-1 text-xs text-stone-400">{t("records.history.masked")}</span>
                        ) : null}
                      </span>
                      <span className="break-words">
                        {c.old ? (
                          <del className="text-stone-500">{c.old}</del>
                        ) : (
                          <span className="text-stone-400">{t("records.history.blank")}</span>
                        )}
                        <span className="mx-1.5 text-stone-400" aria-hidden="true">
                          →
                        </span>
                        <span className="sr-only">{t("records.history.becomes")}</span>
                        <ins className="font-medium text-stone-900 no-underline">
                          {c.new || t("records.history.blank")}
                        </ins>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
