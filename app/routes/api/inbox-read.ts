// POST /api/v1/inbox/{id}/read — mark one of the caller's messages read.
import { endpoint } from "../../api/endpoint.server.ts";
import { markRead, unreadCount } from "../../notify/inbox.server.ts";

export const loader = endpoint("/inbox/{id}/read", {});
export const action = endpoint("/inbox/{id}/read", {
  POST: async ({ services, caller, id }) => {
    await markRead(services, caller, id);
    return { unread: await unreadCount(services, caller) };
  },
});
