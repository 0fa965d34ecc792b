// The grid's rows for a query: a RowWindows cache that refetches from the top when the query changes,
// and a debounced `want(start, end)` the grid calls as its visible range moves (a fast scroll through a
// million rows asks only for where it stops; a slow one still loads as it goes).
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { RowWindow } from "../../../analytics/query/results.ts";
import type { ViewQuery } from "../../query/view.ts";
import type { GridApi } from "./api.ts";
import { RowWindows } from "./windows.ts";

const DEBOUNCE_MS = 60;
const MAX_WAIT_MS = 250;

export function useRowWindows(api: GridApi, query: ViewQuery, queryKey: string, first: RowWindow) {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const queryRef = useRef(query);
  queryRef.current = query;
  const windows = useMemo(
    () =>
      new RowWindows(
        (offset, limit, signal) => api.window(queryRef.current, offset, limit, signal),
        () => bump(),
        first,
      ),
    // One cache per page; query changes reset it below.
    [],
  );
  const firstKey = useRef(queryKey);
  useEffect(() => {
    if (firstKey.current === queryKey) return;
    firstKey.current = queryKey;
    windows.reset();
    windows.want(0, 0);
  }, [queryKey, windows]);
  useEffect(() => () => windows.dispose(), [windows]);

  const timer = useRef<{ id: ReturnType<typeof setTimeout>; since: number } | null>(null);
  const pending = useRef<[number, number]>([0, 0]);
  const want = useCallback(
    (start: number, end: number) => {
      pending.current = [start, end];
      const now = Date.now();
      const since = timer.current?.since ?? now;
      if (timer.current) clearTimeout(timer.current.id);
      const wait = now - since >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS;
      timer.current = {
        since,
        id: setTimeout(() => {
          timer.current = null;
          windows.want(...pending.current);
        }, wait),
      };
    },
    [windows],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current.id);
    },
    [],
  );
  return { windows, version, want };
}
