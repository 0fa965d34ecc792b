// A table's colour palette, loaded once per page and shared by every panel that shows it (the legend,
// the rule editor, the grid's 标记颜色 picker); a save updates them all.
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { PaletteColour, QueryApi } from "./api.ts";

const palettes = new Map<string, PaletteColour[]>();
const listeners = new Map<string, Set<() => void>>();
const loading = new Map<string, Promise<void>>();

function publish(key: string, palette: PaletteColour[]) {
  palettes.set(key, palette);
  for (const listener of listeners.get(key) ?? []) listener();
}

export function usePalette(
  tableKey: string,
  api: QueryApi,
): {
  palette: PaletteColour[] | undefined;
  error: unknown;
  save: (palette: PaletteColour[]) => Promise<void>;
} {
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listeners.get(tableKey) ?? new Set();
      set.add(listener);
      listeners.set(tableKey, set);
      return () => set.delete(listener);
    },
    [tableKey],
  );
  const palette = useSyncExternalStore(
    subscribe,
    () => palettes.get(tableKey),
    () => undefined,
  );
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (palettes.has(tableKey)) return;
    const pending =
      loading.get(tableKey) ??
      api
        .palette()
        .then((list) => publish(tableKey, list))
        .finally(() => loading.delete(tableKey));
    loading.set(tableKey, pending);
    pending.catch((e: unknown) => setError(e));
  }, [tableKey, api]);

  const save = useCallback(
    async (next: PaletteColour[]) => {
      const saved = await api.savePalette(next);
      publish(tableKey, saved.length > 0 || next.length === 0 ? saved : next);
    },
    [tableKey, api],
  );
  return { palette, error, save };
}
