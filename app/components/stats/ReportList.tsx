// 统计报表: the reports the reader saved and those shared with them; the owner may delete one.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { cell, DataTable, EmptyState, StatusBadge } from "../admin/Page.tsx";
import { ErrorNote } from "../query/parts.tsx";
import { useLoad } from "../query/useLoad.ts";
import { useStatsApi } from "./api.ts";

export function ReportList() {
  const { t, i18n } = useTranslation();
  const api = useStatsApi();
  const list = useLoad("reports", (signal) => api.reports(signal), 0);
  const [error, setError] = useState<unknown>(null);
  const items = list.data?.items ?? [];
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
      ? iso
      : d.toLocaleString(i18n.language, {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone: "Asia/Shanghai",
        });
  };
  const remove = async (id: number, name: string) => {
    if (!window.confirm(t("stats.reports.deleteConfirm", { name }))) return;
    setError(null);
    try {
      await api.deleteReport(id);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <p className="text-sm text-stone-500">{t("stats.loading")}</p>;
  if (items.length === 0) return <EmptyState>{t("stats.reports.none")}</EmptyState>;
  return (
    <div className="flex flex-col gap-3">
      {error ? <ErrorNote error={error} /> : null}
      <DataTable
        caption={t("stats.titles.reports")}
        head={[t("stats.reports.name"), t("stats.reports.owner"), t("stats.reports.updated"), ""]}
      >
        {items.map((r) => (
          <tr key={r.id}>
            <td className={cell}>
              <Link to={`/admin/stats/reports/${r.id}`} className="font-medium text-brand-700 underline">
                {r.name}
              </Link>{" "}
              {r.shared ? <StatusBadge tone="stone">{t("stats.reports.shared")}</StatusBadge> : null}
            </td>
            <td className={cell}>{r.mine ? t("stats.reports.mine") : r.ownerName}</td>
            <td className={`${cell} tabular-nums`}>{when(r.updatedAt)}</td>
            <td className={`${cell} text-right`}>
              {r.mine ? (
                <button
                  type="button"
                  onClick={() => remove(r.id, r.name)}
                  className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50"
                >
                  {t("stats.reports.delete")}
                  <span className="sr-only">{r.name}</span>
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
