// Measures `linli audit verify` on a generated system log: N hash-chained events of realistic size (record
// edits with field diffs, logins, exports) written straight into a fresh database, then the whole chain
// verified page by page, reporting events per minute and the memory the walk takes.
// Usage: node --import tsx bench/audit-verify.ts [--events 1000000] [--database mysql://…/linli_audit_bench]
// Prints one JSON line; the figures in docs/PERFORMANCE.md come from it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashRow } from "../app/audit/chain.ts";
import { verifyAuditChain } from "../app/audit/log.server.ts";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { AuditRow } from "../db/types.ts";

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

/** The n-th event: mostly record edits (the bulk of a real log), some sign-ins and exports. */
function event(n: number): Pick<AuditRow, "event" | "target_type" | "target_id" | "data"> {
  const systemId = `RY-${String(n % 1_000_000).padStart(6, "0")}`;
  if (n % 10 === 0)
    return { event: "auth.login", target_type: null, target_id: null, data: '{"method":"password"}' };
  if (n % 97 === 0)
    return {
      event: "transfer.exported",
      target_type: "table",
      target_id: "people",
      data: JSON.stringify({
        table: "people",
        job: n,
        format: "xlsx",
        rows: 1200,
        columns: ["name", "sex"],
        masked: true,
        subTables: [],
      }),
    };
  return {
    event: "record.updated",
    target_type: "people",
    target_id: systemId,
    data: JSON.stringify({
      table: "people",
      systemId,
      fields: ["籍贯", "联系电话"],
      changes: [
        { field: "nativePlace", label: "籍贯", old: "北京市西城区", new: "河北省保定市" },
        { field: "mobile", label: "联系电话", sensitive: true },
      ],
    }),
  };
}

async function main() {
  const events = Number(argument("events", "1000000"));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-audit-bench-"));
  const url = argument("database", path.join(dataDir, "audit.db"));
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const { db } = database;
    await db.deleteFrom("audit_log").execute();
    const start = Date.now() - events * 1000;
    let prevHash = "0".repeat(64);
    const writeStarted = performance.now();
    for (let from = 1; from <= events; from += 10_000) {
      const rows: AuditRow[] = [];
      for (let id = from; id < Math.min(from + 10_000, events + 1); id++) {
        const row = {
          id,
          at: start + id * 1000,
          actor_id: 2,
          actor_name: "fengsheng",
          actor_role: "community_admin",
          ip: "10.12.3.45",
          org_path: "/1/5/",
          prev_hash: prevHash,
          ...event(id),
        };
        prevHash = hashRow(row);
        rows.push({ ...row, hash: prevHash });
      }
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto("audit_log")
            .values(rows.slice(i, i + 500))
            .execute();
      });
    }
    await db
      .updateTable("audit_head")
      .set({ last_id: events, last_hash: prevHash })
      .where("id", "=", 1)
      .execute();
    const writeMs = performance.now() - writeStarted;

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const verifyStarted = performance.now();
    const result = await verifyAuditChain(db, {
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const verifyMs = performance.now() - verifyStarted;
    if (!result.ok) throw new Error(`generated chain did not verify: ${JSON.stringify(result)}`);
    console.log(
      JSON.stringify({
        database: database.dialect.name,
        events,
        write_s: Math.round(writeMs / 100) / 10,
        verify_s: Math.round(verifyMs / 100) / 10,
        events_per_minute: Math.round((events / verifyMs) * 60_000),
        rss_mib_before: Math.round(rssBefore / 2 ** 20),
        rss_mib_peak: Math.round(peak / 2 ** 20),
      }),
    );
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
