// The dashboards the reader may open (the built-in one first) and one dashboard's numbers at a moment.
import type { DashboardDefinition } from "../../stats/spec.ts";
import { useLoad } from "../query/useLoad.ts";
import { type DashboardList, useStatsApi } from "./api.ts";

export interface Board {
  id: number | null;
  name: string;
  definition: DashboardDefinition;
  mine: boolean;
  ownerName: string | null;
}

export function boardsOf(list: DashboardList | undefined): Board[] {
  if (!list) return [];
  return [
    { id: null, name: list.builtin.name, definition: list.builtin.definition, mine: false, ownerName: null },
    ...list.items.map((d) => ({
      id: d.id,
      name: d.name,
      definition: d.definition,
      mine: d.mine,
      ownerName: d.ownerName,
    })),
  ];
}

export function useDashboardList() {
  const api = useStatsApi();
  return useLoad("dashboards", (signal) => api.dashboards(signal), 0);
}

/** One side of the page: `asOf` "" live; `board` undefined while the list is still loading. */
export function useDashboardData(
  board: Board | undefined,
  asOf: string,
  viewId: number | null,
  enabled = true,
) {
  const api = useStatsApi();
  const ask = { ...(asOf ? { asOf } : {}), ...(viewId !== null ? { viewId } : {}) };
  // The definition is part of the key: a chart moved or removed asks again.
  const key =
    board && enabled ? JSON.stringify({ id: board.id, ask, charts: board.definition.charts }) : null;
  return useLoad(
    key,
    (signal) =>
      board!.id === null
        ? api.dashboard(board!.definition, ask, signal)
        : api.dashboardData(board!.id, ask, signal),
    100,
  );
}
