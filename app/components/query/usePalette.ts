// A table's colour palette, loaded once per page and shared by every panel that shows it (the legend,
// the rule editor, the grid's 标记颜色 picker); a save updates them all.
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { PaletteColour, QueryApi } from "./api.ts";
import { paletteChanges } from "./colours.ts";

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

  // One call per change (remove, then new meanings, then additions); whatever happens, the palette is
  // read again so every panel shows what the server kept, and the first refusal is passed on.
  const save = useCallback(
    async (next: PaletteColour[]) => {
      const changes = paletteChanges(palettes.get(tableKey) ?? [], next);
      let failure: unknown = null;
      try {
        for (const id of changes.remove) await api.deleteColour(id);
        for (const { id, meaning } of changes.update) await api.updateColour(id, { meaning });
        for (const { colour, meaning } of changes.add) await api.addColour({ colour, meaning });
      } catch (e) {
        failure = e;
      }
      publish(tableKey, await api.palette());
      if (failure) throw failure;
    },
    [tableKey, api],
  );
  return { palette, error, save };
}
