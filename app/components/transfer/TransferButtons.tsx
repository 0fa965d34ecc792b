// The grid toolbar's 导入 (to the import wizard, for those who may write) and 导出 (a panel exporting the
// view the grid shows now: its query and its visible columns in order).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ViewColumn, ViewQuery } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { Popover } from "../query/Popover.tsx";
import { ExportPanel } from "./ExportPanel.tsx";

export function TransferButtons(props: {
  table: GridTable;
  query: ViewQuery;
  columns: Required<ViewColumn>[];
  buttonClassName: string;
}) {
  const { t } = useTranslation();
  const [exportJob, setExportJob] = useState<number | null>(null);
  return (
    <>
      {props.table.can.write ? (
        <Link to={`/admin/data/${props.table.key}/import`} className={props.buttonClassName}>
          {t("transfer.importButton")}
        </Link>
      ) : null}
      <Popover
        label={t("transfer.export.title")}
        button={t("transfer.export.button")}
        buttonClassName={props.buttonClassName}
        align="end"
      >
        {() => (
          <ExportPanel
            table={props.table}
            query={props.query}
            columns={props.columns}
            jobId={exportJob}
            onJob={setExportJob}
          />
        )}
      </Popover>
    </>
  );
}
