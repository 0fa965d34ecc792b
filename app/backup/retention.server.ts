// Retention (LINLI_BACKUP_KEEP): "14" keeps the newest 14 good backups, "30d" those of the last 30 days.
// Only files this machine made in the backup directory are removed (a `--out` file elsewhere is the
// operator's), the newest good backup is always kept, and each removed file's row becomes `removed`.
import fs from "node:fs/promises";
import path from "node:path";
import type { Services } from "../core/services.server.ts";
import { backupDirOf, HOST } from "./runs.server.ts";
import { parseKeep } from "./settings.ts";

export async function applyRetention(services: Services, now = Date.now()): Promise<number> {
  const keep = parseKeep(services.config.backupKeep);
  const dir = backupDirOf(services.config) + path.sep;
  const rows = await services.db
    .selectFrom("backups")
    .select(["id", "location", "created_at"])
    .where("status", "=", "done")
    .where("host", "=", HOST)
    .orderBy("id", "desc")
    .execute();
  const mine = rows.filter((r) => r.location.startsWith(dir));
  const old = mine.filter((r, i) =>
    i === 0 ? false : "count" in keep ? i >= keep.count : now - Number(r.created_at) > keep.days * 86_400_000,
  );
  for (const row of old) {
    await fs.rm(row.location, { force: true });
    await services.db
      .updateTable("backups")
      .set({ status: "removed", updated_at: now })
      .where("id", "=", row.id)
      .execute();
  }
  if (old.length) services.log.info({ removed: old.length }, "removed backups past the retention period");
  return old.length;
}
