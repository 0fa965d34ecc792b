import { describe, expect, it } from "vitest";
import type { Condition, FilterGroup } from "../../query/view.ts";
import { FIELDS, gridField, zh } from "./fixtures.test-support.ts";
import {
  conditionProblem,
  filterProblems,
  parseNumber,
  splitList,
  typedValue,
  valueInput,
} from "./operand.ts";

const field = (key: string) => FIELDS.find((f) => f.key === key)!;
const cond = (f: string, op: Condition["op"], rest: Partial<Condition> = {}): Condition => ({
  kind: "condition",
  field: f,
  op,
  ...rest,
});
const problem = (c: Condition) => conditionProblem(c, FIELDS);

describe("operand inputs", () => {
  it("picks the input by field type", () => {
    expect(valueInput(field("sex"))).toBe("select");
    expect(valueInput(field("specialGroups"))).toBe("select");
    expect(valueInput(field("lowIncome"))).toBe("boolean");
    expect(valueInput(field("floorArea"))).toBe("number");
    expect(valueInput(field("subsidy"))).toBe("number");
    expect(valueInput(field("birthDate"))).toBe("date");
    expect(valueInput(field("name"))).toBe("text");
    expect(valueInput(gridField("c", "无字典", "choice"))).toBe("text");
  });

  it("reads numbers and lists the way offices type them", () => {
    expect(parseNumber("７０")).toBe(70);
    expect(parseNumber(" 1,234.5 ")).toBe(1234.5);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("七十")).toBeNaN();
    expect(splitList("张三,李四、王五；赵六，\n钱七")).toEqual(["张三", "李四", "王五", "赵六", "钱七"]);
    expect(typedValue(field("floorArea"), "85.5")).toBe(85.5);
    expect(typedValue(field("floorArea"), "abc")).toBe("abc");
    expect(typedValue(field("age"), "70")).toBe(70);
    expect(typedValue(field("name"), "70")).toBe("70");
    expect(typedValue(field("name"), " ")).toBeNull();
  });
});

describe("incomplete conditions", () => {
  it("finds each kind of gap", () => {
    expect(problem(cond("", "eq"))).toBe("noField");
    expect(problem(cond("gone", "eq", { value: 1 }))).toBe("unknownField");
    expect(problem(cond("sex", "gte", { value: "1" }))).toBe("badOperator");
    expect(problem(cond("sex", "eq"))).toBe("missingValue");
    expect(problem(cond("sex", "eq", { value: "1" }))).toBeNull();
    expect(problem(cond("floorArea", "gt", { value: "abc" }))).toBe("badNumber");
    expect(problem(cond("birthDate", "before", { value: "1950/1/1" }))).toBe("badDate");
    expect(problem(cond("name", "contains", { value: " " }))).toBe("missingValue");
    expect(problem(cond("specialGroups", "has_any", { values: [] }))).toBe("missingValue");
    expect(problem(cond("specialGroups", "has_any", { values: ["dj"] }))).toBeNull();
    expect(problem(cond("floorArea", "between", { values: [90] }))).toBe("badRange");
    expect(problem(cond("floorArea", "between", { values: [90, 60] }))).toBe("badRange");
    expect(problem(cond("birthDate", "between", { values: ["1950-01-01", "1960-12-31"] }))).toBeNull();
    expect(problem(cond("registeredOn", "last_n_days", { value: 0 }))).toBe("badDays");
    expect(problem(cond("registeredOn", "last_n_days", { value: 30 }))).toBeNull();
    expect(problem(cond("birthDate", "age_between", { values: [80, 60] }))).toBe("badYears");
    expect(problem(cond("mobile", "empty"))).toBeNull();
  });

  it("collects problems with paths and Chinese messages", () => {
    const f: FilterGroup = {
      kind: "group",
      join: "and",
      items: [cond("age", "gte", { value: 70 }), { kind: "group", join: "or", items: [cond("sex", "eq")] }],
    };
    const found = filterProblems(f, FIELDS);
    expect(found).toEqual([{ path: [1, 0], code: "missingValue", field: "性别" }]);
    expect(zh(`query.problems.${found[0]!.code}`, { field: found[0]!.field })).toBe("请填写“性别”要比较的值");
  });
});
