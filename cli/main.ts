// `linli` — operator commands: serve, migrate, demo, user add, audit verify.
import { Command, InvalidArgumentError } from "commander";
import { verifyAuditChain } from "../app/audit/log.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { isAppError } from "../app/core/errors.ts";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { benchCommand } from "./bench.ts";
import { demoCommand } from "./demo.ts";
import { exportCommand } from "./export.ts";
import { importCommand } from "./import.ts";
import { addUserCommand } from "./user.ts";

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

  const user = program.command("user").description("manage accounts");
  user.addCommand(addUserCommand());

  const audit = program.command("audit").description("system log tools");
  audit
    .command("verify")
    .description("check the hash chain of the system log; prints ok or the first tampered row")
    .action(async () => {
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      try {
        const result = await verifyAuditChain(services.db);
        if (result.ok) {
          console.log(`ok — ${result.rows} rows, chain intact`);
        } else {
          console.log(
            `TAMPERED — first bad row: #${result.firstBadId} (${result.reason}); ${result.rows} rows verified before it`,
          );
          process.exitCode = 1;
        }
      } finally {
        await services.database.close();
      }
    });

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
