import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import type { Caller } from "../app/core/services.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { storeFile } from "../app/files/upload.server.ts";
import { recipientLoader } from "../app/notify/recipients.server.ts";
import { todayInChina } from "../app/people/normalise/calendar.ts";
import { printJob, startPrint } from "../app/print/jobs.server.ts";
import { compileTemplate, labelMaker } from "../app/print/prepare.server.ts";
import { renderPrintPdf } from "../app/print/render.server.tsx";
import { getTemplate } from "../app/print/templates.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { jobDir, jobSettled } from "../app/transfer/jobs.server.ts";
import { writeDocsSection } from "./report.ts";
import { BENCH_HOME, benchServices } from "./services.ts";

export interface PrintResult {
  store: "sqlite" | "mysql";
  badges: number;
  pages: number;
  seconds: number;
  /** react-pdf drawing the same prepared labels, without reading or preparing anything. */
  drawSeconds: number;
  bytes: number;
}

/** A photo as a phone takes it (a 1200 × 1600 JPEG), a different one for each person. */
async function phonePhoto(i: number): Promise<Buffer> {
  const hue = (i * 37) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600"><rect width="1200" height="1600" fill="hsl(${hue},45%,70%)"/><circle cx="600" cy="620" r="300" fill="hsl(${hue},30%,40%)"/><rect x="250" y="1000" width="700" height="600" rx="300" fill="hsl(${hue},30%,35%)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function benchStore(
  store: "sqlite" | "mysql",
  badges: number,
  mysql: string | undefined,
  log: (l: string) => void,
): Promise<PrintResult> {
  const { services, dir } = await benchServices(store, "print", mysql);
  try {
    log(`${store}: ${badges.toLocaleString("en")} people, each with a photo`);
    await loadDemoPeople(services, badges);
    const actor = await loadActorByUsername(services.db, "admin");
    const caller = { actor: actor!, ip: null, via: "cli" } as Caller;
    const table = await loadTable(services.db, "people");
    const rows = await services.db.selectFrom("records").select(["id", "data", "org_path"]).execute();
    for (const [i, row] of rows.entries()) {
      const photo = await storeFile(
        services,
        caller,
        { name: "photo.jpg", data: await phonePhoto(i) },
        "photo",
        row.org_path,
      );
      const data = { ...JSON.parse(row.data), photo: photo.id };
      await services.db
        .updateTable("records")
        .set({ data: JSON.stringify(data) })
        .where("id", "=", row.id)
        .execute();
    }
    const ids = rows.map((r) => Number(r.id));

    log(`${store}: printing ${ids.length.toLocaleString("en")} badges`);
    const started = performance.now();
    const job = await startPrint(services, caller, {
      template: "builtin:badge",
      audience: { kind: "ids", ids },
    });
    await jobSettled(job.id);
    const seconds = (performance.now() - started) / 1000;
    const done = await printJob(services, caller, job.id);
    if (done.status !== "done") throw new Error(`print job ${done.status}: ${done.error}`);
    const result = done.result as { pages: number; bytes: number; records: number };
    fs.copyFileSync(path.join(jobDir(services, job.id), "print.pdf"), path.join(dir, "badges.pdf"));

    // The drawing alone: the same labels, prepared beforehand.
    const template = (await getTemplate(services, caller, "builtin:badge")).template;
    const compiled = await compileTemplate(template, table);
    const make = labelMaker(services, compiled);
    const loader = await recipientLoader(services, table, caller.actor.orgPath, todayInChina(), false);
    const labels = [];
    for (let i = 0; i < ids.length; i += 500)
      for (const r of await loader.load(ids.slice(i, i + 500))) labels.push(await make(r));
    const drawStart = performance.now();
    await renderPrintPdf(template, labels, { title: "bench", author: "bench" });
    const drawSeconds = (performance.now() - drawStart) / 1000;
    return { store, badges: result.records, pages: result.pages, seconds, drawSeconds, bytes: result.bytes };
  } finally {
    await services.analytics.close();
    await services.database.close();
  }
}

export async function benchPrint(options: { badges?: number; mysql?: string; log: (l: string) => void }) {
  const badges = options.badges ?? 1000;
  const results = [await benchStore("sqlite", badges, undefined, options.log)];
  if (options.mysql) results.push(await benchStore("mysql", badges, options.mysql, options.log));
  return results;
}

const START = "<!-- bench-print:start -->";
const END = "<!-- bench-print:end -->";

export function writePrintReport(results: readonly PrintResult[], machine: string, docs: boolean): void {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    "",
    "| store | operation | badges | bar | Linli | met | straight | ratio |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const name = r.store === "sqlite" ? "SQLite" : "MariaDB";
    const kb = Math.round(r.bytes / 1024);
    lines.push(
      `| ${name} | chest badges with photo and QR code → one PDF (${r.pages} A4 pages, ${kb.toLocaleString("en")} KB, ${(r.bytes / r.badges / 1024).toFixed(1)} KB a badge) | ${r.badges.toLocaleString("en")} | ≤ 15 s | ${r.seconds.toFixed(1)} s | ${r.seconds <= 15 ? "yes" : "**no**"} | ${r.drawSeconds.toFixed(1)} s (react-pdf drawing the prepared labels alone) | ${(r.seconds / r.drawSeconds).toFixed(1)}× |`,
    );
  }
  const table = lines.join("\n");
  const out = path.join(BENCH_HOME, "print-results.json");
  fs.mkdirSync(BENCH_HOME, { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  process.stdout.write(`\n${table}\nJSON: ${out}\n`);
  if (docs) writeDocsSection(START, END, table);
}
