// POST /api/v1/notices/{id}/pause — pause the notice.
import { endpoint } from "../../api/endpoint.server.ts";
import { controlCampaign } from "../../notify/campaigns.server.ts";

export const loader = endpoint("/notices/{id}/pause", {});
export const action = endpoint("/notices/{id}/pause", {
  POST: ({ services, caller, id }) => controlCampaign(services, caller, id, "pause"),
});
