// POST /api/v1/reviews/{id}/reject — reject with a reason the resident reads in their inbox.
import { endpoint } from "../../api/endpoint.server.ts";
import { proposalOut } from "../../api/presenters-selfservice.ts";
import { rejectReview } from "../../selfservice/review.server.ts";

export const loader = endpoint("/reviews/{id}/reject", {});
export const action = endpoint("/reviews/{id}/reject", {
  POST: async ({ services, caller, id, body }) => proposalOut(await rejectReview(services, caller, id, body)),
});
