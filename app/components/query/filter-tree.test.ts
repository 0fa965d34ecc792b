import { describe, expect, it } from "vitest";
import type { Condition, FilterGroup } from "../../query/view.ts";
import {
  appendTo,
  canNestIn,
  changeField,
  changeOperator,
  conditionsWithPaths,
  countConditions,
  emptyGroup,
  MAX_DEPTH,
  newCondition,
  nodeAt,
  pruneFilter,
  removeAt,
  setJoin,
  updateCondition,
} from "./filter-tree.ts";
import { FIELDS } from "./fixtures.test-support.ts";

const field = (key: string) => FIELDS.find((f) => f.key === key)!;
const cond = (f: string, op: Condition["op"], rest: Partial<Condition> = {}): Condition => ({
  kind: "condition",
  field: f,
  op,
  ...rest,
});

// (年龄 ≥ 70 and 特殊人群 has 独居老人) or 低保户
const sample: FilterGroup = {
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

describe("filter tree by path", () => {
  it("finds nodes and leaves the original untouched on edits", () => {
    expect(nodeAt(sample, [0, 1])).toEqual(cond("specialGroups", "has_any", { values: ["dj"] }));
    expect(nodeAt(sample, [5])).toBeUndefined();
    expect(nodeAt(sample, [1, 0])).toBeUndefined();
    const before = JSON.stringify(sample);
    const next = updateCondition(sample, [0, 0], (c) => ({ ...c, value: 80 }));
    expect(JSON.stringify(sample)).toBe(before);
    expect((nodeAt(next, [0, 0]) as Condition).value).toBe(80);
    // Siblings are shared, not copied.
    expect(next.items[1]).toBe(sample.items[1]);
  });

  it("adds conditions and groups, removes and switches the join", () => {
    let f = appendTo(emptyGroup(), [], newCondition(field("age")));
    f = appendTo(f, [], emptyGroup("or"));
    f = appendTo(f, [1], newCondition(field("sex")));
    expect(countConditions(f)).toBe(2);
    expect(nodeAt(f, [1, 0])).toEqual({ kind: "condition", field: "sex", op: "eq" });
    f = setJoin(f, [1], "and");
    expect((nodeAt(f, [1]) as FilterGroup).join).toBe("and");
    f = removeAt(f, [0]);
    expect(f.items).toHaveLength(1);
    expect(removeAt(f, []).items).toEqual([]);
    // A path that leads nowhere changes nothing.
    expect(appendTo(f, [7], newCondition())).toEqual(f);
  });

  it("lists conditions with their paths and limits nesting", () => {
    expect(conditionsWithPaths(sample).map((c) => c.path)).toEqual([[0, 0], [0, 1], [1]]);
    expect(canNestIn([])).toBe(true);
    expect(canNestIn(Array.from({ length: MAX_DEPTH - 1 }, () => 0))).toBe(false);
  });

  it("prunes empty groups before a run", () => {
    const f: FilterGroup = {
      kind: "group",
      join: "and",
      items: [emptyGroup(), { kind: "group", join: "or", items: [emptyGroup()] }, cond("age", "gte")],
    };
    expect(pruneFilter(f)).toEqual({ kind: "group", join: "and", items: [cond("age", "gte")] });
    expect(pruneFilter(emptyGroup())).toBeUndefined();
    expect(pruneFilter(undefined)).toBeUndefined();
  });
});

describe("new conditions and their changes", () => {
  it("starts with a useful operator for the field", () => {
    expect(newCondition(field("sex")).op).toBe("eq");
    expect(newCondition(field("specialGroups")).op).toBe("has_any");
    expect(newCondition(field("address")).op).toBe("contains");
    expect(newCondition()).toEqual({ kind: "condition", field: "", op: "eq" });
  });

  it("keeps the operator and operand only where they still fit", () => {
    const age = cond("age", "gte", { value: 70 });
    // Another field of another type: operand dropped; gte is not a choice operator.
    expect(changeField(age, field("sex"), field("age"))).toEqual({
      kind: "condition",
      field: "sex",
      op: "eq",
    });
    // Same type: the value stays.
    const d = cond("birthDate", "before", { value: "1950-01-01" });
    expect(changeField(d, field("registeredOn"), field("birthDate"))).toEqual({
      ...d,
      field: "registeredOn",
    });
    // ≥ 70 becomes > 70, but between starts over.
    expect(changeOperator(age, "gt")).toEqual({ ...age, op: "gt" });
    expect(changeOperator(age, "between")).toEqual({ kind: "condition", field: "age", op: "between" });
  });
});
