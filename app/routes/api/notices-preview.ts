// POST /api/v1/notices/preview — recipients, missing addresses and the message as one recipient gets it.
import { endpoint } from "../../api/endpoint.server.ts";
import { previewCampaign } from "../../notify/preview.server.ts";

export const loader = endpoint("/notices/preview", {});
export const action = endpoint("/notices/preview", {
  POST: ({ services, caller, body }) => previewCampaign(services, caller, body),
});
