// Where a statistic's numbers come from: a table, filtered by a saved view and a query of the chart's
// own, in the reader's scope, live or as of a past moment. Everything a chart or report runs goes
// through `openSource`, so scope, the view's visibility and the as-of rewrite are decided once.
import { authorize } from "../../app/auth/access.server.ts";
import { invalid } from "../../app/core/errors.ts";
import type { Caller, Services } from "../../app/core/services.server.ts";
import type { FilterNode, ViewQuery } from "../../app/query/view.ts";
import { getView } from "../../app/query/views.server.ts";
import { loadTable, type TableDef } from "../../app/schema/tables.server.ts";
import type { Moment } from "../../app/stats/results.ts";
import { type GroupBy, type MeasureSpec, ORG_LEVELS } from "../../app/stats/spec.ts";
import { type CompiledQuery, compileQuery } from "../query/compile.ts";
import type { Replica } from "../replica.server.ts";
import { asOf } from "./as-of.ts";
import { type OrgNames, orgNames } from "./keys.ts";

export interface SourceSpec {
  table: string;
  viewId?: number;
  query?: ViewQuery;
}

export interface Source {
  table: TableDef;
  replica: Replica;
  compiled: CompiledQuery;
  orgs: OrgNames;
  moment: Moment;
  /** Runs a statement on the replica as of the source's moment, with its bound parameters. */
  read(sql: string): Promise<Record<string, unknown>[]>;
}

export async function openSource(
  services: Services,
  caller: Caller,
  spec: SourceSpec,
  moment: Moment,
  uses: { groups: readonly GroupBy[]; measures: readonly MeasureSpec[] },
  options: { includeDeleted?: boolean } = {},
): Promise<Source> {
  await authorize(services, caller, "stats.read");
  const table = await loadTable(services.db, spec.table);
  refuseRemoved(table, [...uses.groups.map((g) => g.field), ...uses.measures.flatMap((m) => m.field ?? [])]);
  const query = await sourceQuery(services, caller, table, spec);
  const replica = await services.analytics.replica(table.key);
  const compiled = await compileQuery(services, caller, replica, table, query, {
    today: moment.day,
    includeDeleted: options.includeDeleted,
  });
  const rewrite = moment.live ? (sql: string) => sql : asOf(replica.columns, moment.at).rewrite;
  return {
    table,
    replica,
    compiled,
    orgs: await orgNames(services),
    moment,
    async read(sql) {
      const text = rewrite(sql);
      return (await replica.connection.runAndReadAll(text, compiled.params.usedBy(text))).getRowObjectsJS();
    },
  };
}

/** A saved view's query ANDed with the chart's own: the view must be the reader's or shared with them. */
async function sourceQuery(
  services: Services,
  caller: Caller,
  table: TableDef,
  spec: SourceSpec,
): Promise<ViewQuery> {
  const own = spec.query ?? {};
  if (!spec.viewId) return own;
  const view = await getView(services, caller, spec.viewId);
  if (view.table.id !== table.id)
    throw invalid(`视图「${view.name}」属于另一张表 / The view "${view.name}" is of another table`, {
      viewId: "另一张表的视图 / A view of another table",
    });
  const { columns: _columns, sort: _sort, ...fromView } = view.definition;
  const filters = [fromView.filter, own.filter].filter((f): f is NonNullable<typeof f> => Boolean(f));
  const filter: FilterNode | undefined =
    filters.length > 1 ? { kind: "group", join: "and", items: filters } : filters[0];
  return {
    ...fromView,
    ...own,
    ...(filter ? { filter } : {}),
    facets: { ...fromView.facets, ...own.facets },
  } as ViewQuery;
}

/** A field staff removed since the chart or report was saved: say which, by its label. */
function refuseRemoved(table: TableDef, keys: readonly string[]) {
  for (const key of keys) {
    if (Object.hasOwn(ORG_LEVELS, key) || table.fields.some((f) => f.key === key)) continue;
    const removed = table.allFields.find((f) => f.key === key && f.removedAt !== null);
    if (removed)
      throw invalid(
        `字段「${removed.label}」已被删除，请在图表或报表中换掉它，或先恢复该字段 / The field "${removed.label}" was removed: replace it, or restore the field first`,
        { field: `已删除的字段 / Removed field: ${removed.label}` },
      );
  }
}
