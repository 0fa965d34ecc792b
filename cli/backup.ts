// `linli backup`, `linli backup list`, `linli restore FILE`: backups from the command line (app/backup/).
// A backup may run while the app serves (SQLite in WAL mode, or MySQL); a restore wants the app stopped.
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { restoreBackup } from "../app/backup/restore.server.ts";
import { beginBackup, stopRunningBackups } from "../app/backup/run.server.ts";
import { listRuns, markInterrupted } from "../app/backup/runs.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { invalid } from "../app/core/errors.ts";
import { loadKeys } from "../app/core/keys.server.ts";
import { createLogger } from "../app/core/logger.server.ts";

export function backupCommand(): Command {
  const backup = new Command("backup")
    .description(
      "make a consistent backup of the database and uploaded files while the app runs (compressed, encrypted, verified)",
    )
    .option(
      "--out <file|dir>",
      "write to this file, or into this directory (default: $LINLI_BACKUP_DIR or <data dir>/backups)",
    )
    .addHelpText(
      "after",
      "\nThe file is sealed with a key derived from LINLI_SECRET_KEY (or LINLI_BACKUP_KEY); keep that key\n" +
        'apart from the backups. Restore with `linli restore FILE`. See docs/OPERATIONS.md, "Backups".',
    )
    .action(async (opts: { out?: string }) => {
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      const stop = () => void stopRunningBackups();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        let shown = "";
        const started = await beginBackup(services, {
          via: "cli",
          out: opts.out,
          progress(phase) {
            if (phase === shown) return;
            shown = phase;
            console.log(`  ${phase}…`);
          },
        });
        if (!started) return;
        console.log(`Backup #${started.id} → ${started.location}`);
        const done = await started.finished;
        console.log(
          `Done: ${done.file}, ${formatSize(done.size ?? 0)}, ${done.rows} rows, ${done.files} files\n` +
            `sha256 ${done.sha256}`,
        );
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        await services.database.close();
      }
    });

  backup
    .command("list")
    .description("list the backups and their status; only `done` ones are complete and restorable")
    .option("--json", "print the list as JSON")
    .action(async (opts: { json?: boolean }) => {
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      try {
        await markInterrupted(services);
        const runs = await listRuns(services, 200);
        if (opts.json) return void console.log(JSON.stringify(runs, null, 2));
        if (!runs.length) return void console.log("No backups yet.");
        for (const r of runs) {
          const when = new Date(r.createdAt + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
          const size = r.size === null ? "" : formatSize(r.size);
          const note = r.status === "running" ? `${r.phase ?? ""} ${r.progress}%` : (r.error ?? "");
          console.log(
            `#${r.id}\t${r.status}\t${r.via}\t${when}\t${size}\t${r.location}${note ? `\t${note}` : ""}`,
          );
        }
      } finally {
        await services.database.close();
      }
    });
  return backup;
}

export function restoreCommand(): Command {
  return new Command("restore")
    .description(
      "restore a backup into an empty database and data directory, then verify every table and file",
    )
    .argument("<file>", "the backup file (.lbk)")
    .option("--force", "replace a database that is in use (its tables are dropped; files/ is moved aside)")
    .option(
      "--for-replay",
      "leave the database exactly as backed up (no newer migrations, no log row) to replay MariaDB binlogs onto it",
    )
    .addHelpText(
      "after",
      "\nThe target is DATABASE_URL and LINLI_DATA_DIR. Stop the app first. The key must be the one the\n" +
        "backup was made with: LINLI_SECRET_KEY (and LINLI_BACKUP_KEY if that sealed it). Any damage, a\n" +
        "truncated file or a mismatch with the manifest is refused with exit code 2; nothing is restored.",
    )
    .action(async (file: string, opts: { force?: boolean; forReplay?: boolean }) => {
      const config = { ...loadConfig(), demo: false };
      if (!fs.existsSync(file)) throw invalid(`没有文件 ${file} / No such file: ${file}`);
      if (!config.secretKey && !fs.existsSync(path.join(config.dataDir, "secret.key")))
        throw invalid(
          "请设置 LINLI_SECRET_KEY 为制作备份的系统所用的主密钥（备份中不含密钥） / Set LINLI_SECRET_KEY to the master key of the installation that made the backup (backups never hold it)",
        );
      const keys = loadKeys(config, createLogger("warn"));
      const labels = {
        verify: "verifying the backup file",
        schema: "preparing the schema",
        load: "loading rows and files",
        check: "comparing every table and file with the manifest",
        done: "done",
      };
      const restored = await restoreBackup(config, keys, file, {
        force: opts.force,
        forReplay: opts.forReplay,
        progress: (step) => console.log(`  ${labels[step]}…`),
      });
      const { manifest, header } = restored;
      console.log(
        `Restored ${path.basename(file)} (made ${header.createdAt} on ${manifest.engine}, Linli ${manifest.appVersion}): ` +
          `${manifest.totals.tables} tables, ${manifest.totals.rows} rows, ${manifest.totals.files} files — all match the manifest.`,
      );
      if (manifest.binlog)
        console.log(
          `Binlog position at the backup point: ${manifest.binlog.file}:${manifest.binlog.position}` +
            (opts.forReplay ? " — replay from there, then start the app (it migrates)." : ""),
        );
      if (restored.movedFiles) console.log(`The files that were there are in ${restored.movedFiles}.`);
      if (restored.keyWarning)
        console.error(
          "warning: the sensitive fields were sealed under another LINLI_SECRET_KEY; set that key before starting the app",
        );
    });
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
