// `linli import` as an operator runs it, in a child process on a prepared database: --json prints one
// object with every row in sheet order; a commit checks the whole file first and writes only valid rows.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../app/core/boot.server.ts";
import { buildId } from "../app/people/identity/id-fixtures.ts";
import { linliCommand } from "../tests/support/cli.ts";
import { type TestEnv, testConfig } from "../tests/support/db.ts";

describe("linli import", () => {
  let env: TestEnv;
  let command: ReturnType<typeof linliCommand>;
  const good = buildId("110102", "1950-01-01", "131").number;
  const linli = (...args: string[]) => command("import", ...args);

  const sheet = (name: string, lines: string[]) => {
    const file = path.join(env.config.dataDir, name);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    return file;
  };
  const people = async () => {
    const services = await createServices(env.config);
    try {
      const row = await services.db
        .selectFrom("records")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await services.analytics.close();
      await services.database.close();
    }
  };

  beforeAll(async () => {
    env = await testConfig({ demo: true, demoPeople: 0 });
    const services = await createServices(env.config);
    await services.analytics.close();
    await services.database.close();
    command = linliCommand(env.config);
  }, 60_000);
  afterAll(() => env.cleanup());

  it("prints every row of a dry run as JSON and writes nothing", async () => {
    const file = sheet("check.csv", [
      "居民登记表",
      "姓 名,身份证号,联系电话,所属社区",
      `张三,${good},138 0013 8000,丰盛社区`,
      "",
      `李四,1.10102E+17,12345,丰盛社区`,
    ]);
    const { code, out } = await linli(file, "--dry-run", "--json");
    expect(code).toBe(2);
    const result = JSON.parse(out);
    expect(result.totals).toMatchObject({ rows: 3, accepted: 1, rejected: 1, blank: 1 });
    expect(result.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [3, "accepted"],
      [4, "blank"],
      [5, "rejected"],
    ]);
    expect(result.rows[0].values).toMatchObject({
      姓名: "张三",
      证件号码: good,
      手机号码: "13800138000",
      出生日期: "1950-01-01",
      性别: "男",
    });
    expect(result.rows[2].problems.map((p: { code: string }) => p.code).sort()).toEqual([
      "id-precision-lost",
      "phone-invalid",
    ]);
    expect(await people()).toBe(0);
  }, 60_000);

  it("commits the valid rows, and refuses a file with a cell beyond Excel's limit without writing any", async () => {
    const ok = await linli(
      sheet("ok.csv", ["姓名,身份证号,所属社区", `张三,${good},丰盛社区`, "王五,123,丰盛社区"]),
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("inserted 1");
    expect(await people()).toBe(1);
    const huge = "长".repeat(40_000);
    const second = buildId("110102", "1960-02-02", "142").number;
    const refused = await linli(
      sheet("huge.csv", [
        "姓名,身份证号,备注,所属社区",
        `赵六,${second},,丰盛社区`,
        `钱七,${good},${huge},丰盛社区`,
      ]),
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain("32767");
    expect(await people()).toBe(1);
  }, 60_000);
});
