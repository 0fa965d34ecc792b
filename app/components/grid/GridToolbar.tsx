// The grid page's toolbar: quick search, the condition builder, saved views, statistics, columns, the
// side area's toggle (on a phone, a menu holding the panels and the side area instead), undo and
// refresh, and the name of the saved view shown.
import { type ReactNode, useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ConditionBuilder } from "../query/ConditionBuilder.tsx";
import { Popover } from "../query/Popover.tsx";
import { SavedViewMenu } from "../query/SavedViewMenu.tsx";
import { StatsPanel } from "../query/StatsPanel.tsx";
import { TransferButtons } from "../transfer/TransferButtons.tsx";
import { CsrfInput } from "../ui.tsx";
import { ColumnsPanel } from "./ColumnsPanel.tsx";
import { columnLabel } from "./columns.ts";
import type { GridTable } from "./types.ts";
import type { GridViewState } from "./useGridView.ts";

const toolbarButton =
  "inline-flex min-h-9 items-center gap-1 rounded-md border border-stone-300 bg-white px-3 text-sm hover:bg-stone-100 disabled:opacity-50";

interface PanelsProps {
  table: GridTable;
  state: GridViewState;
  queryError: { message: string; fields?: Record<string, string> } | null;
}

export function GridToolbar(
  props: PanelsProps & {
    narrow: boolean;
    sideOpen: boolean;
    onToggleSide(): void;
    /** The side area, folded into the menu on a phone. */
    side: ReactNode;
    canUndo: boolean;
    onUndo(): void;
    onRefresh(): void;
  },
) {
  const { t } = useTranslation();
  const { view, search, setSearch, setQuery, activeView } = props.state;
  const filtersOn = [view.search, view.filter, view.facets, view.orgId, view.address, view.colours].filter(
    Boolean,
  ).length;
  const panels = <ToolbarPanels table={props.table} state={props.state} queryError={props.queryError} />;
  return (
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
      {props.narrow ? (
        <details className="w-full">
          <summary className={`${toolbarButton} cursor-pointer list-none`}>
            {t("grid.toolbar.more")}
            {filtersOn > 0 ? ` (${filtersOn})` : ""}
          </summary>
          <div className="mt-2 flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-3">
            <div className="flex flex-wrap gap-2">{panels}</div>
            {props.side}
          </div>
        </details>
      ) : (
        <>
          {panels}
          <button
            type="button"
            className={toolbarButton}
            aria-expanded={props.sideOpen}
            onClick={props.onToggleSide}
          >
            {props.sideOpen ? t("grid.toolbar.hideSide") : t("grid.toolbar.showSide")}
          </button>
        </>
      )}
      <button
        type="button"
        className={toolbarButton}
        disabled={!props.canUndo}
        onClick={props.onUndo}
        title={t("grid.toolbar.undoHint")}
      >
        {t("grid.toolbar.undo")}
      </button>
      <button type="button" className={toolbarButton} onClick={props.onRefresh}>
        {t("grid.toolbar.refresh")}
      </button>
      <TransferButtons
        table={props.table}
        query={props.state.query}
        columns={props.state.columns}
        buttonClassName={toolbarButton}
      />
      {activeView ? (
        <span className="text-sm text-stone-600">
          {t("grid.toolbar.viewName", { name: activeView.name })}
        </span>
      ) : null}
    </div>
  );
}

/** The toolbar's panels: filter, saved views, statistics and columns. */
function ToolbarPanels(props: PanelsProps) {
  const { t } = useTranslation();
  const { table, state } = props;
  const fieldsByKey = useMemo(() => new Map(table.fields.map((f) => [f.key, f])), [table.fields]);
  const labelOf = useCallback((key: string) => columnLabel(key, fieldsByKey, t), [fieldsByKey, t]);
  return (
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
            value={state.view.filter}
            error={props.queryError}
            onChange={(filter) => {
              state.setQuery({ filter });
              if (filter === undefined) close();
            }}
          />
        )}
      </Popover>
      <SavedViewMenu
        table={table}
        current={state.definition}
        activeId={state.activeView?.id ?? null}
        onLoad={state.loadView}
        onActiveChange={state.changeActiveView}
      />
      <Popover
        label={t("grid.toolbar.stats")}
        wide
        button={t("grid.toolbar.stats")}
        buttonClassName={toolbarButton}
      >
        {() => <StatsPanel table={table} query={state.query} />}
      </Popover>
      <Popover
        label={t("grid.columns.title")}
        button={t("grid.toolbar.columns")}
        buttonClassName={toolbarButton}
      >
        {() => (
          <ColumnsPanel
            columns={state.columns}
            labelOf={labelOf}
            onChange={state.setColumns}
            onReset={state.resetColumns}
          />
        )}
      </Popover>
    </>
  );
}
