import { describe, expect, it } from "vitest";
import { checkCell, dictionaryLookup, editableInline, editorStart, restoreInput, writable } from "./cells.ts";
import { FIELDS, row } from "./grid.test-support.ts";

const f = (key: string) => FIELDS.find((x) => x.key === key)!;
const dictionary = dictionaryLookup({
  sex: [
    { code: "1", label: "男" },
    { code: "2", label: "女" },
  ],
  special_groups: [
    { code: "01", label: "独居老人", colour: "#ea580c" },
    { code: "04", label: "低保户" },
  ],
});

describe("grid cells", () => {
  it("lets values be pasted into sensitive columns but edited in place only when not masked", () => {
    const masked = row(1, { mobile: "139****5678" }, ["mobile"]);
    const blank = row(2, {});
    expect(writable(f("mobile"))).toBe(true);
    expect(editableInline(f("mobile"), masked)).toBe(false);
    expect(editableInline(f("mobile"), blank)).toBe(true);
    expect(writable(f("age"))).toBe(false);
    expect(writable(f("photo"))).toBe(false);
  });

  it("checks typed and pasted text with the field type's rules, in the reader's language", () => {
    expect(checkCell(f("mobile"), " 139 1234 5678 ", dictionary, "zh-CN")).toEqual({
      ok: true,
      send: "139 1234 5678",
      display: "139****5678",
    });
    const bad = checkCell(f("mobile"), "12345", dictionary, "zh-CN");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^「手机号码」/);
    const en = checkCell(f("mobile"), "12345", dictionary, "en");
    expect(!en.ok && en.message).toMatch(/^手机号码: |mobile/i);
    expect(checkCell(f("name"), "  ", dictionary, "zh-CN")).toEqual({
      ok: false,
      message: "「姓名」必须填写",
    });
  });

  it("reads choices by name (and the built-in synonyms), shows them by name", () => {
    expect(checkCell(f("sex"), "女", dictionary, "zh-CN")).toMatchObject({ ok: true, display: "女" });
    expect(checkCell(f("groups"), "独居老人、低保户", dictionary, "zh-CN")).toMatchObject({
      ok: true,
      display: "独居老人、低保户",
    });
    expect(checkCell(f("groups"), ["01"], dictionary, "zh-CN")).toMatchObject({ ok: true });
    expect(checkCell(f("sex"), "未知", dictionary, "zh-CN").ok).toBe(false);
    expect(checkCell(f("subsidy"), "¥1,234.5", dictionary, "zh-CN")).toMatchObject({
      ok: true,
      display: "¥1,234.50",
    });
  });

  it("starts an editor from the value as a form would show it, and restores values for undo", () => {
    const r = row(3, { subsidy: 123450, groups: ["01", "04"], married: true, floorArea: 82.5 });
    expect(editorStart(f("subsidy"), r)).toBe("1234.50");
    expect(editorStart(f("groups"), r)).toEqual(["01", "04"]);
    expect(editorStart(f("married"), r)).toBe(true);
    expect(restoreInput(f("floorArea"), r)).toBe("82.5");
    expect(restoreInput(f("mobile"), r)).toBe("");
    expect(restoreInput(f("groups"), row(4, {}))).toEqual([]);
    expect(restoreInput(f("mobile"), row(5, { mobile: "139****5678" }, ["mobile"]))).toBeNull();
  });
});
