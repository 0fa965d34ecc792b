import { describe, expect, it } from "vitest";
import { fieldTypes } from "./i18n.ts";
import { OPERATORS } from "./operators.ts";
import { FIELD_TYPE_IDS, FIELD_TYPES, fieldType, isFieldTypeId } from "./registry.ts";
import { field } from "./test-support.ts";

const SPEC_A1 = [
  "text",
  "longtext",
  "integer",
  "decimal",
  "money",
  "date",
  "datetime",
  "boolean",
  "choice",
  "multichoice",
  "document",
  "mobile",
  "email",
  "address",
  "photo",
  "attachments",
  "link",
  "formula",
  "autonumber",
];

const lookup = (tree: object, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe("field type registry", () => {
  it("has exactly the 19 types of SPEC §A1, each under its own id", () => {
    expect([...FIELD_TYPE_IDS].sort()).toEqual([...SPEC_A1].sort());
    for (const id of FIELD_TYPE_IDS) expect(FIELD_TYPES[id].type).toBe(id);
  });

  it("gives each type only operators that exist, without repeats", () => {
    for (const id of FIELD_TYPE_IDS) {
      const { operators } = FIELD_TYPES[id];
      expect(operators.length, id).toBeGreaterThan(0);
      expect(new Set(operators).size, id).toBe(operators.length);
      for (const op of operators) expect(Object.keys(OPERATORS), `${id}: ${op}`).toContain(op);
    }
  });

  it("names every type and operator in Chinese and English", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const resources = { fieldTypes: fieldTypes[lang] };
      for (const id of FIELD_TYPE_IDS)
        expect(lookup(resources, FIELD_TYPES[id].labelKey), id).toBeTypeOf("string");
      for (const spec of Object.values(OPERATORS))
        expect(lookup(resources, spec.labelKey)).toBeTypeOf("string");
    }
    expect(Object.keys(fieldTypes.en.operators)).toEqual(Object.keys(OPERATORS));
  });

  it("marks documents and mobiles sensitive and computed types read-only", () => {
    const sensitive = FIELD_TYPE_IDS.filter((id) => FIELD_TYPES[id].sensitiveByDefault);
    expect(sensitive.sort()).toEqual(["document", "mobile"]);
    const readOnly = FIELD_TYPE_IDS.filter((id) => FIELD_TYPES[id].readOnly);
    expect(readOnly.sort()).toEqual(["autonumber", "formula"]);
    for (const id of readOnly) expect(FIELD_TYPES[id].editor).toBe("readonly");
  });

  it("gives null for empty input of every type", () => {
    for (const id of FIELD_TYPE_IDS)
      for (const blank of [null, undefined, "", "  　"]) {
        const result = FIELD_TYPES[id].parse(blank, field(id, { dictionary: "special_groups" }));
        expect(result, `${id} ${JSON.stringify(blank)}`).toEqual({ ok: true, value: null });
      }
  });

  it("looks types up by id and refuses unknown ids", () => {
    expect(fieldType("money")).toBe(FIELD_TYPES.money);
    expect(isFieldTypeId("toString")).toBe(false);
    expect(() => fieldType("spreadsheet")).toThrow(/Unknown field type/);
  });
});
