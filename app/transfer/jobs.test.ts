// A cancelled or interrupted import leaves a committed prefix that its job states exactly, and running
// the same file again in add-or-update mode completes it without repeating anyone.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { runImport } from "./import/run.server.ts";
import { commitImport, startImport } from "./import-jobs.server.ts";
import { createJob, jobSettled, loadJob, markInterruptedJobs } from "./jobs.server.ts";

let t: TestServices;
let file: string;
const ROWS = 2500;

beforeAll(async () => {
  t = await createTestServices();
  const lines = ["姓名,身份证号,所属社区"];
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    const sequence = String(100 + Math.floor(i / 336)).padStart(3, "0");
    lines.push(
      `居民${i},${buildId("110102", `19${50 + (i % 40)}-${month}-${day}`, sequence).number},丰盛社区`,
    );
  }
  file = path.join(t.config.dataDir, "many.csv");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
});
afterAll(() => t.cleanup());

const count = async () =>
  Number(
    (
      await t.services.db
        .selectFrom("records")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("import jobs", () => {
  it("a cancel keeps the batches already committed, says how far, and a re-run completes the rest", async () => {
    const admin = await callerFor(t.services, "admin");
    const controller = new AbortController();
    let through = 0;
    let rows = 0;
    await expect(
      runImport(
        t.services,
        admin,
        { path: file, name: "many.csv" },
        { mode: "add" },
        { dryRun: false },
        {
          signal: controller.signal,
          onCommitted: async (_trx, row, written) => {
            through = row;
            rows = written;
            controller.abort();
          },
        },
      ),
    ).rejects.toThrow();
    expect(rows).toBe(1000);
    expect(through).toBe(1001);
    expect(await count()).toBe(1000);
    const logged = await t.services.db
      .selectFrom("audit_log")
      .select("data")
      .where("event", "=", "transfer.imported")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(logged.data)).toMatchObject({ outcome: "cancelled", counts: { inserted: 1000 } });

    const again = await runImport(
      t.services,
      admin,
      { path: file, name: "many.csv" },
      { mode: "upsert" },
      { dryRun: false },
    );
    expect(again.totals).toMatchObject({ inserted: ROWS - 1000, unchanged: 1000, rejected: 0 });
    expect(await count()).toBe(ROWS);
  });

  it("a job a stopped process left running is reported as interrupted, with its committed prefix", async () => {
    const admin = await callerFor(t.services, "admin");
    const table = await t.services.db
      .selectFrom("data_tables")
      .select("id")
      .where("key", "=", "people")
      .executeTakeFirstOrThrow();
    const id = await createJob(t.services, admin, {
      kind: "import",
      tableId: Number(table.id),
      phase: "commit",
      fileName: "x.csv",
      options: {},
    });
    await t.services.db
      .updateTable("transfer_jobs")
      .set({ status: "running", committed_through: 3001, committed_rows: 3000 })
      .where("id", "=", id)
      .execute();
    expect(await markInterruptedJobs(t.services)).toBe(1);
    expect(await loadJob(t.services, admin, id)).toMatchObject({
      status: "interrupted",
      committedThrough: 3001,
      committedRows: 3000,
    });
  });

  it("runs the wizard's steps as a job: a check, then a commit that needs it", async () => {
    const admin = await callerFor(t.services, "admin");
    const upload = path.join(t.config.dataDir, "upload.csv");
    fs.writeFileSync(
      upload,
      `姓名,身份证号,所属社区\n新人,${buildId("110105", "1999-09-09", "019").number},丰盛社区\n`,
    );
    const job = await startImport(t.services, admin, { path: upload, name: "新人.csv" }, { mode: "add" });
    await jobSettled(job.id);
    const checked = await loadJob(t.services, admin, job.id);
    expect(checked).toMatchObject({ status: "done", phase: "dry-run", result: { totals: { accepted: 1 } } });
    const before = await count();
    await commitImport(t.services, admin, job.id, { atomic: true });
    await jobSettled(job.id);
    expect(await loadJob(t.services, admin, job.id)).toMatchObject({
      status: "done",
      phase: "commit",
      committedRows: 1,
    });
    expect(await count()).toBe(before + 1);
    await expect(commitImport(t.services, admin, job.id, {})).rejects.toMatchObject({ kind: "conflict" });
  });
});
