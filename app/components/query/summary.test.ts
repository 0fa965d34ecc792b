import { describe, expect, it } from "vitest";
import type { Condition, FilterGroup } from "../../query/view.ts";
import { en, FIELDS, TABLE, zh } from "./fixtures.test-support.ts";
import { conditionSummary, filterSummary } from "./summary.ts";

const cond = (f: string, op: Condition["op"], rest: Partial<Condition> = {}): Condition => ({
  kind: "condition",
  field: f,
  op,
  ...rest,
});
const one = (c: Condition, t = zh) => conditionSummary(c, FIELDS, TABLE.dictionaries, t);

describe("filter summary", () => {
  it("reads like staff say it", () => {
    const filter: FilterGroup = {
      kind: "group",
      join: "or",
      items: [
        {
          kind: "group",
          join: "and",
          items: [cond("age", "gte", { value: 70 }), cond("specialGroups", "has_any", { values: ["dj"] })],
        },
        cond("lowIncome", "eq", { value: true }),
      ],
    };
    expect(filterSummary(filter, FIELDS, TABLE.dictionaries, zh)).toBe(
      "（年龄 ≥ 70 并且 特殊人群 包含 独居老人）或者 低保户",
    );
    expect(filterSummary(filter, FIELDS, TABLE.dictionaries, en)).toBe(
      "(年龄 ≥ 70 and 特殊人群 has 独居老人) or 低保户",
    );
  });

  it("names every operand kind", () => {
    expect(one(cond("lowIncome", "eq", { value: false }))).toBe("非低保户");
    expect(one(cond("mobile", "empty"))).toBe("手机号码 为空");
    expect(one(cond("name", "contains", { value: "张" }))).toBe("姓名 包含 “张”");
    expect(one(cond("sex", "eq", { value: "2" }))).toBe("性别 = 女");
    expect(one(cond("category", "in", { values: ["hj", "ld"] }))).toBe("人员类别 属于 户籍人口、流动人口");
    expect(one(cond("category", "not_in", { values: ["ld"] }))).toBe("人员类别 ≠ 流动人口");
    expect(one(cond("specialGroups", "has_all", { values: ["dj", "kc"] }))).toBe(
      "特殊人群 同时包含 独居老人、空巢老人",
    );
    expect(one(cond("floorArea", "between", { values: [60, 90] }))).toBe("住房面积(㎡) 介于 60 至 90");
    expect(one(cond("registeredOn", "last_n_days", { value: 30 }))).toBe("登记日期 最近 30 天内");
    expect(one(cond("birthDate", "age_between", { values: [60, 80] }))).toBe("出生日期 年龄介于 60 至 80 岁");
    expect(one(cond("birthDate", "before", { value: "1950-01-01" }))).toBe("出生日期 早于 1950-01-01");
  });

  it("shows what is still missing", () => {
    expect(one(cond("age", "gte"))).toBe("年龄 ≥ …");
    expect(one(cond("", "eq"))).toBe("… = …");
    expect(filterSummary({ kind: "group", join: "and", items: [] }, FIELDS, {}, zh)).toBe("");
    // A nested group of one item needs no brackets; empty groups vanish.
    const f: FilterGroup = {
      kind: "group",
      join: "and",
      items: [
        { kind: "group", join: "or", items: [cond("sex", "eq", { value: "1" })] },
        { kind: "group", join: "or", items: [] },
        cond("age", "lt", { value: 18 }),
      ],
    };
    expect(filterSummary(f, FIELDS, TABLE.dictionaries, zh)).toBe("性别 = 男 并且 年龄 < 18");
  });
});
