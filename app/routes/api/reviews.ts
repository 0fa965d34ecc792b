// GET /api/v1/reviews — residents' proposals in the caller's scope, by status, with counts.
import { endpoint } from "../../api/endpoint.server.ts";
import { reviewQueueOut } from "../../api/presenters-selfservice.ts";
import { listReviews } from "../../selfservice/review.server.ts";

export const loader = endpoint("/reviews", {
  GET: async ({ services, caller, query }) => reviewQueueOut(await listReviews(services, caller, query)),
});
export const action = endpoint("/reviews", {});
