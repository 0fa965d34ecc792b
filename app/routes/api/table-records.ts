// GET /api/v1/tables/{id}/records?q=&orgId=&page=&pageSize= — a page of records in the caller's scope;
// POST — create one (birth date and sex come from the ID number; sensitive values come back masked).
import { endpoint } from "../../api/endpoint.server.ts";
import { recordOut, recordPageOut } from "../../api/presenters-data.ts";
import { listRecords } from "../../people/records/read.server.ts";
import { createRecord } from "../../people/records/write.server.ts";

export const loader = endpoint("/tables/{id}/records", {
  GET: async ({ services, caller, id, query }) =>
    recordPageOut(await listRecords(services, caller, id, query)),
});

export const action = endpoint("/tables/{id}/records", {
  POST: async ({ services, caller, id, body }) => recordOut(await createRecord(services, caller, id, body)),
});
