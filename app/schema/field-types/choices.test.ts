import { describe, expect, it } from "vitest";
import type { Dictionary } from "../dictionaries/index.ts";
import { FIELD_TYPES } from "./registry.ts";
import { expectProblem, field, parsed } from "./test-support.ts";

const ethnicity = { dictionary: "ethnicity" };
const groups = { dictionary: "special_groups" };
const zh = { lang: "zh-CN" } as const;

describe("choice", () => {
  it("stores the code of the option named by label, synonym or code", () => {
    const han = parsed("choice", "汉族", ethnicity);
    expect(parsed("choice", " 汉 ", ethnicity)).toBe(han);
    expect(parsed("choice", han, ethnicity)).toBe(han);
    expect(FIELD_TYPES.choice.format(han as string, field("choice", ethnicity), zh)).toBe("汉族");
  });

  it("uses the dictionary as staff edited it", () => {
    const edited: Dictionary = {
      key: "ethnicity",
      name: "民族",
      nameEn: "Ethnicity",
      options: [{ code: "x", label: "新选项" }],
    };
    const ctx = { dictionary: (key: string) => (key === "ethnicity" ? edited : undefined) };
    expect(FIELD_TYPES.choice.parse("新选项", field("choice", ethnicity), ctx)).toEqual({
      ok: true,
      value: "x",
    });
    expect(FIELD_TYPES.choice.format("x", field("choice", ethnicity), { lang: "zh-CN", ...ctx })).toBe(
      "新选项",
    );
  });

  it("refuses unknown options, several options and a missing dictionary", () => {
    expectProblem("choice", "火星族", "choice-unknown", ethnicity);
    expectProblem("choice", "汉族、回族", "choice-single", ethnicity);
    expectProblem("choice", "汉族", "dictionary-missing", { dictionary: "no_such" });
    expectProblem("choice", "汉族", "dictionary-missing");
    expectProblem("choice", ["汉族"], "value-type", ethnicity);
  });
});

describe("multichoice", () => {
  it("splits a cell on every separator offices use and keeps dictionary order", () => {
    const both = parsed("multichoice", "低保户、独居老人", groups) as string[];
    expect(both).toHaveLength(2);
    for (const raw of [
      "独居老人,低保",
      "低保户，独居老人",
      "低保户;独居老人",
      "低保户；独居老人",
      "低保户/独居老人",
      "低保户\n独居老人",
    ])
      expect(parsed("multichoice", raw, groups), raw).toEqual(both);
    expect(parsed("multichoice", ["独居老人", "低保户", "低保"], groups)).toEqual(both);
    expect(FIELD_TYPES.multichoice.format(both, field("multichoice", groups), zh)).toBe("独居老人、低保户");
  });

  it("takes an option whose name holds a separator whole", () => {
    const relation = { dictionary: "relation_to_head" };
    expect(parsed("multichoice", "孙子、孙女或外孙子、外孙女", relation)).toEqual(["40"]);
  });

  it("names every unknown option", () => {
    expectProblem("multichoice", "独居老人、外星人、超人", "choice-unknown", groups);
    const result = FIELD_TYPES.multichoice.parse("外星人、超人", field("multichoice", groups));
    expect(!result.ok && result.message).toContain("“外星人”、“超人”");
    expectProblem("multichoice", [1, 2], "value-type", groups);
  });
});
