// `linli audit verify [--archive FILE…]` — check the system log's hash chain: the database's kept rows
// (from the last archive point on), or archive files written by the retention step. Exit 1 on the first
// row that does not hold, naming it.
import { Command } from "commander";
import { type ArchiveCheck, verifyArchiveFile } from "../app/audit/archive.server.ts";
import { verifyAuditChain } from "../app/audit/log.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";

const REASONS: Record<string, string> = {
  hash: "its content was changed",
  chain: "its link to the row before is wrong (a row inserted or replaced)",
  gap: "it is missing (deleted)",
  head: "the log does not end where the head row says (rows cut off the end, or added around the writer)",
  truncated: "the file ends early or is damaged",
  format: "not a Linli system-log archive",
};

export function auditVerifyCommand(): Command {
  return new Command("verify")
    .description(
      "check the hash chain of the system log (or of archive files); prints ok or the first tampered row",
    )
    .option("--archive <files...>", "verify archive files (audit-archive/*.jsonl.gz) instead, oldest first")
    .action(async (opts: { archive?: string[] }) => {
      if (opts.archive?.length) return verifyArchives(opts.archive);
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        await migrateToLatest(database);
        const progress = progressPrinter();
        const started = Date.now();
        const result = await verifyAuditChain(database.db, { onProgress: progress });
        const seconds = (Date.now() - started) / 1000;
        const since = result.archivedThrough ? ` (after the archive point #${result.archivedThrough})` : "";
        if (result.ok) {
          console.log(`ok — ${result.rows} rows, chain intact${since}; ${seconds.toFixed(1)} s`);
        } else {
          console.log(
            `TAMPERED — first bad row: #${result.firstBadId} (${result.reason}: ${REASONS[result.reason]}); ${result.rows} rows verified before it${since}`,
          );
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}

/** A line on stderr every few seconds of a long run, so an operator sees it is moving. */
function progressPrinter(): (rows: number) => void {
  let last = Date.now();
  return (rows) => {
    if (Date.now() - last < 5000) return;
    last = Date.now();
    console.error(`… ${rows.toLocaleString("en")} rows verified`);
  };
}

async function verifyArchives(files: string[]): Promise<void> {
  let previous: Extract<ArchiveCheck, { ok: true }> | null = null;
  for (const file of files) {
    const check = await verifyArchiveFile(file);
    if (!check.ok) {
      const at = check.firstBadId === null ? "" : ` first bad row: #${check.firstBadId}`;
      console.log(`TAMPERED — ${file}:${at} (${check.reason}: ${REASONS[check.reason]})`);
      process.exitCode = 1;
      return;
    }
    // Files given in order must continue one another, as the rows did in the database.
    if (previous && (check.firstId !== previous.lastId + 1 || check.prevHash !== previous.lastHash)) {
      console.log(`TAMPERED — ${file} does not continue the file before it (rows #${check.firstId}…)`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `ok — ${file}: rows #${check.firstId}–#${check.lastId} (${check.rows}), last hash ${check.lastHash}`,
    );
    previous = check;
  }
}
