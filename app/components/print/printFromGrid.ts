// The grid hands its ticked rows or its filter to the print page through the tab's session storage, as
// it does for notices: a filter may hold a search for an ID number, which never goes into a URL.
import type { Audience } from "../../notify/campaign-input.ts";

const KEY = "linli.print.audience";
export const PRINT_FROM_GRID = "/admin/print/new?from=grid";

export interface GridHandover {
  table: string;
  audience: Audience;
}

export function handOverToPrint(handover: GridHandover): void {
  sessionStorage.setItem(KEY, JSON.stringify(handover));
}

export function takeOverFromGrid(): GridHandover | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as GridHandover) : null;
  } catch {
    return null;
  }
}
