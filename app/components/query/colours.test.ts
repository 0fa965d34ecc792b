import { describe, expect, it } from "vitest";
import {
  incompleteRules,
  legendEntries,
  moveRule,
  newRule,
  paletteChanges,
  pickerColours,
  removeFromPalette,
  removeRule,
  ruleText,
  setMeaning,
  textOn,
  toggleColour,
  toggleRuleValue,
} from "./colours.ts";
import { FIELDS, TABLE, zh } from "./fixtures.test-support.ts";

const field = (key: string) => FIELDS.find((f) => f.key === key)!;

describe("colour filter and palette", () => {
  it("toggles colours case-insensitively", () => {
    let c = toggleColour(undefined, "#F97316");
    expect(c).toEqual(["#f97316"]);
    c = toggleColour(c, "#ef4444");
    expect(toggleColour(c, "#f97316")).toEqual(["#ef4444"]);
    expect(toggleColour(["#ef4444"], "#EF4444")).toBeUndefined();
  });

  it("keeps meanings and offers presets when a table has no palette", () => {
    let p = setMeaning([], "#F97316", "重点关注");
    p = setMeaning(p, "#f97316", "独居老人");
    expect(p).toEqual([{ colour: "#f97316", meaning: "独居老人" }]);
    expect(removeFromPalette(p, "#F97316")).toEqual([]);
    expect(pickerColours([]).length).toBeGreaterThan(5);
    expect(pickerColours(p)).toEqual(p);
    expect(textOn("#fef08a")).toBe("#1c1917");
    expect(textOn("#1e3a8a")).toBe("#ffffff");
  });

  it("turns an edited palette into additions, new meanings and removals", () => {
    const before = [
      { id: 1, colour: "#ef4444", meaning: "需要帮扶" },
      { id: 2, colour: "#f97316", meaning: "重点关注" },
      { id: 3, colour: "#6b7280", meaning: "已迁出" },
    ];
    const after = [
      { id: 1, colour: "#ef4444", meaning: "需要帮扶" },
      { id: 2, colour: "#F97316", meaning: "独居老人" },
      { colour: "#8b5cf6", meaning: "重点帮扶对象" },
    ];
    expect(paletteChanges(before, after)).toEqual({
      add: [{ colour: "#8b5cf6", meaning: "重点帮扶对象" }],
      update: [{ id: 2, meaning: "独居老人" }],
      remove: [3],
    });
  });
});

describe("colour rules", () => {
  it("builds, edits and orders rules", () => {
    const r1 = toggleRuleValue(newRule(field("specialGroups"), []), "dj");
    expect(r1).toEqual({ field: "specialGroups", values: ["dj"], colour: "#ef4444", target: "row" });
    const r2 = newRule(field("lowIncome"), [r1]);
    expect(r2.colour).toBe("#f97316");
    // Colours the palette gives a meaning are left to the marks while others remain.
    expect(newRule(field("lowIncome"), [r1], [{ colour: "#F97316", meaning: "重点关注" }]).colour).toBe(
      "#eab308",
    );
    expect(incompleteRules([r1, r2], FIELDS)).toEqual([1]);
    expect(moveRule([r1, r2], 1, -1)).toEqual([r2, r1]);
    expect(moveRule([r1, r2], 1, 1)).toEqual([r1, r2]);
    expect(removeRule([r1, r2], 0)).toEqual([r2]);
    expect(toggleRuleValue(r1, "dj").values).toEqual([]);
  });

  it("describes rules for the legend", () => {
    const rule = { field: "specialGroups", values: ["dj", "cj"], colour: "#f97316", target: "row" as const };
    expect(ruleText(rule, FIELDS, TABLE.dictionaries, zh)).toBe("特殊人群 = 独居老人、残疾人");
    const yes = { field: "lowIncome", values: ["true"], colour: "#ef4444", target: "cell" as const };
    expect(ruleText(yes, FIELDS, TABLE.dictionaries, zh)).toBe("低保户 = 是");
    expect(ruleText({ ...yes, label: "低保" }, FIELDS, TABLE.dictionaries, zh)).toBe("低保");
    const describe = (r: typeof rule | typeof yes) => ruleText(r, FIELDS, TABLE.dictionaries, zh);
    const legend = legendEntries(
      [{ colour: "#ef4444", meaning: "重点关注" }],
      [rule, yes, { ...yes, colour: "#f97316" }],
      describe,
    );
    expect(legend).toEqual([
      { colour: "#ef4444", meaning: "重点关注", source: "palette" },
      { colour: "#f97316", meaning: "特殊人群 = 独居老人、残疾人；低保户 = 是", source: "rule" },
      { colour: "#ef4444", meaning: "低保户 = 是", source: "rule" },
    ]);
  });
});
