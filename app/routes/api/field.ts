// PATCH /api/v1/fields/{id} — label, required, sensitive, hidden, settings; DELETE — remove (restorable).
import { endpoint } from "../../api/endpoint.server.ts";
import { fieldOut } from "../../api/presenters-data.ts";
import { removeField, updateField } from "../../schema/edit-fields.server.ts";

export const loader = endpoint("/fields/{id}", {});

export const action = endpoint("/fields/{id}", {
  PATCH: async ({ services, caller, id, body }) => fieldOut(await updateField(services, caller, id, body)),
  DELETE: async ({ services, caller, id }) => fieldOut(await removeField(services, caller, id)),
});
