// The grid page's working area: a toolbar (quick search, the condition builder, saved views, colours,
// columns, undo), a side area with the org/address trees and the facets (folded into a menu on a phone),
// the rows ticked and what to do with them, the grid itself, and the footer count. The view — filters,
// sort, columns — lives in this component's state (a saved view's short id may be in the URL; a filter
// never is, as it may hold an ID or phone number).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { RowWindow } from "../../../analytics/query/results.ts";
import type { ViewDefinition } from "../../query/view.ts";
import { localMessage } from "../format.ts";
import { COMPOSE_FROM_GRID, handOverAudience } from "../notices/sendFromGrid.ts";
import { handOverToPrint, PRINT_FROM_GRID } from "../print/printFromGrid.ts";
import { Notice } from "../ui.tsx";
import { useRoot } from "../useRoot.ts";
import { gridApi } from "./api.ts";
import { BulkBar, type PaletteEntry } from "./BulkBar.tsx";
import { dictionaryLookup } from "./cells.ts";
import { DataGrid } from "./DataGrid.tsx";
import { GridToolbar } from "./GridToolbar.tsx";
import { Messages } from "./Messages.tsx";
import { RecordPanel } from "./RecordPanel.tsx";
import { SideFilters, useSideOpen } from "./SideFilters.tsx";
import { StatusBar } from "./StatusBar.tsx";
import { NO_SELECTION, type RowSelection } from "./selection.ts";
import type { GridTable } from "./types.ts";
import { useBulkActions } from "./useBulkActions.ts";
import { useGridData } from "./useGridData.ts";
import { useGridView } from "./useGridView.ts";
import { useMedia } from "./useMedia.ts";

export interface GridViewProps {
  table: GridTable;
  palette: PaletteEntry[];
  initialView: ViewDefinition;
  savedView: { id: number; name: string } | null;
  first: RowWindow;
}

export function GridView(props: GridViewProps) {
  const { t } = useTranslation();
  const { lang, csrfToken, user } = useRoot();
  const navigate = useNavigate();
  const { table } = props;
  const api = useMemo(() => gridApi(table.key, csrfToken), [table.key, csrfToken]);
  const dictionary = useMemo(() => dictionaryLookup(table.dictionaries), [table.dictionaries]);
  const narrow = useMedia("(max-width: 639px)", false);
  // The side area sits beside the grid on wide screens and above it on middling ones.
  const wide = useMedia("(min-width: 1024px)", true);

  const state = useGridView(table, props.initialView, props.savedView);
  const { view, query, queryKey } = state;
  const data = useGridData(api, query, queryKey, props.first, lang);
  const { windows, edits } = data;

  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  useEffect(() => setSelection(NO_SELECTION), [queryKey]);

  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 5000);
    return () => clearTimeout(timer);
  }, [note]);
  const [openRecord, setOpenRecord] = useState<number | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const closePanel = useCallback(() => {
    setOpenRecord(null);
    gridRef.current?.querySelector<HTMLElement>("[role=grid]")?.focus();
  }, []);

  const bulk = useBulkActions({
    api,
    table,
    csrfToken,
    lang,
    dictionary,
    query,
    data,
    selection,
    setSelection,
    t,
  });

  const total = windows.total;
  const selectedCount = selection.all ? total : selection.rows.size;
  const { sideOpen, toggleSide } = useSideOpen();
  const side = <SideFilters table={table} query={query} view={view} setQuery={state.setQuery} />;

  return (
    <div className="flex flex-col gap-3" ref={gridRef}>
      <GridToolbar
        table={table}
        state={state}
        queryError={data.queryError}
        narrow={narrow}
        sideOpen={sideOpen}
        onToggleSide={toggleSide}
        side={side}
        canUndo={edits.canUndo}
        onUndo={() =>
          void edits.undo(
            (id) => windows.cachedRows().find((r) => r.id === id),
            (label) => t("grid.undoMasked", { label }),
          )
        }
        onRefresh={() => windows.refresh()}
      />

      <div className="flex gap-4">
        {!narrow && sideOpen && wide ? (
          <aside className="w-60 shrink-0" aria-label={t("grid.toolbar.side")}>
            {side}
          </aside>
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          {!narrow && sideOpen && !wide ? (
            <aside
              aria-label={t("grid.toolbar.side")}
              className="rounded-lg border border-stone-200 bg-white p-3"
            >
              {side}
            </aside>
          ) : null}
          <Messages
            edits={edits}
            note={note}
            notice={bulk.notice}
            onUndoMark={(undo) => void bulk.undoMark(undo)}
            onDismiss={() => bulk.setNotice(null)}
          />
          {data.queryError ? (
            <Notice kind="error">{localMessage(data.queryError.message, lang)}</Notice>
          ) : null}
          {selectedCount > 0 ? (
            <BulkBar
              table={table}
              count={selectedCount}
              total={total}
              all={selection.all}
              palette={props.palette}
              busy={bulk.busy}
              onSelectAll={() => setSelection({ rows: new Map(), all: true, anchor: null })}
              onClear={() => setSelection(NO_SELECTION)}
              onDelete={() => void bulk.bulkDelete()}
              onSetValue={(key, text) => void bulk.bulkSet(key, text)}
              onMark={(colour) => void bulk.bulkMark(colour)}
              onNotice={
                table.key === "people" && user?.actions.includes("notice.send")
                  ? () => {
                      handOverAudience(
                        selection.all
                          ? { kind: "query", query: state.query }
                          : { kind: "ids", ids: [...selection.rows.keys()] },
                      );
                      navigate(COMPOSE_FROM_GRID);
                    }
                  : undefined
              }
              onPrint={
                user?.actions.includes("print.run")
                  ? () => {
                      handOverToPrint({
                        table: table.key,
                        audience: selection.all
                          ? { kind: "query", query: state.query }
                          : { kind: "ids", ids: [...selection.rows.keys()] },
                      });
                      navigate(PRINT_FROM_GRID);
                    }
                  : undefined
              }
            />
          ) : null}
          <DataGrid
            table={table}
            columns={state.columns}
            onColumnsChange={state.setColumns}
            sort={view.sort ?? []}
            onSortChange={state.setSort}
            windows={windows}
            version={data.version}
            want={data.want}
            fetchRows={data.fetchRows}
            edits={edits}
            selection={selection}
            onSelectionChange={setSelection}
            onOpenRecord={setOpenRecord}
            totals={data.totals}
            narrow={narrow}
            lang={lang}
            dictionary={dictionary}
            onNote={setNote}
            label={table.name}
            height="max(420px, calc(100dvh - 17rem))"
          />
          <StatusBar table={table} windows={windows} note={note} selectedCount={selectedCount} lang={lang} />
        </div>
      </div>
      {openRecord !== null ? <RecordPanel id={openRecord} onClose={closePanel} /> : null}
    </div>
  );
}
