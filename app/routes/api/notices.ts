// GET /api/v1/notices — mass notices in the caller's scope; POST — make one (now or at a time).
import { endpoint } from "../../api/endpoint.server.ts";
import { createCampaign, listCampaigns } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices", {
  GET: ({ services, caller, query }) => listCampaigns(services, caller, query),
});
export const action = endpoint("/notices", {
  POST: ({ services, caller, body }) => createCampaign(services, caller, body),
});
