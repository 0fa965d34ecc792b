// POST /api/v1/fields/{id}/move — one place up or down; answers with the reordered table.
import { endpoint } from "../../api/endpoint.server.ts";
import { tableOut } from "../../api/presenters-data.ts";
import { moveField } from "../../schema/edit-fields.server.ts";

export const loader = endpoint("/fields/{id}/move", {});

export const action = endpoint("/fields/{id}/move", {
  POST: async ({ services, caller, id, body }) => tableOut(await moveField(services, caller, id, body)),
});
