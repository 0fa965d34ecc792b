// A view's query (app/query/view.ts) compiled against one table's replica: the WHERE clause of every
// filter mode combined with the reader's scope, the ORDER BY, and the colour expressions. Everything a
// user typed is a bound parameter; identifiers come from the table definition only.
import { authorize } from "../../app/auth/access.server.ts";
import { invalid } from "../../app/core/errors.ts";
import type { Caller, Services } from "../../app/core/services.server.ts";
import { todayInChina } from "../../app/people/normalise/calendar.ts";
import type { ColourRule, SortKey, ViewQuery } from "../../app/query/view.ts";
import { loadDictionaries, type StoredDictionary } from "../../app/schema/dictionaries.server.ts";
import { fieldType } from "../../app/schema/field-types/registry.ts";
import type { TableDef } from "../../app/schema/tables.server.ts";
import { quoteIdent } from "../columns.ts";
import type { Replica } from "../replica.server.ts";
import { searchCondition } from "../search.server.ts";
import { FieldResolver, type ResolvedField } from "./fields.ts";
import { compileFilter, type FilterScope } from "./filter.ts";
import { Params } from "./params.ts";

export interface CompiledQuery {
  table: TableDef;
  fields: FieldResolver;
  params: Params;
  dictionaries: Map<string, StoredDictionary>;
  /** Scope, live rows and every filter mode, ANDed. */
  where: string;
  /** The same without one facet's own selection (facet counts show what ticking more would add). */
  whereWithoutFacet(key: string): string;
  /** Quick search is in the WHERE: a scan of every row's text, best done once for rows and count. */
  searches: boolean;
  /** Whether the WHERE reads the marks table (join it as `m`). */
  needsMarks: boolean;
  orderBy: string;
  /** The row's colour: its manual mark, else the first row rule that matches (reads `m`). */
  rowColour: string;
  cellColours: { key: string; sql: string }[];
}

/** The order of a view without a sort of its own, and the last tie-breaker of every other. */
export const DEFAULT_ORDER = "r.id ASC";

/** The FROM clause every engine query uses: the records and, when asked, their colour marks. */
export const fromRecords = (withMarks: boolean) =>
  withMarks ? "records r LEFT JOIN marks m ON m.record_id = r.id" : "records r";

export interface CompileOptions {
  /** The day AGE, 近 N 天 and the like count from (a statistic as of a past date): default today. */
  today?: string;
  /** Leave out the `NOT deleted` test (what happened to records, deleted ones included). */
  includeDeleted?: boolean;
}

export async function compileQuery(
  services: Services,
  caller: Caller,
  replica: Replica,
  table: TableDef,
  query: ViewQuery,
  options: CompileOptions = {},
): Promise<CompiledQuery> {
  await authorize(services, caller, "record.read");
  const params = new Params();
  const today = options.today ?? todayInChina();
  const dictionaries = await loadDictionaries(services.db);
  const fields = new FieldResolver(table, params, today, query.computed);
  const scope: FilterScope = {
    fields,
    params,
    today,
    parse: { dictionary: (key) => dictionaries.get(key), source: "paste", today },
  };

  const base = options.includeDeleted ? ["TRUE"] : ["NOT r.deleted"];
  if (!(await scopeIsEverything(services, caller)))
    base.push(`starts_with(r.org_path, ${params.add(caller.actor.orgPath)})`);
  if (query.orgId)
    base.push(`starts_with(r.org_path, ${params.add(await orgPathInScope(services, caller, query.orgId))})`);
  if (query.address) base.push(addressCondition(fields, params, query.address));
  if (query.search) base.push(searchCondition(replica, query.search, (v) => params.add(v)));
  const filter = compileFilter(query.filter, scope);
  if (filter) base.push(filter);

  const rules = (query.colourRules ?? []).map((rule) => ({ rule, sql: ruleCondition(rule, scope) }));
  const rowRules = rules.filter((r) => r.rule.target === "row");
  const rowColour = `coalesce(m.colour${rowRules.map((r) => `, CASE WHEN ${r.sql} THEN ${params.add(r.rule.colour)} END`).join("")})`;
  if (query.colours?.length)
    base.push(`${rowColour} IN (${query.colours.map((c) => params.add(c)).join(", ")})`);

  const facetSql = new Map<string, string>();
  for (const [key, codes] of Object.entries(query.facets ?? {})) {
    if (codes.length === 0) continue;
    facetSql.set(key, valuesCondition(fields.get(key), codes, scope));
  }

  const whereWithoutFacet = (key: string) =>
    [...base, ...[...facetSql].filter(([k]) => k !== key).map(([, sql]) => sql)].join(" AND ");

  const cellColours = [
    ...groupBy(
      rules.filter((r) => r.rule.target === "cell"),
      (r) => r.rule.field,
    ),
  ].map(([key, list]) => ({
    key,
    sql: `CASE ${list.map((r) => `WHEN ${r.sql} THEN ${params.add(r.rule.colour)}`).join(" ")} END`,
  }));

  return {
    table,
    fields,
    params,
    dictionaries,
    where: whereWithoutFacet(""),
    whereWithoutFacet,
    searches: Boolean(query.search),
    needsMarks: Boolean(query.colours?.length),
    orderBy: orderBy(query.sort ?? [], fields, params, dictionaries),
    rowColour,
    cellColours,
  };
}

