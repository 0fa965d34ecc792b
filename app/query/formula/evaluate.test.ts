import { describe, expect, it } from "vitest";
import { evaluateFormula } from "./evaluate.ts";
import { compiled } from "./test-support.ts";

const TODAY = "2026-05-01";
const PERSON = {
  name: "张三丰",
  birth_date: "1950-05-02",
  registered_at: "2024-02-29 09:30:00",
  household_size: 3,
  subsidy: 123_456,
  height: 1.72,
  low_income: true,
  mobile: null,
};
const run = (source: string, record: Record<string, unknown> = PERSON) =>
  evaluateFormula(compiled(source), record, TODAY);

describe("evaluateFormula", () => {
  it.each([
    ["1 + 2 * 3 - 4 / 8", 6.5],
    ["10 - 4 - 3", 3],
    ["-[户人数] * 2", -6],
    ["1 / 0", null],
    ["[补贴]", 1234.56],
    ["[姓名] & '（' & [户人数] & '人）'", "张三丰（3人）"],
    ["[手机] & 'x'", "x"],
    ["[手机] = 'x'", null],
    ["[户人数] / 0 + 1", null],
    ["AGE([出生日期])", 75],
    ["年龄('1950-05-01')", 76],
    ["YEAR([登记时间]) * 10000 + MONTH([登记时间]) * 100 + DAY([登记时间])", 20240229],
    ["TODAY()", TODAY],
    ["DATEDIFF('day', '2026-04-01', TODAY())", 30],
    ["DATEDIFF('month', '2026-01-31', '2026-02-28')", 0],
    ["DATEDIFF('month', '2026-02-28', '2026-01-31')", 0],
    ["DATEDIFF('年', '2024-02-29', '2025-02-28')", 0],
    ["DATEDIFF('year', '2024-02-29', '2025-03-01')", 1],
    ["DATEDIFF('year', '2030-01-01', TODAY())", -3],
    ["IF([低保户], '低保', '否')", "低保"],
    ["如果([手机] = '1', 1, 2)", 2],
    ["ROUND(1.005, 2)", 1.01],
    ["ROUND(-2.5)", -3],
    ["ROUND(1234.5, -2)", 1200],
    ["ABS(-[身高])", 1.72],
    ["LEN([姓名])", 3],
    ["LEN([手机])", 0],
    ["CONCAT([姓名], 1.5, [出生日期])", "张三丰1.51950-05-02"],
    ["LEFT([姓名], 1)", "张"],
    ["RIGHT([姓名], 2)", "三丰"],
    ["LEFT([姓名], -1)", ""],
    ["COALESCE([手机], '', [姓名])", "张三丰"],
    ["COALESCE([手机])", null],
    ["ISBLANK([手机])", true],
    ["ISBLANK([姓名])", false],
    ["[出生日期] < '1956-01-01' 且 [低保户]", true],
    ["非 [低保户] 或 [户人数] > 2", true],
    ["[手机] = '1' AND FALSE", false],
    ["[手机] = '1' OR TRUE", true],
    ["[手机] = '1' OR FALSE", null],
    ["NOT ([手机] = '1')", null],
    ["'b' > 'a' AND TRUE <> FALSE", true],
  ])("%s → %s", (source, expected) => expect(run(source)).toEqual(expected));

  it("reads a value of the wrong kind as blank", () => {
    expect(run("[户人数] + 1", { household_size: "3" })).toBeNull();
    expect(run("AGE([出生日期])", {})).toBeNull();
  });
});
