// The rows, totals and edits of the view shown: the row windows and their edits, the engine's totals
// (counted again after a save or a bulk change, and the query's error when it refuses it), and the
// rows of any range, fetched as needed.
import { useCallback, useEffect, useState } from "react";
import type { GridRow, RowWindow, Totals } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import type { ViewQuery } from "../../query/view.ts";
import { ApiError, type GridApi, isAbort } from "./api.ts";
import { useEdits } from "./useEdits.ts";
import { useRowWindows } from "./useRowWindows.ts";

export function useGridData(api: GridApi, query: ViewQuery, queryKey: string, first: RowWindow, lang: Lang) {
  const { windows, version, want } = useRowWindows(api, query, queryKey, first);
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

  // The engine's replica takes a moment to see a bulk change: fetch the rows now and once more shortly.
  const refreshSoon = () => {
    windows.refresh();
    setChanged((n) => n + 1);
    setTimeout(() => {
      windows.refresh();
      setChanged((n) => n + 1);
    }, 700);
  };

  return { windows, version, want, edits, totals, queryError, fetchRows, refreshSoon };
}

export type GridData = ReturnType<typeof useGridData>;
