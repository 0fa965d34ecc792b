// Several app processes on one database each keep their own replica current: a second Node process
// (replica-peer.script.ts) opens its own services and replica on the same MariaDB database or SQLite file;
// what one saves, the other's replica shows within a few seconds (how fast is the benchmarks' business).
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../app/core/services.server.ts";
import { createRecord, updateRecord } from "../app/people/records/write.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { createTestServices, type TestServices } from "../tests/support/db.ts";
import { callerFor } from "../tests/support/factories.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

class Peer {
  private readonly answers: ((line: string) => void)[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  readonly ready: Promise<void>;
  constructor(databaseUrl: string, secretKey: string) {
    this.child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "analytics/replica-peer.script.ts")],
      {
        cwd: ROOT,
        env: { ...process.env, LINLI_PEER_DATABASE_URL: databaseUrl, LINLI_PEER_SECRET_KEY: secretKey },
      },
    );
    let stderr = "";
    this.child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const lines = readline.createInterface({ input: this.child.stdout });
    lines.on("line", (line) => this.answers.shift()?.(line));
    this.ready = new Promise((resolve, reject) => {
      this.answers.push(() => resolve());
      this.child.once("exit", (code) => reject(new Error(`peer exited with ${code}: ${stderr}`)));
    });
  }
  ask<T>(message: unknown): Promise<T> {
    return new Promise((resolve) => {
      this.answers.push((line) => resolve(JSON.parse(line) as T));
      this.child.stdin.write(`${JSON.stringify(message)}\n`);
    });
  }
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once("exit", () => resolve());
      this.child.stdin.end();
    });
  }
}

/** Ask until the answer passes or the time is up. */
async function eventually<T>(ask: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await ask();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("replicas of several processes on one database", () => {
  let t: TestServices;
  let peer: Peer;
  let fengsheng: Caller;

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 30 });
    fengsheng = await callerFor(t.services, "fengsheng");
    peer = new Peer(t.config.databaseUrl, t.config.secretKey!);
    await peer.ready;
  });
  afterAll(async () => {
    await peer?.stop();
    await t.cleanup();
  });

  type Read = { found: boolean; mobile: string | null; colour: string | null };

  it("shows a save of this process in the other process's replica", async () => {
    const saved = await createRecord(t.services, fengsheng, "people", {
      values: { name: "赵一曼", mobile: "13811112222" },
    });
    const read = () => peer.ask<Read>({ op: "read", id: saved.id });
    expect(await eventually(read, (r) => r.found)).toMatchObject({ found: true, mobile: "13811112222" });

    await updateRecord(t.services, fengsheng, saved.id, { values: { mobile: "13833334444" } });
    const table = await loadTable(t.services.db, "people");
    await t.services.db
      .insertInto("record_marks")
      .values({ table_id: table.id, record_id: saved.id, colour: "#f76b15", user_id: null, at: Date.now() })
      .execute();
    expect(await eventually(read, (r) => r.mobile === "13833334444" && r.colour !== null)).toEqual({
      found: true,
      mobile: "13833334444",
      colour: "#f76b15",
    });
  });

  it("shows a save of the other process in this process's replica", async () => {
    const replica = await t.services.analytics.replica("people");
    const saved = await peer.ask<{ id: number; systemId: string }>({
      op: "create",
      name: "周二",
      mobile: "13955556666",
    });
    const read = async () =>
      (
        await replica.connection.runAndReadAll("SELECT mobile FROM records WHERE id = $id", { id: saved.id })
      ).getRowObjectsJS();
    expect(await eventually(read, (rows) => rows.length === 1)).toEqual([{ mobile: "13955556666" }]);
  });
});
