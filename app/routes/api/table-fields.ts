// POST /api/v1/tables/{id}/fields — add a field to a table.
import { endpoint } from "../../api/endpoint.server.ts";
import { fieldOut } from "../../api/presenters-data.ts";
import { addField } from "../../schema/edit-fields.server.ts";

export const loader = endpoint("/tables/{id}/fields", {});

export const action = endpoint("/tables/{id}/fields", {
  POST: async ({ services, caller, id, body }) => fieldOut(await addField(services, caller, id, body)),
});
