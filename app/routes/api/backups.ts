// GET /api/v1/backups — the backups and their status; POST — back up now, in the background.
import { endpoint } from "../../api/endpoint.server.ts";
import { listBackups, startBackup } from "../../backup/console.server.ts";

export const loader = endpoint("/backups", {
  GET: ({ services, caller }) => listBackups(services, caller),
});

export const action = endpoint("/backups", {
  POST: ({ services, caller }) => startBackup(services, caller),
});
