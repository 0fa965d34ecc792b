// POST /admin/data/:table/bulk — the grid's actions on many records at once, as JSON with the page's
// session (and its CSRF token): `{ op: "ids", query }` answers the ids a filter matches (up to 10 000, for
// "select everything filtered"); `{ op: "delete", ids }` moves up to 1 000 records to the recycle bin.
import { z } from "zod";
import { matchingIds } from "../../../../analytics/query/index.server.ts";
import { requireStaff, runApi } from "../../../core/route.server.ts";
import { parseInput } from "../../../core/validate.ts";
import { deleteRecords } from "../../../people/records/recycle.server.ts";
import type { Route } from "./+types/bulk";

const bulkSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("ids"), query: z.unknown() }),
  z.object({ op: z.literal("delete"), ids: z.unknown() }),
]);

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  return runApi(async () => {
    const body = parseInput(bulkSchema, await request.json().catch(() => null));
    if (body.op === "ids")
      return { ids: await matchingIds(context.services, caller, params.table, body.query ?? {}) };
    return { count: await deleteRecords(context.services, caller, { ids: body.ids }) };
  });
}
