// What the bulk bar does to the ticked rows (or every row the filter matches, up to MAX_BULK):
// delete them, mark them with a colour (and undo that), or set one field to one value. Each reports
// in a notice; the rows are fetched again once the change is made.
import { useState } from "react";
import type { GridRow } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import type { ViewQuery } from "../../query/view.ts";
import type { ParseContext } from "../../schema/field-types/types.ts";
import { localMessage } from "../format.ts";
import { apiJson, type GridApi, type MarkUndo } from "./api.ts";
import { checkCell } from "./cells.ts";
import type { Translate } from "./layout.ts";
import { NO_SELECTION, type RowSelection } from "./selection.ts";
import type { GridTable } from "./types.ts";
import type { CellChange } from "./useEdits.ts";
import type { GridData } from "./useGridData.ts";

/** Rows "everything filtered" may cover in one bulk action. */
const MAX_BULK = 10_000;
const DELETE_CHUNK = 1000;

export interface GridNotice {
  kind: "success" | "error" | "info";
  text: string;
  undoMark?: MarkUndo;
}

export function useBulkActions(args: {
  api: GridApi;
  table: GridTable;
  csrfToken: string;
  lang: Lang;
  dictionary: ParseContext["dictionary"];
  query: ViewQuery;
  data: GridData;
  selection: RowSelection;
  setSelection(next: RowSelection): void;
  t: Translate;
}) {
  const { api, table, csrfToken, lang, dictionary, query, selection, setSelection, t } = args;
  const { windows, edits, fetchRows, refreshSoon } = args.data;
  const [notice, setNotice] = useState<GridNotice | null>(null);
  const [busy, setBusy] = useState(false);

  const selectedIds = async (): Promise<number[]> => {
    if (!selection.all) return [...selection.rows.keys()];
    const answer = await apiJson<{ ids: number[] }>(`/admin/data/${encodeURIComponent(table.key)}/bulk`, {
      method: "POST",
      body: { op: "ids", query },
      csrf: csrfToken,
    });
    return answer.ids;
  };
  const tooMany = () => selection.all && windows.total > MAX_BULK;
  const failed = (error: unknown) =>
    setNotice({
      kind: "error",
      text: error instanceof Error ? localMessage(error.message, lang) : String(error),
    });

  const bulkDelete = async () => {
    if (tooMany()) return setNotice({ kind: "error", text: t("grid.bulk.tooMany", { count: MAX_BULK }) });
    setBusy(true);
    try {
      const ids = await selectedIds();
      let moved = 0;
      for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
        const answer = await apiJson<{ count: number }>(`/admin/data/${encodeURIComponent(table.key)}/bulk`, {
          method: "POST",
          body: { op: "delete", ids: ids.slice(i, i + DELETE_CHUNK) },
          csrf: csrfToken,
        });
        moved += answer.count;
      }
      setSelection(NO_SELECTION);
      setNotice({ kind: "success", text: t("grid.bulk.deleted", { count: moved }) });
      refreshSoon();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const bulkMark = async (colour: string | null) => {
    if (tooMany()) return setNotice({ kind: "error", text: t("grid.bulk.tooMany", { count: MAX_BULK }) });
    setBusy(true);
    try {
      const ids = await selectedIds();
      const answer = await api.mark(ids, colour);
      // Shown at once; the rows fetched again confirm it (a colour rule may still colour a row).
      const marked = new Set(ids);
      for (const row of windows.cachedRows())
        if (marked.has(row.id)) windows.patchRow(row.id, (r) => ({ ...r, colour }));
      setNotice({
        kind: "success",
        text: colour
          ? t("grid.bulk.marked", { count: answer.count })
          : t("grid.bulk.unmarked", { count: answer.count }),
        undoMark: answer.undo ?? undefined,
      });
      refreshSoon();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const undoMark = async (undo: MarkUndo) => {
    setBusy(true);
    try {
      const answer = await api.undoMark(undo);
      setNotice({ kind: "success", text: t("grid.bulk.markUndone", { count: answer.count }) });
      refreshSoon();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const bulkSet = async (key: string, text: string) => {
    const field = table.fields.find((f) => f.key === key);
    if (!field) return;
    const checked = checkCell(field, field.editor === "multiselect" ? text : text, dictionary, lang);
    if (!checked.ok) return setNotice({ kind: "error", text: checked.message });
    if (tooMany()) return setNotice({ kind: "error", text: t("grid.bulk.tooMany", { count: MAX_BULK }) });
    setBusy(true);
    try {
      let rows: GridRow[];
      if (selection.all)
        rows = (await fetchRows(0, Math.min(windows.total, MAX_BULK))).filter((r): r is GridRow => !!r);
      else {
        const cached = new Map(windows.cachedRows().map((r) => [r.id, r]));
        rows = [...selection.rows.values()].map((r) => cached.get(r.id) ?? r);
      }
      const index = new Map(windows.cachedRows().map((r, i) => [r.id, i]));
      const changes: CellChange[] = rows.map((row, i) => ({
        row,
        rowNumber: (index.get(row.id) ?? i) + 1,
        field,
        input: checked.send,
        display: checked.display,
      }));
      await edits.run("set", changes);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return { notice, setNotice, busy, bulkDelete, bulkMark, undoMark, bulkSet };
}
