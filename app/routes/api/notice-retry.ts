// POST /api/v1/notices/{id}/retry — retry the notice.
import { endpoint } from "../../api/endpoint.server.ts";
import { controlCampaign } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices/{id}/retry", {});
export const action = endpoint("/notices/{id}/retry", {
  POST: ({ services, caller, id }) => controlCampaign(services, caller, id, "retry"),
});
