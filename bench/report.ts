// The benchmark's output: one JSON row per operation and engine, and a Markdown table (engine beside the
// straight-SQL figure, as a ratio, against the bar) written between markers in docs/PERFORMANCE.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface BenchResult {
  operation: string;
  /** "duckdb" (through the query engine), "sqlite" or "mysql" (straight on the store). */
  engine: string;
  people: number;
  p50_ms: number;
  p95_ms: number;
  runs: number;
  bar_ms?: number;
}

export interface EngineSummary {
  engine: "sqlite" | "mysql";
  describe: string;
  generatedSeconds: number | null;
  boot: {
    fullLoadMs: number;
    bootMs: number;
    rssMiB: number;
    rssGrowthMiB: number;
    duckdbMiB: number;
    /** Version rows and changed-field rows the replica holds for statistics as of a past date. */
    history: { versions: number; changes: number };
  };
  results: BenchResult[];
  notes: Record<string, string>;
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";
const DOC = path.resolve("docs/PERFORMANCE.md");

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`);

export function markdown(summaries: readonly EngineSummary[], machine: string, people: number): string {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, ${people.toLocaleString("en")} generated people.`,
    "",
  ];
  for (const s of summaries) {
    lines.push(
      `**Query engine over ${s.engine === "sqlite" ? "SQLite" : "MySQL/MariaDB"}**. ` +
        `Full load ${ms(s.boot.fullLoadMs)}, restart ready in ${ms(s.boot.bootMs)}; process memory ${s.boot.rssMiB} MiB ` +
        `(+${s.boot.rssGrowthMiB} MiB for the replica, of which DuckDB ${s.boot.duckdbMiB} MiB); ` +
        `record history ${s.boot.history.versions.toLocaleString("en")} version rows, ` +
        `${s.boot.history.changes.toLocaleString("en")} changed fields.`,
      "",
      `| operation | bar (p95) | engine p50 / p95 | met | straight ${s.engine} p50 / p95 | ratio (p95) |`,
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const duck of s.results.filter((r) => r.engine === "duckdb")) {
      const direct = s.results.find((r) => r.operation === duck.operation && r.engine !== "duckdb");
      const met = duck.bar_ms === undefined ? "" : duck.p95_ms <= duck.bar_ms ? "yes" : "**no**";
      const sqlCell = direct ? `${ms(direct.p50_ms)} / ${ms(direct.p95_ms)}` : s.notes[duck.operation] || "—";
      const ratio = direct ? `${(direct.p95_ms / Math.max(duck.p95_ms, 0.1)).toFixed(1)}× slower` : "—";
      lines.push(
        `| ${duck.operation} | ${duck.bar_ms ? ms(duck.bar_ms) : ""} | ${ms(duck.p50_ms)} / ${ms(duck.p95_ms)} | ${met} | ${sqlCell} | ${ratio} |`,
      );
    }
    const notes = Object.entries(s.notes).filter(
      ([op, note]) => note && s.results.some((r) => r.operation === op && r.engine !== "duckdb"),
    );
    if (notes.length > 0) lines.push("", ...notes.map(([op, note]) => `- ${op}: ${note}.`));
    lines.push("");
  }
  return lines.join("\n");
}

export function writeReport(
  summaries: readonly EngineSummary[],
  options: { machine: string; people: number; out?: string | undefined; docs: boolean },
): void {
  const rows = summaries.flatMap((s) => s.results.map((r) => ({ ...r, store: s.engine })));
  const out = options.out ?? path.resolve(".bench", `results-${options.people}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ machine: options.machine, results: rows }, null, 2)}\n`);
  const table = markdown(summaries, options.machine, options.people);
  process.stdout.write(`\n${table}\nJSON: ${out}\n`);
  if (options.docs) writeDocsSection(START, END, table);
}

/** Replaces what docs/PERFORMANCE.md holds between two markers with `table`. */
export function writeDocsSection(start: string, end: string, table: string): void {
  const doc = fs.readFileSync(DOC, "utf8");
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/PERFORMANCE.md has no ${start} … ${end} section`);
  fs.writeFileSync(DOC, `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`);
}

/** The docs are formatted by the project's formatter; the tables are written as it aligns them. */
export function formatDocs(): void {
  try {
    execFileSync("npx", ["biome", "format", "--write", DOC], { stdio: "ignore" });
  } catch {
    process.stderr.write("docs/PERFORMANCE.md written; run `npm run format` to align its table\n");
  }
}
