// DELETE /api/v1/notice-groups/{id} — remove a recipient group.
import { endpoint } from "../../api/endpoint.server.ts";
import { deleteGroup } from "../../notify/groups.server.ts";

export const loader = endpoint("/notice-groups/{id}", {});
export const action = endpoint("/notice-groups/{id}", {
  DELETE: ({ services, caller, id }) => deleteGroup(services, caller, id),
});
