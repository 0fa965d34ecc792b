// GET /api/v1/tables/{id}/records?q=&orgId=&page=&pageSize= — a page of records in the caller's scope
// (a whole ID or mobile number is refused in the URL: POST …/records/search takes it in the body);
// POST — create one (birth date and sex come from the ID number; sensitive values come back masked).
import { endpoint } from "../../api/endpoint.server.ts";
import { recordOut, recordPageOut } from "../../api/presenters-data.ts";
import { invalid } from "../../core/errors.ts";
import { isWholeNumber, listRecords } from "../../people/records/read.server.ts";
import { createRecord } from "../../people/records/write.server.ts";

export const loader = endpoint("/tables/{id}/records", {
  GET: async ({ services, caller, id, query }) => {
    if (isWholeNumber(query.q))
      throw invalid(
        "完整的证件号码或手机号码不能放在网址里，请用 POST …/records/search 在请求体中查找 / " +
          "A whole ID or mobile number must not go in a URL; search with POST …/records/search instead",
        { q: "请改用 POST …/records/search / Use POST …/records/search" },
      );
    return recordPageOut(await listRecords(services, caller, id, query));
  },
});

export const action = endpoint("/tables/{id}/records", {
  POST: async ({ services, caller, id, body }) => recordOut(await createRecord(services, caller, id, body)),
});
