// The grid page's working area: a toolbar (quick search, the condition builder, saved views, colours,
// columns, undo), a side area with the org/address trees and the facets (folded into a menu on a phone),
// the rows ticked and what to do with them, the grid itself, and the footer count. The view — filters,
// sort, columns — lives in this component's state (a saved view's short id may be in the URL; a filter
// never is, as it may hold an ID or phone number).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { GridRow, RowWindow, Totals } from "../../../analytics/query/results.ts";
import type { SortKey, ViewColumn, ViewDefinition, ViewQuery } from "../../query/view.ts";
import { localMessage } from "../format.ts";
import type { SavedView } from "../query/api.ts";
import { ColourLegend } from "../query/ColourLegend.tsx";
import { ConditionBuilder } from "../query/ConditionBuilder.tsx";
import { FacetPanel } from "../query/FacetPanel.tsx";
import { Popover } from "../query/Popover.tsx";
import { SavedViewMenu } from "../query/SavedViewMenu.tsx";
import { StatsPanel } from "../query/StatsPanel.tsx";
import { TreeFilter } from "../query/TreeFilter.tsx";
import { CsrfInput, Notice } from "../ui.tsx";
import { useRoot } from "../useRoot.ts";
import { ApiError, apiJson, gridApi, isAbort, type MarkUndo } from "./api.ts";
import { BulkBar, type PaletteEntry } from "./BulkBar.tsx";
import { ColumnsPanel } from "./ColumnsPanel.tsx";
import { checkCell, dictionaryLookup } from "./cells.ts";
import { ORG, resolveColumns, SYSTEM_ID, toViewColumns } from "./columns.ts";
import { DataGrid } from "./DataGrid.tsx";
import { RecordPanel } from "./RecordPanel.tsx";
import { NO_SELECTION, type RowSelection } from "./selection.ts";
import type { GridTable } from "./types.ts";
import { type CellChange, type CellProblem, useEdits } from "./useEdits.ts";
import { useRowWindows } from "./useRowWindows.ts";

/** Rows "everything filtered" may cover in one bulk action. */
const MAX_BULK = 10_000;
const DELETE_CHUNK = 1000;

export interface GridViewProps {
  table: GridTable;
  palette: PaletteEntry[];
  initialView: ViewDefinition;
  savedView: { id: number; name: string } | null;
  first: RowWindow;
}

