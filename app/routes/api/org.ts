// GET /api/v1/orgs/{id} — one node; PATCH — rename and/or move it.
import { endpoint } from "../../api/endpoint.server.ts";
import { orgOut } from "../../api/presenters.ts";
import { getOrg, updateOrg } from "../../org/tree.server.ts";

export const loader = endpoint("/orgs/{id}", {
  GET: async ({ services, caller, id }) => orgOut(await getOrg(services, caller, id)),
});

export const action = endpoint("/orgs/{id}", {
  PATCH: async ({ services, caller, id, body }) => orgOut(await updateOrg(services, caller, id, body)),
});
