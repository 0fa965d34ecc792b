import { describe, expect, it } from "vitest";
import { findCycle, formulaFields } from "./deps.ts";
import { compileFormula } from "./index.ts";
import { compiled, problemOf } from "./test-support.ts";

describe("checkFormula: result types from field storage", () => {
  it.each([
    ["[户人数] * 2", "number"],
    ["[补贴] + [身高]", "number"],
    ["[姓名] & '先生'", "text"],
    ["[手机]", "text"],
    ["[出生日期]", "date"],
    ["[登记时间]", "date"],
    ["[低保户] AND NOT ISBLANK([姓名])", "boolean"],
    ["[出生日期] < '1956-01-01'", "boolean"],
    ["IF([低保户], '是', [年龄段])", "text"],
    ["COALESCE([出生日期], '2000-01-01')", "date"],
    ["如果(年龄([出生日期]) >= 60, TODAY(), [出生日期])", "date"],
    ["DATEDIFF('年', [出生日期], TODAY())", "number"],
  ])("%s → %s", (source, type) => expect(compiled(source).type).toBe(type));

  it("resolves bare keys and bracketed labels to keys", () => {
    expect(formulaFields(compiled("[出生日期] < TODAY() AND household_size > [户人数] OR [低保户]"))).toEqual(
      ["birth_date", "household_size", "low_income"],
    );
    expect(formulaFields(compiled("1 + 2"))).toEqual([]);
  });
});

describe("checkFormula: problems", () => {
  it.each([
    ["[姓名] > [出生日期]", 1, "不能把字段「姓名」（文本）与字段「出生日期」（日期）比较"],
    ["[出生日期] = 'soon'", 10, "cannot compare field [出生日期] (date) with text"],
    ["[户人数] = '3'", 9, "不能把字段「户人数」（数字）与文本比较"],
    ["[姓名] + 1", 1, "连接文本请用 &"],
    ["1 + TRUE", 5, "needs a number, got yes/no"],
    ["NOT [户人数]", 5, "应为是否"],
    ["[低保户] AND 1", 11, "the right side of AND needs a yes/no"],
    ["AGE([姓名])", 5, "函数 AGE 的第 1 个参数应为日期，而这里是字段「姓名」（文本）"],
    ["DATEDIFF('week', TODAY(), TODAY())", 10, "'day', 'month' or 'year'"],
    ["IF([低保户], 1, 'x')", 14, "argument 3 of IF needs a number, got text"],
    ["如果(1, 1, 2)", 4, "函数 如果 的第 1 个参数应为是否"],
    ["LEFT([姓名], 'x')", 12, "argument 2 of LEFT"],
    ["[低保户] & 'x'", 1, "& cannot join a yes/no value"],
    ["CONCAT('a', TRUE)", 13, "CONCAT"],
    ["[特殊人群] = 'x'", 1, "cannot be used in formulas"],
  ])("%s", (source, position, fragment) => {
    const problem = problemOf(source);
    expect(problem).toMatchObject({ code: "formula-type", position });
    expect(problem.message).toContain(fragment);
  });

  it("names unknown fields with their position", () => {
    expect(problemOf("1 + [身份证号]")).toMatchObject({
      code: "formula-unknown-field",
      position: 5,
      message: '第 5 个字符处：没有名为「身份证号」的字段 / At character 5: no field named "身份证号"',
    });
    expect(problemOf("ROUND(nope)")).toMatchObject({ code: "formula-unknown-field", position: 7 });
  });

  it("refuses a formula field whose own type is unknown", () => {
    const fields = [{ key: "f", label: "公式", type: "formula" as const }];
    expect(compileFormula("[公式] & 'x'", fields)).toMatchObject({ code: "formula-type", position: 1 });
  });
});

describe("findCycle", () => {
  it("finds nothing in a chain", () => {
    expect(
      findCycle(
        new Map([
          ["a", ["b", "birth_date"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toBeNull();
  });

  it("returns the path that closes a cycle", () => {
    expect(findCycle(new Map([["a", ["a"]]]))).toEqual(["a", "a"]);
    expect(
      findCycle(
        new Map([
          ["x", ["a"]],
          ["a", ["b"]],
          ["b", ["c", "name"]],
          ["c", ["a"]],
        ]),
      ),
    ).toEqual(["a", "b", "c", "a"]);
  });
});
