// POST /api/v1/records/purge-preview — what deleting these binned records for good takes with it.
import { endpoint } from "../../api/endpoint.server.ts";
import { purgePreviewOut } from "../../api/presenters-data.ts";
import { purgePreview } from "../../people/records/recycle.server.ts";

export const loader = endpoint("/records/purge-preview", {});

export const action = endpoint("/records/purge-preview", {
  POST: async ({ services, caller, body }) => purgePreviewOut(await purgePreview(services, caller, body)),
});
