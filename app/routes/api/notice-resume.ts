// POST /api/v1/notices/{id}/resume — resume the notice.
import { endpoint } from "../../api/endpoint.server.ts";
import { controlCampaign } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices/{id}/resume", {});
export const action = endpoint("/notices/{id}/resume", {
  POST: ({ services, caller, id }) => controlCampaign(services, caller, id, "resume"),
});
