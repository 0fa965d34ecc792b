// POST /api/v1/tables/{id}/records/search — the same page as GET …/records, with the search in the body,
// so a whole ID or mobile number never appears in a URL.
import { endpoint } from "../../api/endpoint.server.ts";
import { recordPageOut } from "../../api/presenters-data.ts";
import { listRecords } from "../../people/records/read.server.ts";

export const loader = endpoint("/tables/{id}/records/search", {});

export const action = endpoint("/tables/{id}/records/search", {
  POST: async ({ services, caller, id, body }) =>
    recordPageOut(await listRecords(services, caller, id, body)),
});