function useMedia(query: string, initial: boolean) {
  const [matches, setMatches] = useState(initial);
  useEffect(() => {
    const media = window.matchMedia(query);
    const update = () => setMatches(media.matches);
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, [query]);
  return matches;
}

const SIDE_KEY = "linli.grid.side";

/**
 * The saved view shown, as its short id in the address (?view=12), so a reload or a shared link opens
 * it. Only the id: the filter itself never goes in a URL. Written without a navigation, as the grid
 * already shows the view.
 */
function rememberView(id: number | null) {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete("view");
  else url.searchParams.set("view", String(id));
  window.history.replaceState(window.history.state, "", url);
}

const queryOf = (view: ViewDefinition): ViewQuery => {
  const { columns: _columns, ...query } = view;
  return query;
};

export function GridView(props: GridViewProps) {
  const { t } = useTranslation();
  const { lang, csrfToken } = useRoot();
  const { table } = props;
  const api = useMemo(() => gridApi(table.key, csrfToken), [table.key, csrfToken]);
  const dictionary = useMemo(() => dictionaryLookup(table.dictionaries), [table.dictionaries]);
  const narrow = useMedia("(max-width: 639px)", false);
  // The side area sits beside the grid on wide screens and above it on middling ones.
  const wide = useMedia("(min-width: 1024px)", true);

  // ── The view ──────────────────────────────────────────────────────────────────────────────────────
  const [view, setView] = useState<ViewDefinition>(props.initialView);
  const [activeView, setActiveView] = useState<{ id: number; name: string } | null>(props.savedView);
  const columns = useMemo(() => resolveColumns(table.fields, view.columns), [table.fields, view.columns]);
  const queryKey = JSON.stringify(queryOf(view));
  const query = useMemo(() => queryOf(view), [queryKey]);
  const setQuery = useCallback(
    (patch: Partial<ViewQuery>) =>
      setView((v) => {
        const next: ViewDefinition = { ...v, ...patch };
        for (const key of Object.keys(patch) as (keyof ViewQuery)[])
          if (next[key] === undefined) delete next[key];
        return next;
      }),
    [],
  );
  const setColumns = useCallback(
    (next: Required<ViewColumn>[]) => setView((v) => ({ ...v, columns: toViewColumns(next) })),
    [],
  );
  const setSort = useCallback(
    (sort: SortKey[]) => setQuery({ sort: sort.length > 0 ? sort : undefined }),
    [setQuery],
  );
  const definition = useMemo(() => ({ ...view, columns: toViewColumns(columns) }), [view, columns]);

  // Quick search: typed here, run a moment after typing stops.
  const [search, setSearch] = useState(view.search ?? "");
  useEffect(() => {
    const text = search.trim();
    if (text === (view.search ?? "")) return;
    const timer = setTimeout(() => setQuery({ search: text === "" ? undefined : text }), 300);
    return () => clearTimeout(timer);
  }, [search, view.search, setQuery]);

  // ── Rows, totals, edits ───────────────────────────────────────────────────────────────────────────
  const { windows, version, want } = useRowWindows(api, query, queryKey, props.first);
  const edits = useEdits(api, windows, lang);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [queryError, setQueryError] = useState<{ message: string; fields?: Record<string, string> } | null>(
    null,
  );
  // Bumped after bulk changes, so the totals are counted again.
  const [changed, setChanged] = useState(0);
  const savedCount = (edits.report?.at ?? 0) + changed;
  useEffect(() => {
    const controller = new AbortController();
    api.totals(query, controller.signal).then(
      (answer) => {
        setTotals(answer);
        setQueryError(null);
      },
      (error) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 400)
          setQueryError({ message: error.message, fields: error.fields });
      },
    );
    return () => controller.abort();
  }, [api, query, savedCount]);

  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  useEffect(() => setSelection(NO_SELECTION), [queryKey]);

  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 5000);
    return () => clearTimeout(timer);
  }, [note]);
  const [notice, setNotice] = useState<{
    kind: "success" | "error" | "info";
    text: string;
    undoMark?: MarkUndo;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [openRecord, setOpenRecord] = useState<number | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const closePanel = useCallback(() => {
    setOpenRecord(null);
    gridRef.current?.querySelector<HTMLElement>("[role=grid]")?.focus();
  }, []);

  const fetchRows = useCallback(
    async (start: number, count: number): Promise<(GridRow | undefined)[]> => {
      const out: (GridRow | undefined)[] = Array.from({ length: count }, (_, i) => windows.rowAt(start + i));
      for (let at = 0; at < count; at += 500) {
        const limit = Math.min(500, count - at);
        if (out.slice(at, at + limit).every(Boolean)) continue;
        const answer = await api.window(query, start + at, limit);
        answer.rows.forEach((row, i) => {
          out[at + i] = row;
        });
      }
      return out;
    },
    [api, query, windows],
  );

  // ── Bulk actions on the ticked rows ───────────────────────────────────────────────────────────────
  const selectedIds = async (): Promise<number[]> => {
    if (!selection.all) return [...selection.rows.keys()];
    const answer = await apiJson<{ ids: number[] }>(`/admin/data/${encodeURIComponent(table.key)}/bulk`, {
      method: "POST",
      body: { op: "ids", query },
      csrf: csrfToken,
    });
    return answer.ids;
  };
  // The engine's replica takes a moment to see a bulk change: fetch the rows now and once more shortly.
  const refreshSoon = () => {
    windows.refresh();
    setChanged((n) => n + 1);
    setTimeout(() => {
      windows.refresh();
      setChanged((n) => n + 1);
    }, 700);
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

  const labelOf = useCallback(
    (key: string) =>
      key === SYSTEM_ID
        ? t("grid.systemId")
        : key === ORG
          ? t("grid.org")
          : (table.fields.find((f) => f.key === key)?.label ?? key),
    [table.fields, t],
  );

  const total = windows.total;
  const selectedCount = selection.all ? total : selection.rows.size;
  const filtersOn = [view.search, view.filter, view.facets, view.orgId, view.address, view.colours].filter(
    Boolean,
  ).length;
  const [sideOpen, setSideOpen] = useState(true);
  useEffect(() => {
    if (window.localStorage.getItem(SIDE_KEY) === "closed") setSideOpen(false);
  }, []);
  const toggleSide = () =>
    setSideOpen((open) => {
      try {
        window.localStorage.setItem(SIDE_KEY, open ? "closed" : "open");
      } catch {
        // Not kept; the choice holds on this page.
      }
      return !open;
    });

  const toolbarButton =
    "inline-flex min-h-9 items-center gap-1 rounded-md border border-stone-300 bg-white px-3 text-sm hover:bg-stone-100 disabled:opacity-50";

  const panels = (
    <>
      <Popover
        label={t("grid.toolbar.filter")}
        wide
        button={t("grid.toolbar.filter")}
        buttonClassName={toolbarButton}
      >
        {(close) => (
          <ConditionBuilder
            table={table}
            value={view.filter}
            error={queryError}
            onChange={(filter) => {
              setQuery({ filter });
              if (filter === undefined) close();
            }}
          />
        )}
      </Popover>
      <SavedViewMenu
        table={table}
        current={definition}
        activeId={activeView?.id ?? null}
        onLoad={(next: ViewDefinition, saved: SavedView) => {
          setView(next);
          setSearch(next.search ?? "");
          setActiveView({ id: saved.id, name: saved.name });
          rememberView(saved.id);
        }}
        onActiveChange={(saved: SavedView | null) => {
          setActiveView(saved ? { id: saved.id, name: saved.name } : null);
          rememberView(saved?.id ?? null);
        }}
      />
      <Popover
        label={t("grid.toolbar.stats")}
        wide
        button={t("grid.toolbar.stats")}
        buttonClassName={toolbarButton}
      >
        {() => <StatsPanel table={table} query={query} />}
      </Popover>
      <Popover
        label={t("grid.columns.title")}
        button={t("grid.toolbar.columns")}
        buttonClassName={toolbarButton}
      >
        {() => (
          <ColumnsPanel
            columns={columns}
            labelOf={labelOf}
            onChange={setColumns}
            onReset={() => setView((v) => ({ ...v, columns: undefined }))}
          />
        )}
      </Popover>
    </>
  );

  const side = (
    <div className="flex flex-col gap-5">
      <TreeFilter
        table={table}
        query={query}
        value={{ orgId: view.orgId, address: view.address }}
        onChange={(next) => setQuery({ orgId: next.orgId, address: next.address })}
      />
      <FacetPanel
        table={table}
        query={query}
        value={view.facets}
        onChange={(facets) => setQuery({ facets })}
      />
      <ColourLegend
        table={table}
        value={{ colours: view.colours, colourRules: view.colourRules }}
        onChange={(next) => setQuery({ colours: next.colours, colourRules: next.colourRules })}
      />
    </div>
  );

  return (
    <div className="flex flex-col gap-3" ref={gridRef}>
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("grid.toolbar.label")}>
        {/* Without script the search is posted (a whole ID or phone number never goes in a URL). */}
        <Form
          method="post"
          role="search"
          className="w-full sm:w-64"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ search: search.trim() === "" ? undefined : search.trim() });
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="search" />
          <input
            type="search"
            name="q"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            maxLength={50}
            autoComplete="off"
            placeholder={t("grid.toolbar.searchPlaceholder")}
            aria-label={t("grid.toolbar.search")}
            className="min-h-9 w-full rounded-md border border-stone-300 bg-white px-3 text-sm"
          />
        </Form>
        {narrow ? (
          <details className="w-full">
            <summary className={`${toolbarButton} cursor-pointer list-none`}>
              {t("grid.toolbar.more")}
              {filtersOn > 0 ? ` (${filtersOn})` : ""}
            </summary>
            <div className="mt-2 flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap gap-2">{panels}</div>
              {side}
            </div>
          </details>
        ) : (
          <>
            {panels}
            <button type="button" className={toolbarButton} aria-expanded={sideOpen} onClick={toggleSide}>
              {sideOpen ? t("grid.toolbar.hideSide") : t("grid.toolbar.showSide")}
            </button>
          </>
        )}
        <button
          type="button"
          className={toolbarButton}
          disabled={!edits.canUndo}
          onClick={() =>
            void edits.undo(
              (id) => windows.cachedRows().find((r) => r.id === id),
              (label) => t("grid.undoMasked", { label }),
            )
          }
          title={t("grid.toolbar.undoHint")}
        >
          {t("grid.toolbar.undo")}
        </button>
        <button type="button" className={toolbarButton} onClick={() => windows.refresh()}>
          {t("grid.toolbar.refresh")}
        </button>
        {activeView ? (
          <span className="text-sm text-stone-600">
            {t("grid.toolbar.viewName", { name: activeView.name })}
          </span>
        ) : null}
      </div>

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
            notice={notice}
            onUndoMark={(undo) => void undoMark(undo)}
            onDismiss={() => setNotice(null)}
          />
          {queryError ? <Notice kind="error">{localMessage(queryError.message, lang)}</Notice> : null}
          {selectedCount > 0 ? (
            <BulkBar
              table={table}
              count={selectedCount}
              total={total}
              all={selection.all}
              palette={props.palette}
              busy={busy}
              onSelectAll={() => setSelection({ rows: new Map(), all: true, anchor: null })}
              onClear={() => setSelection(NO_SELECTION)}
              onDelete={() => void bulkDelete()}
              onSetValue={(key, text) => void bulkSet(key, text)}
              onMark={(colour) => void bulkMark(colour)}
            />
          ) : null}
          <DataGrid
            table={table}
            columns={columns}
            onColumnsChange={setColumns}
            sort={view.sort ?? []}
            onSortChange={setSort}
            windows={windows}
            version={version}
            want={want}
            fetchRows={fetchRows}
            edits={edits}
            selection={selection}
            onSelectionChange={setSelection}
            onOpenRecord={setOpenRecord}
            totals={totals}
            narrow={narrow}
            lang={lang}
            dictionary={dictionary}
            onNote={setNote}
            label={table.name}
            height="max(420px, calc(100dvh - 17rem))"
          />
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
        </div>
      </div>
      {openRecord !== null ? <RecordPanel id={openRecord} onClose={closePanel} /> : null}
    </div>
  );
}

