// POST /api/v1/me/profile/proposals — propose changes to one's own record; they wait for review.
import { endpoint } from "../../api/endpoint.server.ts";
import { proposalOut } from "../../api/presenters-selfservice.ts";
import { proposeChanges } from "../../selfservice/propose.server.ts";

export const loader = endpoint("/me/profile/proposals", {});
export const action = endpoint("/me/profile/proposals", {
  POST: async ({ services, caller, body }) => proposalOut(await proposeChanges(services, caller, body)),
});
