// The view the grid shows — filters, sort, columns — held in the page's state, and the saved view it
// came from. A saved view's short id may be in the URL; a filter never is, as it may hold an ID or
// phone number. The quick search is typed here and run a moment after typing stops.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { SortKey, ViewColumn, ViewDefinition, ViewQuery } from "../../query/view.ts";
import type { SavedView } from "../query/api.ts";
import { resolveColumns, toViewColumns } from "./columns.ts";
import type { GridTable } from "./types.ts";

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

export function useGridView(
  table: GridTable,
  initialView: ViewDefinition,
  savedView: { id: number; name: string } | null,
) {
  const [view, setView] = useState<ViewDefinition>(initialView);
  const [activeView, setActiveView] = useState<{ id: number; name: string } | null>(savedView);
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

  const loadView = (next: ViewDefinition, saved: SavedView) => {
    setView(next);
    setSearch(next.search ?? "");
    setActiveView({ id: saved.id, name: saved.name });
    rememberView(saved.id);
  };
  const changeActiveView = (saved: SavedView | null) => {
    setActiveView(saved ? { id: saved.id, name: saved.name } : null);
    rememberView(saved?.id ?? null);
  };
  const resetColumns = () => setView((v) => ({ ...v, columns: undefined }));

  return {
    view,
    activeView,
    columns,
    query,
    queryKey,
    definition,
    setQuery,
    setColumns,
    setSort,
    search,
    setSearch,
    loadView,
    changeActiveView,
    resetColumns,
  };
}

export type GridViewState = ReturnType<typeof useGridView>;
