// GET /api/v1/orgs — the caller's subtree; POST — add a node under a parent.
import { endpoint } from "../../api/endpoint.server.ts";
import { orgOut } from "../../api/presenters.ts";
import { createOrg, listOrgs } from "../../org/tree.server.ts";

export const loader = endpoint("/orgs", {
  GET: async ({ services, caller }) => ({ items: (await listOrgs(services, caller)).map(orgOut) }),
});

export const action = endpoint("/orgs", {
  POST: async ({ services, caller, body }) => orgOut(await createOrg(services, caller, body)),
});
