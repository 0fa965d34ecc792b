// GET /api/v1/records/{id} — one record, masked; PATCH — change the given fields (with the version read,
// so a save over someone else's newer change is a 409); DELETE — move it to the recycle bin.
import { endpoint } from "../../api/endpoint.server.ts";
import { recordOut } from "../../api/presenters-data.ts";
import { getRecord } from "../../people/records/read.server.ts";
import { deleteRecords } from "../../people/records/recycle.server.ts";
import { updateRecord } from "../../people/records/write.server.ts";

export const loader = endpoint("/records/{id}", {
  GET: async ({ services, caller, id }) => recordOut(await getRecord(services, caller, id)),
});

export const action = endpoint("/records/{id}", {
  PATCH: async ({ services, caller, id, body }) => recordOut(await updateRecord(services, caller, id, body)),
  DELETE: async ({ services, caller, id }) => ({
    count: await deleteRecords(services, caller, { ids: [id] }),
  }),
});
