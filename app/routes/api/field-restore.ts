// POST /api/v1/fields/{id}/restore — bring a removed field back, with the values records kept for it.
import { endpoint } from "../../api/endpoint.server.ts";
import { fieldOut } from "../../api/presenters-data.ts";
import { restoreField } from "../../schema/edit-fields.server.ts";

export const loader = endpoint("/fields/{id}/restore", {});

export const action = endpoint("/fields/{id}/restore", {
  POST: async ({ services, caller, id }) => fieldOut(await restoreField(services, caller, id)),
});