function Messages(props: {
  edits: ReturnType<typeof useEdits>;
  note: string | null;
  notice: { kind: "success" | "error" | "info"; text: string; undoMark?: MarkUndo } | null;
  onUndoMark(undo: MarkUndo): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const { progress, report } = props.edits;
  return (
    <div className="flex flex-col gap-2">
      {progress ? (
        <Notice kind="info">
          {t("grid.progress", {
            kind: t(`grid.kinds.${progress.kind}`),
            done: progress.done,
            total: progress.total,
          })}
        </Notice>
      ) : null}
      {report && !progress ? (
        <ReportNotice report={report} onClose={() => props.edits.setReport(null)} />
      ) : null}
      {props.notice ? (
        <Notice kind={props.notice.kind}>
          <span className="flex flex-wrap items-center gap-3">
            {props.notice.text}
            {props.notice.undoMark ? (
              <button
                type="button"
                className="underline"
                onClick={() => props.onUndoMark(props.notice!.undoMark!)}
              >
                {t("grid.toolbar.undo")}
              </button>
            ) : null}
            <button type="button" className="ml-auto text-xs underline" onClick={props.onDismiss}>
              {t("grid.dismiss")}
            </button>
          </span>
        </Notice>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {props.note}
      </p>
    </div>
  );
}

function ReportNotice(props: {
  report: NonNullable<ReturnType<typeof useEdits>["report"]>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { report } = props;
  const problems: CellProblem[] = report.problems;
  return (
    <div
      role={problems.length > 0 ? "alert" : "status"}
      data-testid="grid-report"
      className={`rounded-md border px-4 py-3 text-sm ${
        problems.length > 0
          ? "border-amber-200 bg-amber-50 text-amber-900"
          : "border-green-200 bg-green-50 text-green-800"
      }`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span>
          {t("grid.report.saved", { kind: t(`grid.kinds.${report.kind}`), count: report.saved })}
          {problems.length > 0 ? ` ${t("grid.report.notSaved", { count: problems.length })}` : ""}
        </span>
        <button type="button" className="ml-auto text-xs underline" onClick={props.onClose}>
          {t("grid.dismiss")}
        </button>
      </div>
      {problems.length > 0 ? (
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">{t("grid.report.caption")}</caption>
          <thead>
            <tr>
              <th className="py-1 pr-3 font-medium">{t("grid.report.row")}</th>
              <th className="py-1 pr-3 font-medium">{t("grid.report.column")}</th>
              <th className="py-1 font-medium">{t("grid.report.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, 50).map((p, i) => (
              <tr key={`${p.rowNumber}-${p.column}-${i}`} className="border-t border-amber-200">
                <td className="py-1 pr-3 tabular-nums">{p.rowNumber}</td>
                <td className="py-1 pr-3">{p.column}</td>
                <td className="py-1">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {problems.length > 50 ? (
        <p className="mt-1 text-xs">{t("grid.report.more", { count: problems.length - 50 })}</p>
      ) : null}
    </div>
  );
}
