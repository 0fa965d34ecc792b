// `linli export` as an operator runs it, in a child process on a prepared database: a saved view or a
// query to a file, as an account sees it, with progress on stderr and refusals said in words.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../app/core/boot.server.ts";
import { buildId } from "../app/people/identity/id-fixtures.ts";
import { createRecord } from "../app/people/records/write.server.ts";
import { createView } from "../app/query/views.server.ts";
import { linliCommand } from "../tests/support/cli.ts";
import { type TestEnv, testConfig } from "../tests/support/db.ts";
import { callerFor } from "./caller.ts";

describe("linli export", () => {
  let env: TestEnv;
  let command: ReturnType<typeof linliCommand>;
  let inFengsheng = 0;
  const linli = (...args: string[]) => command("export", ...args);

  const file = (name: string) => path.join(env.config.dataDir, name);

  beforeAll(async () => {
    env = await testConfig({ demo: true, demoPeople: 60 });
    const services = await createServices(env.config);
    try {
      const fengsheng = await callerFor(services, "fengsheng");
      // The generated people may all live elsewhere: a few of 丰盛's own make the scope visible.
      for (const [name, born, seq] of [
        ["甲一", "1950-01-01", "131"],
        ["乙二", "1960-02-02", "142"],
        ["丙三", "1970-03-03", "153"],
      ] as const)
        await createRecord(services, fengsheng, "people", {
          values: { name, document: buildId("110102", born, seq).number },
        });
      const count = await services.db
        .selectFrom("records")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("org_path", "like", `${fengsheng.actor.orgPath}%`)
        .executeTakeFirstOrThrow();
      inFengsheng = Number(count.n);
      await createView(services, fengsheng, "people", {
        name: "按生日",
        definition: {
          sort: [{ field: "birthDate", dir: "asc" }],
          columns: [{ key: "name" }, { key: "mobile", hidden: true }, { key: "birthDate" }, { key: "$org" }],
        },
      });
    } finally {
      await services.analytics.close();
      await services.database.close();
    }
    command = linliCommand(env.config);
  });
  afterAll(() => env.cleanup());

  it("exports a saved view as the account sees it, with progress on stderr", async () => {
    const target = file("view.xlsx");
    const { code, out, err } = await linli("--as", "fengsheng", "--view", "按生日", "--out", target);
    expect(code).toBe(0);
    expect(inFengsheng).toBeGreaterThan(2);
    expect(out).toMatch(new RegExp(`Exported ${inFengsheng} rows to .*view\\.xlsx`));
    expect(err).toMatch(/100% \(\d+\/\d+\)/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "系统编号",
      "姓名",
      "出生日期",
      "所属组织",
      "数据版本",
    ]);
    expect(sheet.rowCount).toBe(inFengsheng + 1);
  });

  it("writes CSV from a query, and refuses unknown or unentitled accounts in words", async () => {
    const target = file("people.csv");
    const query = JSON.stringify({ sort: [{ field: "name", dir: "asc" }] });
    const csv = await linli(
      "--as",
      "fengsheng",
      "--query",
      query,
      "--columns",
      "姓名,证件号码",
      "--out",
      target,
    );
    expect(csv.code).toBe(0);
    const text = fs.readFileSync(target, "utf8");
    expect(text.startsWith("\uFEFF系统编号,姓名,证件号码,数据版本\r\n")).toBe(true);
    expect(text.trimEnd().split("\r\n")).toHaveLength(inFengsheng + 1);

    const nobody = await linli("--as", "nobody", "--out", file("x.xlsx"));
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/没有账号 nobody/);
    const reveal = await linli("--as", "qiye", "--reveal", "--out", file("y.xlsx"));
    expect(reveal.code).toBe(2);
    expect(reveal.err).toMatch(/无权/);
    expect(fs.existsSync(file("y.xlsx"))).toBe(false);
    const badQuery = await linli("--query", "{not json", "--out", file("z.xlsx"));
    expect(badQuery.code).toBe(2);
    expect(badQuery.err).toMatch(/--query/);
  });
});
