// POST /api/v1/me/profile/proposals/{id}/withdraw — withdraw one's own pending proposal.
import { endpoint } from "../../api/endpoint.server.ts";
import { proposalOut } from "../../api/presenters-selfservice.ts";
import { withdrawProposal } from "../../selfservice/propose.server.ts";

export const loader = endpoint("/me/profile/proposals/{id}/withdraw", {});
export const action = endpoint("/me/profile/proposals/{id}/withdraw", {
  POST: async ({ services, caller, id }) => proposalOut(await withdrawProposal(services, caller, id)),
});
