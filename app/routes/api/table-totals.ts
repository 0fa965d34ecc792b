// POST /api/v1/tables/{id}/totals — the footer: how many match, and the sums of number columns (页脚合计).
import { footerTotals } from "../../../analytics/query/index.server.ts";
import { endpoint } from "../../api/endpoint.server.ts";
import { totalsOut } from "../../api/presenters-query.ts";

export const loader = endpoint("/tables/{id}/totals", {});

export const action = endpoint("/tables/{id}/totals", {
  POST: async ({ services, caller, id, body }) =>
    totalsOut(await footerTotals(services, caller, String(id), body)),
});
