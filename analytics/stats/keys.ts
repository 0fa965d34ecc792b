// What a statistic groups by (app/stats/spec.ts GroupBy), as DuckDB SQL with labels and an order: a
// field of the table (a formula such as 年龄 too), a number in bands (年龄 by 5 years: 0–4, 5–9 …), or
// an org level — 社区 or 网格 — read from the record's org path and named from the org tree.
import { invalid } from "../../app/core/errors.ts";
import type { Services } from "../../app/core/services.server.ts";
import { type GroupBy, ORG_LEVELS, type OrgLevel } from "../../app/stats/spec.ts";
import type { CompiledQuery } from "../query/compile.ts";
import { labeller } from "../query/labels.ts";
import type { GroupKey } from "../query/results.ts";

/** The most distinct keys one grouping shows (the rest are left out, as the cross table does). */
export const MAX_KEYS = 500;
const GROUPABLE = new Set(["choice", "list", "boolean", "text", "number", "date", "money", "address"]);
const pinyinOrder = new Intl.Collator("zh-CN");

export interface StatKey {
  key: string;
  label: string;
  /** SQL of the key's value for one record (a list for a multi-valued field). */
  sql: string;
  multi: boolean;
  /** Reads a grouped code as the key it counts under (an org path as its community); merged after. */
  normalise?: (code: string | null) => string | null;
  /** The keys found, labelled and in the order people expect. */
  keys(codes: readonly (string | null)[]): GroupKey[];
}

export interface OrgNames {
  byPath: ReadonlyMap<string, { name: string; sort: number }>;
}

export async function orgNames(services: Services): Promise<OrgNames> {
  const rows = await services.db.selectFrom("orgs").select(["path", "name", "sort"]).execute();
  return { byPath: new Map(rows.map((r) => [r.path, { name: r.name, sort: Number(r.sort) }])) };
}

export function statKey(compiled: CompiledQuery, by: GroupBy, orgs: OrgNames): StatKey {
  if (Object.hasOwn(ORG_LEVELS, by.field)) return orgKey(by.field as OrgLevel, orgs);
  const field = compiled.fields.get(by.field);
  if (!GROUPABLE.has(field.kind))
    throw invalid(`不能按「${field.label}」分组 / Cannot group by "${field.label}"`);
  if (by.bin !== undefined) {
    if (field.kind !== "number" && field.kind !== "money")
      throw invalid(`「${field.label}」不是数字，不能分段 / "${field.label}" is not a number: no bands`);
    const value = field.kind === "money" ? `(${field.sql} / 100.0)` : field.sql;
    const bin = by.bin;
    return {
      key: by.field,
      label: field.label,
      sql: `CAST(floor(${value} / ${bin}) * ${bin} AS BIGINT)`,
      multi: false,
      keys: (codes) =>
        unique(codes)
          .sort((a, b) => (a === null ? 1 : b === null ? -1 : Number(a) - Number(b)))
          .map((code) => ({
            code,
            label: code === null ? "（空）" : bin === 1 ? code : `${code}–${Number(code) + bin - 1}`,
          })),
    };
  }
  const names = labeller(field, compiled.dictionaries);
  return {
    key: by.field,
    label: field.label,
    sql: field.sql,
    multi: field.kind === "list",
    keys: (codes) =>
      unique(codes)
        .sort((a, b) => names.compare(a, b))
        .slice(0, MAX_KEYS)
        .map((code) => ({ code, label: names.label(code) })),
  };
}

function orgKey(level: OrgLevel, orgs: OrgNames): StatKey {
  const { depth, zh } = ORG_LEVELS[level];
  const label = zh;
  return {
    key: level,
    label,
    // Grouped by the whole path (a handful of values, cheap to group), then read as its first `depth`
    // ids: /1/5/ for 丰盛社区, /1/5/17/ for its 第一网格; a record placed higher has none.
    sql: "r.org_path",
    multi: false,
    normalise: (path) => {
      const ids = path?.split("/").filter(Boolean) ?? [];
      return ids.length < depth ? null : `/${ids.slice(0, depth).join("/")}/`;
    },
    keys: (codes) =>
      unique(codes)
        .map((code) => ({ code, org: code === null ? undefined : orgs.byPath.get(code) }))
        .sort((a, b) =>
          a.code === null
            ? 1
            : b.code === null
              ? -1
              : (a.org?.sort ?? 0) - (b.org?.sort ?? 0) ||
                pinyinOrder.compare(a.org?.name ?? a.code, b.org?.name ?? b.code),
        )
        .map(({ code, org }) => ({ code, label: code === null ? `（无${label}）` : (org?.name ?? code) })),
  };
}

const unique = (codes: readonly (string | null)[]) => [...new Set(codes)];
