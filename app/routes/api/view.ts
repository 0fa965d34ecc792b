// GET /api/v1/views/{id} — one saved view I may see; PATCH — change it; DELETE — remove it (the owner or
// a street admin).
import { endpoint } from "../../api/endpoint.server.ts";
import { viewOut } from "../../api/presenters-query.ts";
import { deleteView, getView, updateView } from "../../query/views.server.ts";

export const loader = endpoint("/views/{id}", {
  GET: async ({ services, caller, id }) => viewOut(await getView(services, caller, id)),
});

export const action = endpoint("/views/{id}", {
  PATCH: async ({ services, caller, id, body }) => viewOut(await updateView(services, caller, id, body)),
  DELETE: async ({ services, caller, id }) => deleteView(services, caller, id),
});
