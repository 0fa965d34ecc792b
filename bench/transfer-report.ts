// The import/export figures as a Markdown table between their own markers in docs/PERFORMANCE.md, so the
// query engine's table and this one can be measured at different times.
import fs from "node:fs";
import path from "node:path";
import { writeDocsSection } from "./report.ts";
import type { TransferResult } from "./transfer.ts";

const START = "<!-- bench-transfer:start -->";
const END = "<!-- bench-transfer:end -->";

const s = (n: number) => `${n.toFixed(1)} s`;

export function transferMarkdown(results: readonly TransferResult[], machine: string): string {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    "",
    "| store | operation | rows × 20 columns | bar | Linli | met | queryable after | peak memory | straight on the store | ratio |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const met = r.bar
      ? r.seconds <= r.bar.seconds && (r.bar.peakMiB === undefined || (r.peakMiB ?? 0) <= r.bar.peakMiB)
        ? "yes"
        : "**no**"
      : "";
    const bar = r.bar ? `${s(r.bar.seconds)}${r.bar.peakMiB ? `, ≤ ${r.bar.peakMiB} MiB` : ""}` : "";
    lines.push(
      `| ${r.store === "sqlite" ? "SQLite" : "MariaDB"} | ${r.operation} .${r.format} | ${r.rows.toLocaleString("en")} | ${bar} | ${s(r.seconds)} | ${met} | ${r.queryableSeconds === undefined ? "—" : s(r.queryableSeconds)} | ${r.peakMiB === undefined ? "—" : `${r.peakMiB} MiB`} | ${s(r.straightSeconds)} | ${(r.seconds / Math.max(r.straightSeconds, 0.1)).toFixed(1)}× |`,
    );
  }
  return lines.join("\n");
}

export function writeTransferReport(
  results: readonly TransferResult[],
  machine: string,
  docs: boolean,
): void {
  const out = path.resolve(".bench", "transfer-results.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  const table = transferMarkdown(results, machine);
  process.stdout.write(`\n${table}\nJSON: ${out}\n`);
  if (docs) writeDocsSection(START, END, table);
}
