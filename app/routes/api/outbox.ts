// GET /api/v1/outbox — messages delivered to the outbox (no channel configured).
import { endpoint } from "../../api/endpoint.server.ts";
import { listOutbox } from "../../notify/outbox.server.ts";

export const loader = endpoint("/outbox", {
  GET: ({ services, caller, query }) => listOutbox(services, caller, query),
});
export const action = endpoint("/outbox", {});
