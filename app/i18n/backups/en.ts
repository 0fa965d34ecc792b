// Strings of the backups page, English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { backupsZh } from "./zh-CN.ts";

export const backupsEn: Shape<typeof backupsZh> = {
  intro:
    "Backs up the whole database and the uploaded files, compressed and encrypted. Only backups marked Done are complete, verified and restorable.",
  now: "Back up now",
  started: "Backup #{{id}} has started; the list updates when it is done.",
  settings: {
    title: "Settings",
    schedule: "Scheduled",
    daily: "Daily at {{time}} (Beijing time)",
    off: "Off (LINLI_BACKUP_SCHEDULE=off)",
    keep: "Kept",
    keepCount: "The newest {{count}}",
    keepDays: "The last {{count}} days",
    directory: "Directory",
    restore:
      "To restore: stop the app on the server, then run npx linli restore <backup file>. The key is not in the backup; keep it safe elsewhere.",
  },
  list: "Backups",
  empty: "No backups yet. Press Back up now to make the first one.",
  head: {
    id: "No.",
    status: "Status",
    via: "Started by",
    time: "Started",
    size: "Size",
    content: "Content",
    file: "File / note",
  },
  status: {
    running: "Running",
    done: "Done",
    failed: "Failed",
    interrupted: "Interrupted",
    removed: "Removed",
  },
  via: { schedule: "Schedule", console: "Console", cli: "Command line" },
  phase: { snapshot: "Snapshot", database: "Database", files: "Files", verify: "Verifying" },
  content: "{{rows}} rows · {{files}} files",
  by: "Started by {{name}}",
};
