// One import in a process of its own, so the benchmark reads that process's peak memory alone. Prints
// one JSON line: how long the import took, its totals and the process's peak resident memory.
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { runImport } from "../app/transfer/import/run.server.ts";

const [file, format] = process.argv.slice(2);
const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
try {
  const actor = await loadActorByUsername(services.db, "admin");
  if (!actor) throw new Error("no admin account");
  const startedAt = Date.now();
  const start = performance.now();
  const summary = await runImport(
    services,
    { actor, ip: null, via: "cli" },
    { path: file!, name: `office.${format}` },
    { mode: "add" },
    { dryRun: false },
  );
  const ms = performance.now() - start;
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ startedAt, ms, totals: summary.totals, maxRssMiB })}\n`);
} finally {
  await services.analytics.close();
  await services.database.close();
}
