// `linli demo`: load the demo street office into an empty database, with generated people; on a
// database that already holds it, `--people N` adds N more (deterministic for a given --seed).
import { Command, InvalidArgumentError } from "commander";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { loadDemo } from "../app/demo/seed.server.ts";

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000)
    throw new InvalidArgumentError("a whole number from 0 to 10000000");
  return n;
}

export function demoCommand(): Command {
  return new Command("demo")
    .description("load the demo street office 金融街街道 with generated people, or add more people to it")
    .option("--people <n>", "how many people to generate (default: $LINLI_DEMO_PEOPLE or 2000)", parseCount)
    .option("--seed <text>", "seed of the generator; the same seed gives the same people")
    .action(async (opts: { people?: number; seed?: string }) => {
      const config = loadConfig();
      const services = await createServices({ ...config, demo: false, logLevel: "warn" });
      try {
        const existing = await services.db.selectFrom("orgs").select("id").limit(1).executeTakeFirst();
        const count = opts.people ?? config.demoPeople;
        if (!existing) {
          const summary = await loadDemo(services);
          console.log(
            `Loaded 金融街街道: ${summary.communities} communities, ${summary.accounts} accounts (password Linli@2026).`,
          );
        } else if (opts.people === undefined) {
          console.log("The database already holds data. Use --people N to add generated people to it.");
          process.exitCode = 1;
          return;
        }
        if (count === 0) return;
        const before = await services.db
          .selectFrom("records")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        const seed = opts.seed ?? (Number(before.n) === 0 ? "linli-demo" : `linli-demo-${before.n}`);
        const started = Date.now();
        let shown = 0;
        const result = await loadDemoPeople(services, count, {
          seed,
          onProgress: (done) => {
            if (done - shown >= 50_000) {
              shown = done;
              process.stdout.write(`  ${done} people…\n`);
            }
          },
        });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `Generated ${result.inserted} people in ${seconds} s (${result.duplicates} already registered, ` +
            `${result.linked} linked to their 户主).`,
        );
      } finally {
        await services.database.close();
      }
    });
}
