// `linli backup` and `linli restore` as an operator runs them, in child processes: a backup while another
// process writes to the same database, a backup killed with SIGKILL halfway (never listed as good; the
// next one succeeds), and restores that are refused with exit code 2 and a message saying why.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../app/core/boot.server.ts";
import type { Services } from "../app/core/services.server.ts";
import { linliCommand } from "../tests/support/cli.ts";
import { type TestEnv, testConfig, testDialect } from "../tests/support/db.ts";

const BIN = path.resolve(import.meta.dirname, "../bin/linli.js");

describe(`linli backup and restore (${testDialect})`, () => {
  let env: TestEnv;
  let services: Services;
  let linli: ReturnType<typeof linliCommand>;
  const targets: TestEnv[] = [];

  beforeAll(async () => {
    env = await testConfig({ demo: true, demoPeople: 300 });
    services = await createServices(env.config);
    linli = linliCommand(env.config);
    // Enough uploaded bytes (they do not compress) that a backup takes a moment to write.
    for (let i = 0; i < 40; i++)
      await services.files.put(`bulk${String(i).padStart(8, "0")}`, "original", crypto.randomBytes(1 << 20));
  }, 120_000);
  afterAll(async () => {
    await services?.database.close();
    for (const t of targets) await t.cleanup();
    await env?.cleanup();
  });

  const runs = () => services.db.selectFrom("backups").selectAll().orderBy("id").execute();

  it("describes each command with --help", async () => {
    for (const cmd of [["backup"], ["backup", "list"], ["restore"]]) {
      const { code, out } = await linli(...cmd, "--help");
      expect(code).toBe(0);
      expect(out).toMatch(/Usage: linli/);
    }
    expect((await linli("restore", "--help")).out).toMatch(/--force/);
    expect((await linli("backup", "--help")).out).toMatch(/--out/);
  });

  it("never lists a backup killed halfway as good, and the next one succeeds", async () => {
    const child = spawn(process.execPath, [BIN, "backup"], {
      env: {
        ...process.env,
        LINLI_DATA_DIR: env.config.dataDir,
        DATABASE_URL: env.config.databaseUrl,
        LINLI_SECRET_KEY: env.config.secretKey,
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Kill it once it is writing its partial file.
    let partial = "";
    for (let i = 0; i < 600 && !partial; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const row = (await runs()).find((r) => r.status === "running" && r.location);
      if (row && fs.existsSync(`${row.location}.partial`) && fs.statSync(`${row.location}.partial`).size > 0)
        partial = row.location;
    }
    expect(partial, "the backup started writing").not.toBe("");
    child.kill("SIGKILL");
    expect(await exited).toBeNull();
    expect((await runs()).map((r) => r.status)).toEqual(["running"]);
    expect(fs.existsSync(partial)).toBe(false);

    const listed = await linli("backup", "list");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/#1\tinterrupted\tcli/);
    expect(listed.out).not.toMatch(/\tdone\t/);
    expect(fs.existsSync(`${partial}.partial`)).toBe(false);

    const again = await linli("backup");
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/Done: linli-backup-\d{8}-\d{6}-2\.lbk, .*, 40 files\nsha256 [0-9a-f]{64}/);
    expect((await runs()).map((r) => r.status)).toEqual(["interrupted", "done"]);
    expect(fs.readdirSync(path.dirname(partial))).toEqual([path.basename((await runs())[1]!.location)]);
  }, 120_000);

  it("backs up while another process writes to the database, and the backup restores", async () => {
    const writing = linli("demo", "--people", "400", "--seed", "cli-backup-test");
    const made = await linli("backup", "--out", path.join(env.config.dataDir, "elsewhere") + path.sep);
    const wrote = await writing;
    expect(wrote.code, wrote.err).toBe(0);
    expect(made.code, made.err).toBe(0);
    const file = /→ (.+\.lbk)/.exec(made.out)![1]!;
    expect(path.dirname(file)).toBe(path.join(env.config.dataDir, "elsewhere"));

    const target = await testConfig({ secretKey: env.config.secretKey });
    targets.push(target);
    const restore = linliCommand(target.config);
    const restored = await restore("restore", file);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/all match the manifest/);
    // Into a database that is in use now: refused unless forced.
    const refused = await restore("restore", file);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/not empty; refused \(add --force to replace it\)/);
    const forced = await restore("restore", file, "--force");
    expect(forced.code, forced.err).toBe(0);
  }, 180_000);

  it("refuses a truncated backup with exit code 2 and restores nothing", async () => {
    const done = (await runs()).find((r) => r.status === "done")!;
    const cut = path.join(env.config.dataDir, "cut.lbk");
    const whole = fs.readFileSync(done.location);
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 1000));
    const target = await testConfig({ secretKey: env.config.secretKey });
    targets.push(target);
    const result = await linliCommand(target.config)("restore", cut);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /备份文件不完整（被截断），拒绝恢复 \/ The backup file is incomplete \(cut short\); refused/,
    );
    expect(fs.existsSync(path.join(target.config.dataDir, "files"))).toBe(false);
  });
});
