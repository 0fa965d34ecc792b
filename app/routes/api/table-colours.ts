// GET /api/v1/tables/{id}/colours — the table's palette of mark colours and their meanings; POST — add one.
import { endpoint } from "../../api/endpoint.server.ts";
import { paletteColourOut, paletteOut } from "../../api/presenters-query.ts";
import { tableKeyOrId } from "../../api/table-param.server.ts";
import { addColour, listColours } from "../../query/palette.server.ts";

export const loader = tableKeyOrId(
  endpoint("/tables/{id}/colours", {
    GET: async ({ services, caller, id }) => paletteOut(await listColours(services, caller, id)),
  }),
);

export const action = tableKeyOrId(
  endpoint("/tables/{id}/colours", {
    POST: async ({ services, caller, id, body }) =>
      paletteColourOut(await addColour(services, caller, id, body)),
  }),
);
