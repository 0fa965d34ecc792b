// An audience (a selection, a filter, a saved view, a recipient group) → the ids of the live records it
// reaches inside the sender's scope, in id order. Filters and views are answered by the query engine;
// selections and groups are checked against the store, so an id outside the scope reaches nobody.
import { audienceIds, type DateMatch } from "../../analytics/query/audience.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import type { ViewQuery } from "../query/view.ts";
import { getView } from "../query/views.server.ts";
import type { TableDef } from "../schema/tables.server.ts";
import type { Audience } from "./campaign-input.ts";
import { groupRecordIds } from "./groups.server.ts";

async function idsInScope(services: Services, table: TableDef, caller: Caller, ids: readonly number[]) {
  const out: number[] = [];
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 1000) {
    const rows = await services.db
      .selectFrom("records")
      .select("id")
      .where("id", "in", sorted.slice(i, i + 1000))
      .where("table_id", "=", table.id)
      .where("deleted_at", "is", null)
      .where("org_path", "like", `${caller.actor.orgPath}%`)
      .orderBy("id")
      .execute();
    for (const r of rows) out.push(Number(r.id));
  }
  return out;
}

/** The view query an audience stands for (null: a fixed list of ids). */
export async function audienceQuery(
  services: Services,
  caller: Caller,
  table: TableDef,
  audience: Audience,
): Promise<ViewQuery | null> {
  if (audience.kind === "query") return audience.query;
  if (audience.kind === "view") {
    const view = await getView(services, caller, audience.view);
    if (view.table.id !== table.id)
      throw invalid(`视图「${view.name}」不属于「${table.name}」/ The view belongs to another table`, {
        audience: "请选择本表的视图 / Choose a view of this table",
      });
    const { columns: _columns, ...query } = view.definition;
    return query;
  }
  return null;
}

export async function resolveAudience(
  services: Services,
  caller: Caller,
  table: TableDef,
  audience: Audience,
  date?: DateMatch,
): Promise<number[]> {
  if (audience.kind === "query" || audience.kind === "view") {
    const query = (await audienceQuery(services, caller, table, audience))!;
    return audienceIds(services, caller, table, query, date);
  }
  const ids =
    audience.kind === "ids" ? audience.ids : await groupRecordIds(services, caller, table, audience.group);
  if (date) {
    // A fixed list narrowed by a date rule: ask the engine for the day's matches among them.
    const matching = new Set(await audienceIds(services, caller, table, {}, date));
    return idsInScope(
      services,
      table,
      caller,
      ids.filter((id) => matching.has(id)),
    );
  }
  return idsInScope(services, table, caller, ids);
}

/** A short description of an audience for the log and the campaign list. */
export function describeAudience(audience: Audience): string {
  switch (audience.kind) {
    case "ids":
      return `selection:${audience.ids.length}`;
    case "query":
      return "filter";
    case "view":
      return `view:${audience.view}`;
    case "group":
      return `group:${audience.group}`;
  }
}
