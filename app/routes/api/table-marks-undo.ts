// POST /api/v1/tables/{id}/marks/undo — undo one of my markings: each record gets its previous colour back.
import { endpoint } from "../../api/endpoint.server.ts";
import { undoResultOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";
import { undoMarks } from "../../query/marks.server.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/marks/undo", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/marks/undo", {
    POST: async ({ services, caller, id, body }) =>
      undoResultOut(await undoMarks(services, caller, id, body)),
  }),
);
