// The line under the grid: how many rows match, the latest note, how many are ticked, whether rows are
// loading or failed to load, the keys to know, and (on a phone) a link to add a record.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Lang } from "../../i18n/index.ts";
import { localMessage } from "../format.ts";
import type { GridTable } from "./types.ts";
import type { RowWindows } from "./windows.ts";

export function StatusBar(props: {
  table: GridTable;
  windows: RowWindows;
  note: string | null;
  selectedCount: number;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const { table, windows, note, selectedCount, lang } = props;
  const total = windows.total;
  return (
    <footer
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600"
      data-testid="grid-footer"
    >
      <span className="font-medium text-stone-800 tabular-nums">
        {t("grid.footer.count", { count: total.toLocaleString(lang === "en" ? "en-US" : "zh-CN") })}
      </span>
      {note ? <span data-testid="grid-note">{note}</span> : null}
      {selectedCount > 0 ? <span>{t("grid.selectedCount", { count: selectedCount })}</span> : null}
      {windows.loading() ? <span aria-live="polite">{t("grid.footer.loading")}</span> : null}
      {windows.error ? (
        <span className="text-red-700" role="alert">
          {t("grid.footer.failed")}
          {windows.error instanceof Error ? localMessage(windows.error.message, lang) : ""}
        </span>
      ) : null}
      <span className="hidden text-xs text-stone-500 md:inline">{t("grid.footer.keys")}</span>
      {table.can.write ? (
        <Link
          to={`/admin/data/${table.key}/new`}
          className="ml-auto text-brand-700 hover:underline sm:hidden"
        >
          + {t("records.list.new")}
        </Link>
      ) : null}
    </footer>
  );
}
