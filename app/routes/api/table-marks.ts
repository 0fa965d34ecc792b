// POST /api/v1/tables/{id}/marks — give records a palette colour (or take it off), all or nothing; the
// answer carries the handle …/marks/undo takes.
import { endpoint } from "../../api/endpoint.server.ts";
import { markResultOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";
import { setMarks } from "../../query/marks.server.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/marks", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/marks", {
    POST: async ({ services, caller, id, body }) => markResultOut(await setMarks(services, caller, id, body)),
  }),
);
