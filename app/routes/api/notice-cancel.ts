// POST /api/v1/notices/{id}/cancel — cancel the notice.
import { endpoint } from "../../api/endpoint.server.ts";
import { controlCampaign } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices/{id}/cancel", {});
export const action = endpoint("/notices/{id}/cancel", {
  POST: ({ services, caller, id }) => controlCampaign(services, caller, id, "cancel"),
});
