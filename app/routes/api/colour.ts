// PATCH /api/v1/colours/{id} — change a palette colour's meaning or place; DELETE — remove it (refused
// while records carry it).
import { endpoint } from "../../api/endpoint.server.ts";
import { paletteColourOut } from "../../api/presenters-query.ts";
import { deleteColour, updateColour } from "../../query/palette.server.ts";

export const loader = endpoint("/colours/{id}", {});

export const action = endpoint("/colours/{id}", {
  PATCH: async ({ services, caller, id, body }) =>
    paletteColourOut(await updateColour(services, caller, id, body)),
  DELETE: async ({ services, caller, id }) => deleteColour(services, caller, id),
});
