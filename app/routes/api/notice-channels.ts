// GET /api/v1/notice-channels — the channels' settings (secrets never shown); POST — save one channel's.
import { endpoint } from "../../api/endpoint.server.ts";
import { listChannelSettings, saveChannelSettings } from "../../notify/channels.server.ts";

export const loader = endpoint("/notice-channels", {
  GET: ({ services, caller }) => listChannelSettings(services, caller),
});
export const action = endpoint("/notice-channels", {
  POST: ({ services, caller, body }) => saveChannelSettings(services, caller, body),
});
