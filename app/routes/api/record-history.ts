// GET /api/v1/records/{id}/history — every version: who, when, which field, old → new (masked).
import { endpoint } from "../../api/endpoint.server.ts";
import { historyOut } from "../../api/presenters-data.ts";
import { recordHistory } from "../../people/records/history.server.ts";

export const loader = endpoint("/records/{id}/history", {
  GET: async ({ services, caller, id }) => historyOut(await recordHistory(services, caller, id)),
});

export const action = endpoint("/records/{id}/history", {});
