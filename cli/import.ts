// `linli import FILE` — the importer for operators: the same checks and writes as the web wizard — the file
// checked whole, then committed (valid rows, or all or nothing with --atomic); --dry-run only checks. With --json it
// prints one object: the totals and `rows`, one entry per sheet row below the header, in sheet order.
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { RowOutcome } from "../app/transfer/import/decide.server.ts";
import { IMPORT_MODES } from "../app/transfer/import/options.ts";
import { type ImportSummary, runImport } from "../app/transfer/import/run.server.ts";
import { callerFor } from "./caller.ts";

interface ImportFlags {
  table: string;
  mode: string;
  key: string;
  dryRun?: boolean;
  json?: boolean;
  atomic?: boolean;
  as: string;
  org?: number;
  sheet: number;
  headerRow?: number;
  report?: string;
}

const whole = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${what} must be a whole number`);
  return n;
};

export function importCommand(): Command {
  return new Command("import")
    .description("import a spreadsheet (.xlsx, .xls, .csv, .tsv) into a table")
    .argument("<file>", "the spreadsheet")
    .option("-t, --table <key>", "table key", "people")
    .option("-m, --mode <mode>", `${IMPORT_MODES.join(" | ")}`, "add")
    .option("-k, --key <field>", "what update/upsert match by: systemId, document or a field key", "document")
    .option("--dry-run", "check every row and write nothing")
    .option("--atomic", "all or nothing: write nothing if any row is rejected")
    .option("--json", "print one JSON object: totals and every row's outcome")
    .option("--as <username>", "the account the import is made as (its scope and rights apply)", "admin")
    .option("--org <id>", "org id for rows that name no community", whole("--org"))
    .option("--sheet <n>", "0-based sheet index", whole("--sheet"), 0)
    .option(
      "--header-row <n>",
      "the header's row number (found automatically otherwise)",
      whole("--header-row"),
    )
    .option("--report <file>", "write the rejected rows with reasons to this .xlsx")
    .action(async (file: string, flags: ImportFlags) => {
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      try {
        const caller = await callerFor(services, flags.as);
        const rows: string[] = [];
        let lastProgress = 0;
        const importFile = { path: path.resolve(file), name: path.basename(file) };
        const options = {
          table: flags.table,
          mode: flags.mode,
          key: flags.key,
          atomic: Boolean(flags.atomic),
          orgId: flags.org,
          sheet: flags.sheet,
          headerRow: flags.headerRow,
        };
        const progress = (what: string) => (done: number) => {
          if (Date.now() - lastProgress < 1000) return;
          lastProgress = Date.now();
          process.stderr.write(`${what} ${done} rows\n`);
        };
        // As in the wizard, the whole file is checked before anything is written: a file refused as a
        // whole (a cell over Excel's limit, too many rows, a damaged part) leaves the database untouched.
        if (!flags.dryRun)
          await runImport(
            services,
            caller,
            importFile,
            options,
            { dryRun: true },
            { onProgress: progress("checked") },
          );
        const summary = await runImport(
          services,
          caller,
          importFile,
          options,
          { dryRun: Boolean(flags.dryRun) },
          {
            reportPath: flags.report ? path.resolve(flags.report) : undefined,
            revealValues: true,
            onRow: flags.json ? (o) => rows.push(JSON.stringify(jsonRow(o))) : undefined,
            onProgress: progress(flags.dryRun ? "checked" : "imported"),
          },
        );
        if (flags.json) printJson(summary, rows);
        else printText(summary);
        if (summary.totals.rejected > 0 && (flags.atomic || flags.dryRun)) process.exitCode = 2;
      } finally {
        await services.analytics.close();
        await services.database.close();
      }
    });
}

function jsonRow(o: RowOutcome) {
  return {
    row: o.row,
    status: o.status,
    ...(o.action ? { action: o.action } : {}),
    ...(o.systemId ? { systemId: o.systemId } : {}),
    values: o.values,
    problems: o.problems,
    ...(o.changes ? { changes: o.changes } : {}),
  };
}

function printJson(summary: ImportSummary, rows: string[]) {
  const { totals, problemCounts, headerRow, sheet, format, encoding, dryRun, committed, mapping } = summary;
  const head = JSON.stringify({
    totals,
    problemCounts,
    dryRun,
    committed,
    format,
    encoding,
    sheet,
    headerRow,
    mapping,
  });
  process.stdout.write(`${head.slice(0, -1)},"rows":[`);
  for (const [i, r] of rows.entries()) process.stdout.write(i ? `,\n${r}` : `\n${r}`);
  process.stdout.write("\n]}\n");
}

function printText(s: ImportSummary) {
  const t = s.totals;
  const verb = s.dryRun ? "checked (dry run, nothing written)" : s.committed ? "imported" : "nothing written";
  console.log(`${s.file}: ${verb} — header on row ${s.headerRow}`);
  console.log(
    `rows ${t.rows}: accepted ${t.accepted} (inserted ${t.inserted}, updated ${t.updated}, unchanged ${t.unchanged}), rejected ${t.rejected}, blank ${t.blank}`,
  );
  for (const [code, n] of Object.entries(s.problemCounts)) console.log(`  ${code}: ${n}`);
  for (const r of s.rejected.slice(0, 20))
    console.log(`  row ${r.row}: ${r.problems.map((p) => `${p.field} ${p.code}`).join("; ")}`);
}
