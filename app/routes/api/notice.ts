// GET /api/v1/notices/{id} — one notice with its counts per channel and status.
import { endpoint } from "../../api/endpoint.server.ts";
import { getCampaign } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices/{id}", {
  GET: ({ services, caller, id }) => getCampaign(services, caller, id),
});
export const action = endpoint("/notices/{id}", {});
