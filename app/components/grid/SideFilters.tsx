// The side area's filters: the org and address trees, the facets and the colour legend. It sits beside
// the grid on wide screens and above it on middling ones (the reader may hide it, and the choice is
// kept in this browser); on a phone it is folded into the toolbar's menu.
import { useEffect, useState } from "react";
import type { ViewDefinition, ViewQuery } from "../../query/view.ts";
import { ColourLegend } from "../query/ColourLegend.tsx";
import { FacetPanel } from "../query/FacetPanel.tsx";
import { TreeFilter } from "../query/TreeFilter.tsx";
import type { GridTable } from "./types.ts";

const SIDE_KEY = "linli.grid.side";

/** Whether the side area is shown, and a toggle that remembers the choice. */
export function useSideOpen() {
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
  return { sideOpen, toggleSide };
}

export function SideFilters(props: {
  table: GridTable;
  query: ViewQuery;
  view: ViewDefinition;
  setQuery(patch: Partial<ViewQuery>): void;
}) {
  const { table, query, view, setQuery } = props;
  return (
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
}
