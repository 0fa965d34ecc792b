import { useRouteLoaderData } from "react-router";
import type { RootData } from "../root.tsx";

/** Data every page can rely on: language, CSRF token, signed-in user (or null), demo flag. */
export function useRoot(): RootData {
  const data = useRouteLoaderData<RootData>("root");
  if (!data) throw new Error("root loader data missing");
  return data;
}
