// GET /api/v1/reviews/{id} — one proposal: each field before → after, against the record as it is now.
import { endpoint } from "../../api/endpoint.server.ts";
import { proposalOut } from "../../api/presenters-selfservice.ts";
import { getReview } from "../../selfservice/review.server.ts";

export const loader = endpoint("/reviews/{id}", {
  GET: async ({ services, caller, id }) => proposalOut(await getReview(services, caller, id)),
});
export const action = endpoint("/reviews/{id}", {});
