// GET /api/v1/notice-opt-outs — who opted out (masked); POST — record one.
import { endpoint } from "../../api/endpoint.server.ts";
import { addStaffOptOut, listOptOuts } from "../../notify/opt-out.server.ts";

export const loader = endpoint("/notice-opt-outs", {
  GET: ({ services, caller }) => listOptOuts(services, caller),
});
export const action = endpoint("/notice-opt-outs", {
  POST: ({ services, caller, body }) => addStaffOptOut(services, caller, body),
});
