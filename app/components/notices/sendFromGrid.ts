// The grid hands its ticked rows or its filter to the compose page through the tab's session storage:
// a filter may hold a search for an ID number, which never goes into a URL.
import type { Audience } from "../../notify/campaign-input.ts";

export const GRID_AUDIENCE_KEY = "linli.notice.audience";
export const COMPOSE_FROM_GRID = "/admin/notices/new?from=grid";

export function handOverAudience(audience: Audience): void {
  sessionStorage.setItem(GRID_AUDIENCE_KEY, JSON.stringify(audience));
}

export function takeOverAudience(): Audience | null {
  try {
    const stored = sessionStorage.getItem(GRID_AUDIENCE_KEY);
    return stored ? (JSON.parse(stored) as Audience) : null;
  } catch {
    return null;
  }
}
