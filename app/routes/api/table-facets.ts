// POST /api/v1/tables/{id}/facets — counts per value of the asked fields under a query (分类筛选).
import { facetCounts } from "../../../analytics/query/index.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { facetListOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/facets", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/facets", {
    POST: async ({ services, caller, id, body }) =>
      facetListOut(await facetCounts(services, caller, String(id), body)),
  }),
);
