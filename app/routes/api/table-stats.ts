// POST /api/v1/tables/{id}/stats — statistics by one or two fields with totals (统计).
import { groupRecords } from "../../../analytics/query/index.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { groupResultOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/stats", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/stats", {
    POST: async ({ services, caller, id, body }) =>
      groupResultOut(await groupRecords(services, caller, String(id), body)),
  }),
);
