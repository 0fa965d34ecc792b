// POST /api/v1/reviews/{id}/approve — apply the proposal (or the fields named) in one transaction.
import { endpoint } from "../../api/endpoint.server.ts";
import { proposalOut } from "../../api/presenters-selfservice.ts";
import { approveReview } from "../../selfservice/review.server.ts";

export const loader = endpoint("/reviews/{id}/approve", {});
export const action = endpoint("/reviews/{id}/approve", {
  POST: async ({ services, caller, id, body }) =>
    proposalOut(await approveReview(services, caller, id, body)),
});
