// The data tables as a list: each main table, then its sub-tables indented under it. A list rather than
// a wide table, so it reads on a phone without sideways scrolling.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TableSummary } from "../../schema/tables.server.ts";
import { StatusBadge } from "../admin/Page.tsx";

export function TableList(props: { tables: TableSummary[] }) {
  const mains = props.tables.filter((t) => t.kind === "main");
  const subsOf = (id: number) => props.tables.filter((t) => t.parentId === id);
  // A sub-table whose main table is gone from the list would otherwise vanish; show it at the end.
  const orphans = props.tables.filter((t) => t.kind === "sub" && !mains.some((m) => m.id === t.parentId));
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
      {mains.map((main) => (
        <li key={main.id} className="px-3 py-2 sm:px-4">
          <TableRow table={main} />
          {subsOf(main.id).length > 0 ? (
            <ul className="mt-1 ml-3 border-l-2 border-stone-200 pl-3 sm:ml-4 sm:pl-4">
              {subsOf(main.id).map((sub) => (
                <li key={sub.id} className="py-1">
                  <TableRow table={sub} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
      {orphans.map((sub) => (
        <li key={sub.id} className="px-3 py-2 sm:px-4">
          <TableRow table={sub} />
        </li>
      ))}
    </ul>
  );
}

function TableRow({ table }: { table: TableSummary }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-1">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <Link
          to={`/admin/tables/${table.key}`}
          className={`font-medium text-brand-700 hover:underline ${table.kind === "sub" ? "text-sm" : ""}`}
        >
          {table.name}
        </Link>
        <StatusBadge tone={table.kind === "main" ? "green" : "stone"}>
          {t(`schema.tables.${table.kind}`)}
        </StatusBadge>
        {table.builtin ? <StatusBadge tone="stone">{t("schema.flags.builtin")}</StatusBadge> : null}
        <span className="text-xs text-stone-500">
          {t("schema.tables.fieldCount", { count: table.fieldCount })}
        </span>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <Link to={`/admin/tables/${table.key}`} className="text-brand-700 hover:underline">
          {t("schema.tables.setFields")}
        </Link>
        {table.kind === "main" ? (
          <Link to={`/admin/data/${table.key}`} className="text-brand-700 hover:underline">
            {t("schema.tables.records")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
