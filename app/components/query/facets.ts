// 分类筛选: which fields the panel counts by, and ticking values in `facets` (OR inside a field, AND across
// fields). The server counts each facet without that field's own selection, so one request serves all.
import type { ViewQuery } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import { type ChoiceOption, optionOf } from "../records/options.ts";

export type Facets = NonNullable<ViewQuery["facets"]>;

const FACET_TYPES = new Set(["choice", "multichoice", "boolean"]);

/** Fields whose values can be ticked: choice, multiple choice and yes/no fields in view. */
export const facetableFields = (fields: readonly GridField[]): GridField[] =>
  fields.filter((f) => FACET_TYPES.has(f.type) && !f.hidden);

/** What offices count by first (人员类别, 性别, 特殊人群, 政治面貌), by label or by the person table's keys. */
const PREFERRED = [
  ["人员类别", "category"],
  ["性别", "sex"],
  ["特殊人群", "specialGroups"],
  ["政治面貌", "politicalStatus"],
] as const;

/** The facets shown before the reader picks: the preferred ones, else the first few such fields. */
export function defaultFacetFields(fields: readonly GridField[], count = 4): string[] {
  const candidates = facetableFields(fields);
  const picked = PREFERRED.map(([label, key]) =>
    candidates.find((f) => f.label === label || f.key === key),
  ).filter((f): f is GridField => f !== undefined);
  for (const f of candidates) {
    if (picked.length >= count) break;
    if (!picked.includes(f)) picked.push(f);
  }
  return picked.slice(0, count).map((f) => f.key);
}

/** Keep only keys of fields still facetable, in the table's order. */
export function knownFacetFields(keys: readonly string[], fields: readonly GridField[]): string[] {
  const wanted = new Set(keys);
  return facetableFields(fields)
    .filter((f) => wanted.has(f.key))
    .map((f) => f.key);
}

const tidy = (facets: Facets): Facets | undefined => {
  const out: Facets = {};
  for (const [key, codes] of Object.entries(facets)) if (codes.length > 0) out[key] = codes;
  return Object.keys(out).length > 0 ? out : undefined;
};

/** Tick or untick one value (`on` forces the state); undefined once nothing is ticked. */
export function toggleFacet(
  facets: Facets | undefined,
  field: string,
  code: string,
  on?: boolean,
): Facets | undefined {
  const now = facets?.[field] ?? [];
  const ticked = now.includes(code);
  const want = on ?? !ticked;
  if (want === ticked) return facets && tidy(facets);
  const codes = want ? [...now, code] : now.filter((c) => c !== code);
  return tidy({ ...facets, [field]: codes });
}

/** Untick every value of one field. */
export function clearFacet(facets: Facets | undefined, field: string): Facets | undefined {
  if (!facets) return undefined;
  const { [field]: _dropped, ...rest } = facets;
  return tidy(rest);
}

export const tickedCount = (facets: Facets | undefined): number =>
  Object.values(facets ?? {}).reduce((n, codes) => n + codes.length, 0);

/**
 * The query facets are counted under: the grid's query without what only orders or shows rows (the
 * facets themselves stay: the server leaves each field's own selection out).
 */
export function countingQuery(query: ViewQuery & { columns?: unknown }): ViewQuery {
  const { sort: _sort, columns: _columns, ...rest } = query;
  return rest;
}

/** A stable string for a query, to know when counts must be asked again. */
export const queryKey = (query: ViewQuery): string => JSON.stringify(countingQuery(query));

export interface FacetRow {
  /** Null: records without a value (counted, not selectable). */
  code: string | null;
  label: string;
  colour?: string;
  count: number;
  ticked: boolean;
}

/**
 * The values a facet lists: the server's counts, each with the dictionary's colour when the server gave
 * none, plus values ticked that no longer occur under the query (count 0, so they can be unticked).
 */
export function facetRows(
  values: readonly { code: string | null; label: string; colour?: string; count: number }[],
  ticked: readonly string[],
  options: readonly ChoiceOption[] | undefined,
): FacetRow[] {
  const rows: FacetRow[] = values.map((v) => {
    const colour = v.colour ?? (v.code !== null ? optionOf(options, v.code)?.colour : undefined);
    return {
      code: v.code,
      label: v.label,
      ...(colour ? { colour } : {}),
      count: v.count,
      ticked: v.code !== null && ticked.includes(v.code),
    };
  });
  for (const code of ticked)
    if (!rows.some((r) => r.code === code)) {
      const option = optionOf(options, code);
      rows.push({
        code,
        label: option?.label ?? code,
        ...(option?.colour ? { colour: option.colour } : {}),
        count: 0,
        ticked: true,
      });
    }
  return rows;
}
