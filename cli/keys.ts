// `linli keys status` and `linli keys rotate` (docs/OPERATIONS.md "Keys"). Keys come from the environment
// or LINLI_OLD_SECRET_KEYS_FILE, never from arguments, so none lands in the shell history; nothing here
// prints a key, only key ids (fingerprints that reveal nothing about the key).
import { Command, InvalidArgumentError } from "commander";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Services } from "../app/core/services.server.ts";
import type { Problem } from "../app/keys/rekey.ts";
import { readRotation, rotateKeys } from "../app/keys/rotate.server.ts";
import { keyStatus } from "../app/keys/status.server.ts";
import type { Source } from "../app/keys/sweep.server.ts";

const n = (value: number) => value.toLocaleString("en-US");
const NAMES: Record<Source, string> = {
  accounts: "accounts",
  records: "records",
  versions: "history",
  requests: "change requests",
  notices: "notice addresses",
  optOuts: "notice opt-outs",
  channelSettings: "notice channel secrets",
};

export function keysCommand(): Command {
  const keys = new Command("keys").description("encryption keys: which are in use, rotating to a new one");
  keys
    .command("status")
    .description("key ids of the sealed values, and how many are still under an old key")
    .action(() => withServices(printStatus));
  keys
    .command("rotate")
    .description(
      "re-seal every sensitive value under LINLI_SECRET_KEY and recompute every blind index (old keys in LINLI_OLD_SECRET_KEYS)",
    )
    .option("--batch <rows>", "rows per transaction (default 500)", parseBatch)
    .action((opts: { batch?: number }) => withServices((services) => rotate(services, opts.batch)));
  return keys;
}

async function withServices(run: (services: Services) => Promise<void>): Promise<void> {
  const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
  try {
    await run(services);
  } finally {
    await services.database.close();
  }
}

async function printStatus(services: Services): Promise<void> {
  const status = await keyStatus(services);
  const from = services.keys.source === "env" ? "LINLI_SECRET_KEY" : "secret.key in the data directory";
  console.log(`Current key id: ${status.current} (${from})`);
  console.log(
    status.old.length === 0
      ? "Old keys configured: none"
      : `Old keys configured: ${status.old.length} (key ids ${status.old.join(", ")})`,
  );
  if (status.uses.length === 0) console.log("No sealed values are stored yet.");
  for (const use of status.uses) {
    const parts = Object.entries(NAMES).map(([source, name]) => `${name} ${n(use.values[source as Source])}`);
    console.log(
      `  ${use.id.padEnd(10)} ${describe(use.kind, use.opens).padEnd(44)} ${n(use.total)} (${parts.join(", ")})`,
    );
  }
  console.log(
    `Still under an old key: ${n(status.stale)}${status.stale > 0 ? " — run `linli keys rotate`" : ""}`,
  );
  const rotation = await readRotation(services);
  if (rotation)
    console.log(
      `A rotation to key id ${rotation.to} is under way (at ${rotation.source}, after id ${rotation.after}): run \`linli keys rotate\` to finish it.`,
    );
}

function describe(kind: string, opens: string): string {
  if (kind === "current") return "current key";
  const with_ =
    opens === "current"
      ? "opens with the current key"
      : opens === "old"
        ? "opens with an old key"
        : opens === "no"
          ? "does NOT open with the configured keys"
          : "";
  if (kind === "old") return `old key, ${with_}`;
  if (kind === "legacy") return `legacy id, ${with_}`;
  return "unknown key: not configured";
}

async function rotate(services: Services, batch: number | undefined): Promise<void> {
  let shown = 0;
  let last = "";
  const result = await rotateKeys(services, {
    batch,
    onProgress({ source, done, total, verifying }) {
      // One line a second at most, and the last of each kind of row.
      const line = `${verifying ? "verifying " : ""}${NAMES[source]}: ${n(done)} of ${n(total)}`;
      if (line === last || (done < total && Date.now() - shown < 1000)) return;
      shown = Date.now();
      last = line;
      console.log(line);
    },
  });
  const { counts } = result;
  if (result.upToDate) console.log(`Nothing to do: every sealed value is under key id ${result.keyId}.`);
  else {
    const resealed = Object.entries(NAMES)
      .map(([source, name]) => `${name} ${n(counts.resealed[source as Source])}`)
      .join(", ");
    console.log(
      `${result.resumed ? "Resumed and finished" : "Finished"} the rotation to key id ${result.keyId}.`,
    );
    console.log(`Values re-sealed: ${resealed}; blind indexes rewritten: ${n(counts.digests)}.`);
    console.log(
      "The query replica's snapshot was sealed under the old key: it is not used and is rebuilt on the next start.",
    );
  }
  console.log(
    `Verified: ${n(result.verified.values)} sealed values open under the current key alone, ${n(result.verified.digests)} blind indexes checked.`,
  );
  list("Left as they were during the sweep:", result.skipped, result.skipped.length);
  if (result.problemCount === 0) {
    if (!result.upToDate)
      console.log(
        "Nothing is under an old key any more: remove LINLI_OLD_SECRET_KEYS and restart the app. Keep the old key with the backups made before the rotation.",
      );
    return;
  }
  list(
    `${n(result.problemCount)} problem(s) — left exactly as they were; keep the old key until they are resolved:`,
    result.problems,
    result.problemCount,
  );
  process.exitCode = 1;
}

function list(title: string, problems: Problem[], total: number): void {
  if (problems.length === 0) return;
  console.log(title);
  for (const p of problems)
    console.log(`  ${p.source} ${p.where}${p.field ? ` ${p.field}` : ""}: ${p.reason}`);
  if (total > problems.length) console.log(`  … and ${n(total - problems.length)} more`);
}

function parseBatch(value: string): number {
  const batch = Number(value);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new InvalidArgumentError("1 to 10000");
  return batch;
}
