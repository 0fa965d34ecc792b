// The query engine's table routes (/tables/{id}/query, …/views, …/colours, …/marks) take the table's key
// ("people") in the path as well as its numeric id, as the grid and the query panels address a table by
// key. The key is turned into the id before the endpoint reads the path, so the rest is unchanged; an
// unknown key reaches the domain as an id no table has, and answers 404.
import type { RouteArgs } from "./endpoint.server.ts";

const TABLE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
/** An id no table has (positive, so the path still parses): the domain answers "no such table". */
const NO_TABLE = "999999999999999";

export function tableKeyOrId(route: (args: RouteArgs) => Promise<Response> | Response) {
  return async (args: RouteArgs): Promise<Response> => {
    const value = args.params.id ?? "";
    if (!TABLE_KEY.test(value)) return route(args);
    const row = await args.context.services.db
      .selectFrom("data_tables")
      .select("id")
      .where("key", "=", value)
      .executeTakeFirst();
    return route({ ...args, params: { ...args.params, id: row ? String(row.id) : NO_TABLE } });
  };
}
