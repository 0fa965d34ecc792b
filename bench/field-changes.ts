// Measures the table-design operations of SPEC §A1 on a person table of N generated people: adding,
// renaming, hiding, reordering, removing and restoring a field, while another user keeps saving a record.
// Usage: node --import tsx bench/field-changes.ts [--people 1000000] [--database mysql://…]
// Prints a Markdown table; the figures in docs/PERFORMANCE.md come from it.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadActorByUsername } from "../app/auth/actor.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { loadDemoPeople } from "../app/demo/people-records.server.ts";
import { createRecord, updateRecord } from "../app/people/records/write.server.ts";
import {
  addField,
  moveField,
  removeField,
  restoreField,
  updateField,
} from "../app/schema/edit-fields.server.ts";

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

async function caller(services: Services, username: string): Promise<Caller> {
  const actor = await loadActorByUsername(services.db, username);
  if (!actor) throw new Error(`no account ${username}`);
  return { actor, ip: null, via: "cli" };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function main() {
  const people = Number(argument("people", "1000000"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-bench-"));
  const databaseUrl = argument("database", path.join(dataDir, "linli.db"));
  const services = await createServices({
    ...loadConfig({ NODE_ENV: "production" }),
    dataDir,
    databaseUrl,
    demo: true,
    demoPeople: 0,
    secretKey: crypto.randomBytes(32).toString("hex"),
    logLevel: "warn",
  });
  try {
    const [, loadMs] = await timed(() =>
      loadDemoPeople(services, people, {
        onProgress: (n) => n % 100_000 === 0 && process.stderr.write(`  ${n} people\n`),
      }),
    );
    const admin = await caller(services, "admin");
    const editor = await caller(services, "fengsheng");
    const record = await createRecord(services, editor, "people", { values: { name: "并发编辑" } });

    // Another user saves the same record over and over while the table changes under them.
    let saves = 0;
    let slowestSave = 0;
    let editing = true;
    const edits = (async () => {
      let version = record.version;
      while (editing) {
        const [saved, ms] = await timed(() =>
          updateRecord(services, editor, record.id, { version, values: { notes: `第 ${saves} 次保存` } }),
        );
        version = saved.version;
        slowestSave = Math.max(slowestSave, ms);
        saves++;
      }
    })();

    const rows: [string, number][] = [];
    const [field, addMs] = await timed(() =>
      addField(services, admin, "people", { label: "志愿者服务时长", type: "decimal" }),
    );
    rows.push(["add a field 添加字段", addMs]);
    rows.push([
      "rename 重命名",
      (await timed(() => updateField(services, admin, field.id, { label: "志愿服务时长" })))[1],
    ]);
    rows.push([
      "hide 隐藏",
      (await timed(() => updateField(services, admin, field.id, { hidden: "on" })))[1],
    ]);
    rows.push([
      "move up 调整顺序",
      (await timed(() => moveField(services, admin, field.id, { direction: "up" })))[1],
    ]);
    rows.push(["remove 移除", (await timed(() => removeField(services, admin, field.id)))[1]]);
    rows.push(["restore 恢复", (await timed(() => restoreField(services, admin, field.id)))[1]]);
    editing = false;
    await edits;

    const size = services.dialect.name === "sqlite" ? fs.statSync(databaseUrl).size : null;
    console.log(`\n${people.toLocaleString("en")} people on ${services.database.describe}`);
    console.log(
      `generated and stored in ${(loadMs / 1000).toFixed(1)} s${size ? `, file ${(size / 2 ** 20).toFixed(0)} MiB` : ""}\n`,
    );
    console.log("| operation | time |\n| --- | --- |");
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} ms |`);
    console.log(
      `\nmeanwhile another user saved a record ${saves} times; slowest save ${slowestSave.toFixed(1)} ms`,
    );
  } finally {
    await services.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
