// GET /api/v1/notices/{id}/messages — each recipient's status, paged.
import { endpoint } from "../../api/endpoint.server.ts";
import { listCampaignMessages } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices/{id}/messages", {
  GET: ({ services, caller, id, query }) => listCampaignMessages(services, caller, id, query),
});
export const action = endpoint("/notices/{id}/messages", {});
