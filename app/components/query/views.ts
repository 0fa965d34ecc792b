// 保存的查询: the reader's own views and those shared with them, what a view's sharing reads as, the
// checks before a save, and the definition a save keeps. Pure.
import type { ViewDefinition } from "../../query/view.ts";
import type { SavedView, ShareKind, ViewInput } from "./api.ts";
import { pruneFilter } from "./filter-tree.ts";
import type { Translate } from "./summary.ts";

/** The roles a view may be shared with (those that read records). */
export { SHARE_ROLES } from "../../query/view.ts";

export const MAX_NAME = 60;

const byName = new Intl.Collator("zh-CN", { numeric: true });

/** Mine first, then those others share with me; each by name. */
export function groupViews(views: readonly SavedView[]): { mine: SavedView[]; shared: SavedView[] } {
  const sorted = [...views].sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id);
  return { mine: sorted.filter((v) => v.mine), shared: sorted.filter((v) => !v.mine) };
}

/** "仅自己", "共享给 社区管理员", "共享给 丰盛社区". */
export function shareText(view: Pick<SavedView, "share" | "shareRole" | "shareOrg">, t: Translate): string {
  if (view.share === "role" && view.shareRole)
    return t("query.views.sharedWith", { who: t(`roles.${view.shareRole}`) });
  if (view.share === "org" && view.shareOrg) return t("query.views.sharedWith", { who: view.shareOrg.name });
  return t("query.views.private");
}

export type NameProblem = "nameEmpty" | "nameTooLong" | "nameTaken";

/** What is wrong with a name before the server is asked (names are unique per owner and table). */
export function nameProblem(
  name: string,
  views: readonly SavedView[],
  exceptId?: number,
): NameProblem | null {
  const clean = name.trim();
  if (clean === "") return "nameEmpty";
  if ([...clean].length > MAX_NAME) return "nameTooLong";
  if (views.some((v) => v.mine && v.id !== exceptId && v.name === clean)) return "nameTaken";
  return null;
}

export interface ShareChoice {
  share: ShareKind;
  role?: string;
  orgId?: number;
}

export type ShareProblem = "chooseRole" | "chooseOrg";

/** The sharing part of a save; a problem when the role or org is still to be chosen. */
export function shareInput(choice: ShareChoice): Pick<ViewInput, "share" | "role" | "orgId"> | ShareProblem {
  if (choice.share === "role") return choice.role ? { share: "role", role: choice.role } : "chooseRole";
  if (choice.share === "org") return choice.orgId ? { share: "org", orgId: choice.orgId } : "chooseOrg";
  return { share: "private" };
}

export const shareChoiceOf = (view: SavedView): ShareChoice => ({
  share: view.share,
  ...(view.shareRole ? { role: view.shareRole } : {}),
  ...(view.shareOrg ? { orgId: view.shareOrg.id } : {}),
});

const empty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

/**
 * What a save keeps: the definition without empty parts, its filter without empty groups. Given the
 * column keys a view may keep (the table's fields and the grid's own columns), columns of fields since
 * removed are left out, with the view's computed columns kept.
 */
export function definitionToSave(current: ViewDefinition, fieldKeys?: readonly string[]): ViewDefinition {
  const known = fieldKeys && new Set([...fieldKeys, ...(current.computed ?? []).map((c) => c.key)]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    let v: unknown = value;
    if (key === "filter") v = pruneFilter(value as ViewDefinition["filter"]);
    if (key === "columns" && known) v = (value as ViewDefinition["columns"])?.filter((c) => known.has(c.key));
    if (!empty(v)) out[key] = v;
  }
  return out as ViewDefinition;
}

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
};

/** Whether the grid still shows what the view keeps (to offer "save changes"). */
export const sameDefinition = (a: ViewDefinition, b: ViewDefinition, fieldKeys?: readonly string[]) =>
  JSON.stringify(canonical(definitionToSave(a, fieldKeys))) ===
  JSON.stringify(canonical(definitionToSave(b, fieldKeys)));
