// `linli export`: a table's records — a saved view, or a query given as JSON — to .xlsx or .csv, as one
// account sees them (its scope, its masking, its log entry). Progress goes to stderr, the result to stdout.
import path from "node:path";
import { Command } from "commander";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { invalid, notFound } from "../app/core/errors.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { listViews } from "../app/query/views.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { exportFileName, exportRecords } from "../app/transfer/export/export.server.ts";
import { callerFor } from "./caller.ts";

interface ExportOptions {
  table: string;
  view?: string;
  query?: string;
  columns?: string;
  format?: string;
  out?: string;
  as: string;
  reveal?: boolean;
  subTables?: string;
}

const list = (text: string | undefined) =>
  text
    ?.split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);

function parseQuery(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  throw invalid("--query 应为 JSON 对象 / --query must be a JSON object");
}

/** A saved view the account can see, by name: its query, and its visible columns in order. */
async function savedView(services: Services, caller: Caller, table: string, name: string) {
  const view = (await listViews(services, caller, table)).find((v) => v.name === name);
  if (!view) throw notFound(`没有名为「${name}」的视图 / No view named "${name}"`);
  const { columns, ...query } = view.definition;
  return { query, columns: columns?.filter((c) => !c.hidden).map((c) => c.key) };
}

/** At most one line a second: "  42% (8400/20000)". */
function progressPrinter() {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 1000 && done < total) return;
    last = now;
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    process.stderr.write(`  ${pct}% (${done}/${total})\n`);
  };
}

export function exportCommand(): Command {
  return new Command("export")
    .description(
      "export a table's records (a saved view or a query) to .xlsx or .csv, as an account sees them",
    )
    .option("-t, --table <key>", "table key", "people")
    .option("--view <name>", "a saved view the account can see: its filters, order, colours and columns")
    .option("--query <json>", 'a view query as JSON, e.g. \'{"sort":[{"field":"name"}]}\' (over the view\'s)')
    .option(
      "--columns <keys>",
      "field keys or labels, comma-separated (default: the view's, else visible fields)",
    )
    .option("-f, --format <format>", "xlsx or csv (default: from --out, else xlsx)")
    .option("-o, --out <file>", "file to write (default: <table name>-<date>-<time>.<format> here)")
    .option("--as <username>", "the account to act as (its scope and masking apply)", "admin")
    .option("--reveal", "full ID and phone numbers (the account needs the reveal permission)")
    .option("--sub-tables <keys>", "sub-tables to add as sheets of their own (xlsx), comma-separated")
    .action(async (opts: ExportOptions) => {
      const format = opts.format ?? (opts.out?.toLowerCase().endsWith(".csv") ? "csv" : "xlsx");
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      // Ctrl-C stops the export and deletes the unfinished file.
      const stop = new AbortController();
      const onInterrupt = () => stop.abort();
      process.once("SIGINT", onInterrupt);
      try {
        const caller = await callerFor(services, opts.as);
        const table = await loadTable(services.db, opts.table);
        const view = opts.view ? await savedView(services, caller, table.key, opts.view) : null;
        const out = path.resolve(opts.out ?? exportFileName(table.name, format === "csv" ? "csv" : "xlsx"));
        const started = Date.now();
        const result = await exportRecords(
          services,
          caller,
          {
            table: table.key,
            query: { ...view?.query, ...parseQuery(opts.query) },
            columns: list(opts.columns) ?? view?.columns,
            format,
            subTables: list(opts.subTables),
            reveal: Boolean(opts.reveal),
          },
          out,
          { signal: stop.signal, onProgress: progressPrinter() },
        );
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const masking = result.masked ? ", sensitive values masked" : "";
        console.log(`Exported ${result.rows} rows to ${out} (${seconds} s${masking})`);
      } finally {
        process.off("SIGINT", onInterrupt);
        await services.analytics.close();
        await services.database.close();
      }
    });
}
