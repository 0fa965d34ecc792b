// POST /api/v1/tables/{id}/totals — the footer: how many match, and the sums of number columns (页脚合计);
// the body is { query }, like the other query operations'.
import { footerTotals } from "../../../analytics/query/index.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { totalsBodySchema } from "../../api/operations-query.ts";
import { totalsOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";
import { parseInput } from "../../core/validate.ts";

export const loader = tableKeyOrId(endpoint("/tables/{id}/totals", {}));

export const action = tableKeyOrId(
  endpoint("/tables/{id}/totals", {
    POST: async ({ services, caller, id, body }) =>
      totalsOut(await footerTotals(services, caller, String(id), parseInput(totalsBodySchema, body).query)),
  }),
);
