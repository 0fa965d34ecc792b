// POST /api/v1/notice-channels/test — one test message through a channel as configured now.
import { endpoint } from "../../api/endpoint.server.ts";
import { testChannel } from "../../notify/channel-test.server.ts";

export const loader = endpoint("/notice-channels/test", {});
export const action = endpoint("/notice-channels/test", {
  POST: ({ services, caller, body }) => testChannel(services, caller, body),
});
