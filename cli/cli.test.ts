// The `linli` command as an operator runs it, in a child process on a fresh database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection.ts";
import { linliCommand } from "../tests/support/cli.ts";
import { type TestEnv, testConfig } from "../tests/support/db.ts";

describe("linli command", () => {
  let env: TestEnv;
  let command: ReturnType<typeof linliCommand>;
  const linli = async (...args: string[]) => {
    const { code, out, err } = await command(...args);
    return { code, out: out + err };
  };

  beforeAll(async () => {
    env = await testConfig({ demo: false });
    command = linliCommand(env.config);
  });
  afterAll(() => env.cleanup());

  it("describes each command with --help", async () => {
    for (const cmd of [[], ["serve"], ["migrate"], ["demo"], ["user", "add"], ["audit", "verify"]]) {
      const { code, out } = await linli(...cmd, "--help");
      expect(code).toBe(0);
      expect(out).toMatch(/Usage: linli/);
    }
  });

  it("migrates, loads the demo once, adds a user and verifies the log", async () => {
    expect((await linli("migrate")).code).toBe(0);
    const demo = await linli("demo", "--people", "200");
    expect(demo.out).toMatch(/14 communities/);
    expect(demo.out).toMatch(/Generated 200 people/);
    expect((await linli("demo")).code).toBe(1);
    const more = await linli("demo", "--people", "30");
    expect(more.out).toMatch(/Generated 30 people/);
    expect((await linli("demo", "--people", "many")).code).not.toBe(0);

    const added = await linli(
      "user",
      "add",
      "-u",
      "gridworker",
      "-n",
      "网格员",
      "-r",
      "community_admin",
      "-o",
      "丰盛社区/第二网格",
      "-p",
      "Grid#Worker2026",
    );
    expect(added.out).toMatch(/Created community_admin gridworker/);
    const weak = await linli(
      "user",
      "add",
      "-u",
      "weak",
      "-n",
      "弱",
      "-r",
      "resident",
      "-o",
      "丰盛社区",
      "-p",
      "12345678",
    );
    expect(weak.code).toBe(2);
    expect(weak.out).toMatch(/密码/);
    const badRole = await linli(
      "user",
      "add",
      "-u",
      "x1",
      "-n",
      "X",
      "-r",
      "king",
      "-o",
      "丰盛社区",
      "-p",
      "Grid#Worker2026",
    );
    expect(badRole.out).toMatch(/未知角色/);

    const verify = await linli("audit", "verify");
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/^ok — \d+ rows/m);
  });

  it("names the first tampered row", async () => {
    const database = openDatabase(env.config.databaseUrl);
    try {
      await database.db
        .updateTable("audit_log")
        .set({ actor_name: "someone-else" })
        .where("id", "=", 2)
        .execute();
    } finally {
      await database.close();
    }
    const verify = await linli("audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/first bad row: #2/);
  });

  it("creates the street and its first admin on an empty install", async () => {
    const empty = await testConfig({ demo: false });
    try {
      const { code, out } = await linliCommand(empty.config)(
        "user",
        "add",
        "-u",
        "chief",
        "-n",
        "主任",
        "-r",
        "street_admin",
        "-o",
        "新街道",
        "-p",
        "Street#Lead2026",
      );
      expect(code).toBe(0);
      expect(out).toMatch(/Created street_admin chief at 新街道/);
    } finally {
      await empty.cleanup();
    }
  });
});
