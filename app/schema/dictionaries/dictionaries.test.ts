import { describe, expect, it } from "vitest";
import {
  BUILT_IN_DICTIONARIES,
  BUILT_IN_DICTIONARY_LIST,
  matchOption,
  normaliseOptionText,
  PALETTE,
} from "./index.ts";

const { ethnicity, education, sex, relation_to_head, special_groups, person_category } =
  BUILT_IN_DICTIONARIES;

describe("built-in dictionaries", () => {
  it("list all 56 ethnic groups with unique GB 3304 codes 01–56 and unique labels", () => {
    const groups = ethnicity.options.filter((o) => Number(o.code) >= 1 && Number(o.code) <= 56);
    expect(groups).toHaveLength(56);
    expect(new Set(groups.map((o) => o.code)).size).toBe(56);
    expect(new Set(groups.map((o) => o.label)).size).toBe(56);
    expect(groups.every((o) => o.label.endsWith("族"))).toBe(true);
    expect(groups.map((o) => o.code)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
  });

  it("are keyed by their own key", () => {
    for (const [key, dictionary] of Object.entries(BUILT_IN_DICTIONARIES)) expect(dictionary.key).toBe(key);
  });

  for (const dictionary of BUILT_IN_DICTIONARY_LIST) {
    it(`${dictionary.name}: codes unique, and no text names two options`, () => {
      const codes = dictionary.options.map((o) => o.code);
      expect(new Set(codes).size).toBe(codes.length);
      const owner = new Map<string, string>();
      for (const option of dictionary.options) {
        for (const text of [option.label, option.code, ...(option.synonyms ?? [])]) {
          const key = normaliseOptionText(text);
          const previous = owner.get(key);
          if (previous !== undefined && previous !== option.code)
            throw new Error(`${dictionary.name}: "${text}" names both ${previous} and ${option.code}`);
          owner.set(key, option.code);
        }
      }
    });

    it(`${dictionary.name}: colours come from the palette and parents exist`, () => {
      const palette = new Set<string>(Object.values(PALETTE));
      const codes = new Set(dictionary.options.map((o) => o.code));
      for (const option of dictionary.options) {
        if (option.colour !== undefined) expect(palette.has(option.colour)).toBe(true);
        if (option.parent !== undefined) expect(codes.has(option.parent)).toBe(true);
      }
    });
  }
});

describe("matchOption", () => {
  it("finds an option by label, code or synonym", () => {
    expect(matchOption(ethnicity, "汉族")?.code).toBe("01");
    expect(matchOption(ethnicity, "汉")?.label).toBe("汉族");
    expect(matchOption(ethnicity, "11")?.label).toBe("满族");
    expect(matchOption(ethnicity, "维族")?.label).toBe("维吾尔族");
    expect(matchOption(education, "本科")?.label).toBe("大学本科");
    expect(matchOption(education, "大本")?.label).toBe("大学本科");
    expect(matchOption(education, "大专")?.label).toBe("大学专科");
    expect(matchOption(sex, "男性")?.label).toBe("男");
    expect(matchOption(relation_to_head, "长子")?.label).toBe("子");
    expect(matchOption(special_groups, "五保户")?.label).toBe("特困人员");
    expect(matchOption(person_category, "店主")?.parent).toBe("3");
  });

  it("cleans the cell first: spaces, full-width forms and case", () => {
    expect(matchOption(ethnicity, " 汉 族 ")?.code).toBe("01");
    expect(matchOption(ethnicity, "\u3000回族\u3000")?.code).toBe("03");
    expect(matchOption(ethnicity, "０１")?.label).toBe("汉族");
    expect(matchOption(sex, "ｍ")?.label).toBe("男");
    expect(matchOption(sex, "Female")?.label).toBe("女");
  });

  it("returns undefined for blanks and unknown text", () => {
    expect(matchOption(ethnicity, "")).toBeUndefined();
    expect(matchOption(ethnicity, "  ")).toBeUndefined();
    expect(matchOption(ethnicity, "火星族")).toBeUndefined();
    expect(matchOption(education, "01")).toBeUndefined();
  });

  it("matches every value the sample office sheets hold", () => {
    for (const value of ["汉族", "满族", "回族", "蒙古族", "朝鲜族", "维吾尔族"])
      expect(matchOption(ethnicity, value)).toBeDefined();
    for (const value of ["独居老人", "残疾人", "低保户", "退役军人", "失独家庭"])
      expect(matchOption(special_groups, value)).toBeDefined();
  });
});
