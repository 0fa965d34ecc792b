import { Command } from "commander";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { loadDemo } from "../app/demo/seed.server.ts";

export function demoCommand(): Command {
  return new Command("demo")
    .description("load the demo street office 金融街街道 into an empty database")
    .action(async () => {
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      try {
        const existing = await services.db.selectFrom("orgs").select("id").limit(1).executeTakeFirst();
        if (existing) {
          console.log("The database already holds data; the demo is loaded only into an empty database.");
          process.exitCode = 1;
          return;
        }
        const summary = await loadDemo(services);
        console.log(
          `Loaded 金融街街道: ${summary.communities} communities, ${summary.accounts} accounts (password Linli@2026).`,
        );
      } finally {
        await services.database.close();
      }
    });
}
