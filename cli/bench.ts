// `linli bench`: the measurements of SPEC §8 (see bench/run.ts). Not a test: it times, it does not judge.
import { Command, InvalidArgumentError } from "commander";

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1000 || n > 10_000_000)
    throw new InvalidArgumentError("a whole number from 1000 to 10000000");
  return n;
}

export function benchCommand(): Command {
  return new Command("bench")
    .description("generate (or reuse, under .bench/) N people and time the query operations of SPEC §8")
    .option("--people <n>", "how many people (default 1000000)", parseCount, 1_000_000)
    .option("--runs <n>", "timed runs per operation, parameters varied (default 30)", (v) => Number(v), 30)
    .option("--mysql <url>", "also run on this MySQL/MariaDB database (mysql://…; its own dataset)")
    .option("--out <file>", "write the JSON results here (default .bench/results-<N>.json)")
    .option("--docs", "rewrite the generated table of docs/PERFORMANCE.md")
    .option("--fresh", "generate the people again instead of reusing an earlier run's")
    .option(
      "--only <part>",
      "engine (the query operations), transfer (import and export), notices (mass emails) or print (badges to PDF); default all",
    )
    .option("--transfer-rows <list>", "rows of the import/export sheets, e.g. 100000,1000000 (the default)")
    .action(
      async (opts: {
        people: number;
        runs: number;
        mysql?: string;
        out?: string;
        docs?: boolean;
        fresh?: boolean;
        only?: string;
        transferRows?: string;
      }) => {
        if (opts.only && !["engine", "transfer", "notices", "print"].includes(opts.only))
          throw new InvalidArgumentError("--only takes engine, transfer, notices or print");
        const { runBench } = await import("../bench/run.ts");
        await runBench({
          people: opts.people,
          runs: Math.max(5, Math.trunc(opts.runs) || 30),
          ...(opts.mysql ? { mysql: opts.mysql } : {}),
          ...(opts.out ? { out: opts.out } : {}),
          docs: Boolean(opts.docs),
          fresh: Boolean(opts.fresh),
          ...(opts.only ? { only: opts.only as "engine" | "transfer" | "notices" | "print" } : {}),
          ...(opts.transferRows
            ? { transferRows: opts.transferRows.split(",").map((n) => parseCount(n.trim())) }
            : {}),
          log: (line) => process.stderr.write(`${line}\n`),
        });
      },
    );
}