/**
 * Whether every org lies in the reader's scope (a street admin of the only street): then every record
 * does, and the scope test, a string comparison on every row, can be left out.
 */
async function scopeIsEverything(services: Services, caller: Caller): Promise<boolean> {
  const outside = await services.db
    .selectFrom("orgs")
    .select("id")
    .where("path", "not like", `${caller.actor.orgPath}%`)
    .limit(1)
    .executeTakeFirst();
  return outside === undefined;
}

async function orgPathInScope(services: Services, caller: Caller, orgId: number): Promise<string> {
  const org = await services.db.selectFrom("orgs").select("path").where("id", "=", orgId).executeTakeFirst();
  if (!org?.path.startsWith(caller.actor.orgPath))
    throw invalid("所选组织不存在或不在您的范围内 / No such organisation in your scope", {
      orgId: "不在范围内 / Not in your scope",
    });
  return org.path;
}

function addressCondition(
  fields: FieldResolver,
  params: Params,
  address: NonNullable<ViewQuery["address"]>,
): string {
  const field = fields.get(address.field);
  if (field.kind !== "address")
    throw invalid(`「${field.label}」不是地址字段 / "${field.label}" is not an address field`);
  const parts = [`${quoteIdent(`${field.key}$estate`)} = ${params.add(address.estate)}`];
  if (address.building)
    parts.push(`${quoteIdent(`${field.key}$building`)} = ${params.add(address.building)}`);
  if (address.building && address.unit)
    parts.push(`${quoteIdent(`${field.key}$unit`)} = ${params.add(address.unit)}`);
  return `(${parts.join(" AND ")})`;
}

/** Facet and colour-rule values: dictionary labels or codes, read as the field reads them. */
function valuesCondition(field: ResolvedField, values: readonly string[], scope: FilterScope): string {
  const condition = {
    kind: "condition" as const,
    field: field.key,
    op: field.kind === "list" ? ("has_any" as const) : ("in" as const),
    values: [...values],
  };
  if (field.kind === "boolean") {
    const bools = values.map((v) => ["true", "是", "1"].includes(v));
    return `${field.sql} IN (${bools.map((b) => (b ? "TRUE" : "FALSE")).join(", ")})`;
  }
  if (field.kind !== "list" && !field.operators.includes("in"))
    throw invalid(`「${field.label}」不能分类筛选 / "${field.label}" cannot be used as a facet`);
  const sql = compileFilter(
    { kind: "group", join: "and", items: [condition] },
    { ...scope, fields: scope.fields },
  );
  return sql ?? "TRUE";
}

function ruleCondition(rule: ColourRule, scope: FilterScope): string {
  return valuesCondition(scope.fields.get(rule.field), rule.values, scope);
}

function orderBy(
  sort: readonly SortKey[],
  fields: FieldResolver,
  params: Params,
  dictionaries: Map<string, StoredDictionary>,
): string {
  const keys = sort.map(({ field: key, dir }) => {
    const field = fields.get(key);
    if (field.field && !fieldType(field.field.type).sortable)
      throw invalid(`不能按「${field.label}」排序 / Cannot sort by "${field.label}"`);
    return `${sortExpression(field, params, dictionaries)} ${dir === "desc" ? "DESC" : "ASC"} NULLS LAST`;
  });
  return [...keys, DEFAULT_ORDER].join(", ");
}

/** Chinese text sorts by pinyin: names by their stored pinyin key, other text by the zh collation. */
function sortExpression(
  field: ResolvedField,
  params: Params,
  dictionaries: Map<string, StoredDictionary>,
): string {
  if (field.field?.options.personName) return quoteIdent(`${field.key}$py`);
  if (field.kind === "choice" && field.field?.options.dictionary) {
    const options = dictionaries.get(field.field.options.dictionary)?.options ?? [];
    // Dictionary order (汉族 first, as offices list it); codes the dictionary lost sort last.
    if (options.length > 0) return `list_position(${params.list(options.map((o) => o.code))}, ${field.sql})`;
  }
  if (field.kind === "text" || field.kind === "address" || field.kind === "choice")
    return `${field.sql} COLLATE zh`;
  return field.sql;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
