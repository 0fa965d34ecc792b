// Records as a plain table: system ID (a link to the record), a few fields' display text, the community
// or grid, optional extra columns and a check box per row for bulk actions. On phones it scrolls sideways.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { cell, DataTable } from "../admin/Page.tsx";
import type { FormField } from "./form-values.ts";

/** What a list needs of a record (RecordView fits). */
export interface RowView {
  id: number;
  systemId: string;
  orgName: string;
  display: Record<string, string>;
}

export function RecordRows<R extends RowView>(props: {
  rows: readonly R[];
  columns: readonly FormField[];
  caption: string;
  /** Check boxes named `ids`, tied to the form with this id (the table may sit outside it). */
  selectForm?: string;
  showOrg?: boolean;
  extra?: { head: string[]; cells: (row: R) => ReactNode[] };
}) {
  const { t } = useTranslation();
  const head: ReactNode[] = [
    ...(props.selectForm
      ? [
          <span key="select" className="sr-only">
            {t("records.list.select")}
          </span>,
        ]
      : []),
    t("records.list.systemId"),
    ...props.columns.map((c) => c.label),
    ...(props.showOrg === false ? [] : [t("records.list.org")]),
    ...(props.extra?.head ?? []),
  ];
  return (
    <DataTable caption={props.caption} head={head}>
      {props.rows.map((row) => (
        <tr key={row.id} className="hover:bg-stone-50">
          {props.selectForm ? (
            <td className={`${cell} w-10`}>
              <input
                type="checkbox"
                name="ids"
                value={row.id}
                form={props.selectForm}
                aria-label={t("records.list.selectRow", { id: row.systemId })}
                className="size-5 accent-brand-500"
              />
            </td>
          ) : null}
          <td className={cell}>
            <Link
              to={`/admin/records/${row.id}`}
              className="font-mono font-medium text-brand-700 hover:underline"
            >
              {row.systemId}
            </Link>
          </td>
          {props.columns.map((c) => (
            <td key={c.key} className={`${cell} max-w-60 truncate`}>
              {row.display[c.key] || <span className="text-stone-400">—</span>}
            </td>
          ))}
          {props.showOrg === false ? null : <td className={cell}>{row.orgName}</td>}
          {props.extra?.cells(row).map((content, i) => (
            <td key={`x${i}`} className={`${cell} tabular-nums`}>
              {content}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
