// Load something for a panel whenever what it depends on (`key`) changes: shortly after the last change,
// cancelling the request the change made stale. Runs in the browser only (effects never run in SSR).
import { useCallback, useEffect, useRef, useState } from "react";
import { isAbort } from "./api.ts";

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** `key` null: nothing to load (yet). */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  delay = 150,
): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      loader
        .current(controller.signal)
        .then((result) => {
          if (controller.signal.aborted) return;
          setData(result);
          setError(null);
          setLoading(false);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted || isAbort(e)) return;
          setError(e);
          setLoading(false);
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `round` asks again for the same key.
  }, [key, delay, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, loading, error, reload };
}
