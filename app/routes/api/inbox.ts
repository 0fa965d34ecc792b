// GET /api/v1/inbox — the caller's in-site messages, newest first, and how many are unread.
import { endpoint } from "../../api/endpoint.server.ts";
import { inboxOut } from "../../api/presenters-selfservice.ts";
import { listInbox } from "../../notify/inbox.server.ts";

export const loader = endpoint("/inbox", {
  GET: async ({ services, caller, query }) => inboxOut(await listInbox(services, caller, query)),
});
export const action = endpoint("/inbox", {});
