// `linli` — operator commands: serve, migrate, demo, user add, audit verify, backup, restore, keys.
import { Command, InvalidArgumentError } from "commander";
import { loadConfig } from "../app/core/config.server.ts";
import { isAppError } from "../app/core/errors.ts";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { backupCommand, restoreCommand } from "./backup.ts";
import { benchCommand } from "./bench.ts";
import { demoCommand } from "./demo.ts";
import { exportCommand } from "./export.ts";
import { importCommand } from "./import.ts";
import { keysCommand } from "./keys.ts";
import { addUserCommand } from "./user.ts";
import { auditVerifyCommand } from "./verify.ts";

export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("linli")
    .description("Linli 邻里 community platform — operator commands")
    .showHelpAfterError();

  program
    .command("serve")
    .description("start the web app (runs migrations; loads the demo street office on an empty database)")
    .option("-p, --port <port>", "port to listen on (default: $PORT or 3000)", parsePort)
    .option("--dev", "development mode with hot reload (Vite)")
    .action(async (opts: { port?: number; dev?: boolean }) => {
      const { startServer } = await import("../server/main.ts");
      const config = loadConfig();
      if (opts.port) config.port = opts.port;
      const running = await startServer({ config, dev: opts.dev });
      console.log(`Linli 邻里 is running at ${running.url}  (database: ${running.services.dialect.name})`);
      const stop = () => running.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  program
    .command("migrate")
    .description("bring the database schema up to date")
    .action(async () => {
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        const results = await migrateToLatest(database);
        if (!results.length) console.log("Schema is up to date.");
        for (const r of results) console.log(`${r.status}: ${r.migrationName}`);
      } finally {
        await database.close();
      }
    });

  program.addCommand(demoCommand());
  program.addCommand(benchCommand());
  program.addCommand(exportCommand());
  program.addCommand(importCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());

  const user = program.command("user").description("manage accounts");
  user.addCommand(addUserCommand());

  const audit = program.command("audit").description("system log tools");
  audit.addCommand(auditVerifyCommand());

  program.addCommand(keysCommand());

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (isAppError(error)) {
      console.error(`error: ${error.message}`);
      for (const [field, message] of Object.entries(error.fields ?? {}))
        console.error(`  ${field}: ${message}`);
      process.exitCode = 2;
      return;
    }
    // Operators get the reason in one line; LINLI_DEBUG=1 shows where it came from.
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.LINLI_DEBUG === "1") console.error(error);
    process.exitCode = 1;
  }
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError("not a port number");
  return n;
}
