import { describe, expect, it } from "vitest";
import { ELEMENT_TYPES, elementSchema, printTemplateSchema } from "../../print/template.ts";
import {
  addElement,
  blankTemplate,
  canvasScale,
  draftOf,
  dragTo,
  duplicateElement,
  fillMerge,
  insertTag,
  labelSummary,
  mergeSegments,
  moveElement,
  newElement,
  nudge,
  patchElement,
  removeElement,
  sampleValues,
  snap,
  sortErrors,
  stableJson,
} from "./designerModel.ts";

const names = ["姓名", "系统编号", "邮政编码", "现住址"];

describe("a blank template", () => {
  it("is A4 portrait, one label, 10 mm margins, and valid once named", () => {
    const blank = blankTemplate("badge");
    expect(blank).toMatchObject({
      category: "badge",
      paper: { size: "A4", orientation: "portrait" },
      margins: { top: 10, right: 10, bottom: 10, left: 10 },
      grid: { columns: 1, rows: 1 },
      elements: [],
    });
    expect(printTemplateSchema.safeParse({ ...blank, name: "胸卡" }).success).toBe(true);
    // The schema fills nothing in: the draft already holds every default.
    expect(stableJson(printTemplateSchema.parse({ ...blank, name: "胸卡" }))).toBe(
      stableJson({ ...blank, name: "胸卡" }),
    );
  });
});

describe("new elements", () => {
  it("are valid for every type, at 5, 5 mm, named as asked", () => {
    for (const type of ELEMENT_TYPES) {
      const el = newElement(type, { names, label: `新${type}` });
      const parsed = elementSchema.safeParse(el);
      expect(parsed.success, type).toBe(true);
      expect(el).toMatchObject({ type, x: 5, y: 5, name: `新${type}` });
      // What the schema would fill in is there already (a saved template compares equal to the draft).
      expect(stableJson(parsed.data)).toBe(stableJson(el));
    }
  });

  it("take merge names the table has", () => {
    expect(newElement("text", { names, label: "文字" })).toMatchObject({ text: "{{姓名}}" });
    expect(newElement("qr", { names, label: "二维码" })).toMatchObject({ text: "{{系统编号}}" });
    expect(newElement("qr", { names: [], label: "二维码" })).toMatchObject({ text: "" });
    expect(newElement("photo", { names, label: "照片", photoField: "photo" })).toMatchObject({
      field: "photo",
    });
    expect(newElement("photo", { names, label: "照片" })).not.toHaveProperty("field");
  });
});

describe("the draft", () => {
  const start = () => {
    let d = draftOf(blankTemplate());
    for (const label of ["a", "b", "c"]) d = addElement(d, newElement("text", { names, label })).draft;
    return d;
  };
  const order = (d: ReturnType<typeof start>) => d.template.elements.map((el) => el.name);

  it("keeps each element's id through reordering, copying and deleting", () => {
    let d = start();
    expect(d.ids).toEqual([1, 2, 3]);
    d = moveElement(d, 0, 1);
    expect(order(d)).toEqual(["b", "a", "c"]);
    expect(d.ids).toEqual([2, 1, 3]);
    expect(moveElement(d, 2, 1)).toBe(d);
    const copied = duplicateElement(d, 1, (n) => `${n} 副本`);
    expect(copied.id).toBe(4);
    expect(order(copied.draft)).toEqual(["b", "a", "a 副本", "c"]);
    expect(copied.draft.template.elements[2]).toMatchObject({ x: 7, y: 7 });
    d = removeElement(copied.draft, 0);
    expect(d.ids).toEqual([1, 4, 3]);
    expect(addElement(d, newElement("rect", { names, label: "r" })).id).toBe(5);
  });

  it("changes one element's properties, never its type", () => {
    const d = patchElement(start(), 1, { x: 12.5, type: "rect" } as never);
    expect(d.template.elements[1]).toMatchObject({ type: "text", x: 12.5, name: "b" });
    expect(d.template.elements[0]).toMatchObject({ x: 5 });
  });

  it("pins server errors to the element they were about, wherever it has moved", () => {
    const d = start();
    const sorted = sortErrors(
      {
        "elements.2.text": "「c」中的 {{座右铭}} 不是字段",
        "elements.0": "x",
        name: "请填写模板名称",
        "elements.9.text": "?",
      },
      d.ids,
    );
    expect(sorted.elements.get(3)).toEqual({ text: "「c」中的 {{座右铭}} 不是字段" });
    expect(sorted.elements.get(1)).toEqual({ "": "x" });
    expect(sorted.other).toEqual({ name: "请填写模板名称", "elements.9.text": "?" });
  });
});

describe("geometry", () => {
  it("snaps to 0.5 mm without float dust", () => {
    expect(snap(10.24)).toBe(10);
    expect(snap(10.26)).toBe(10.5);
    expect(snap(0.1 + 0.2)).toBe(0.5);
    expect(snap(-3.3)).toBe(-3.5);
  });

  it("moves by the pointer's pixels at the scale, snapped", () => {
    expect(dragTo({ x: 10, y: 20 }, 53, -10, 5)).toEqual({ x: 20.5, y: 18 });
  });

  it("nudges by 0.5 mm, or 5 mm with Shift, and ignores other keys", () => {
    expect(nudge({ x: 10, y: 10 }, "ArrowLeft", false)).toEqual({ x: 9.5, y: 10 });
    expect(nudge({ x: 10, y: 10 }, "ArrowDown", true)).toEqual({ x: 10, y: 15 });
    expect(nudge({ x: 10, y: 10 }, "a", false)).toBeNull();
  });

  it("fits the label to the width, and tall labels to the height", () => {
    expect(
      canvasScale({ width: 90, height: 64.75 }, { width: 1000, maxWidth: 480, maxHeight: 720 }),
    ).toBeCloseTo(480 / 90);
    expect(
      canvasScale({ width: 90, height: 64.75 }, { width: 300, maxWidth: 480, maxHeight: 720 }),
    ).toBeCloseTo(300 / 90);
    expect(
      canvasScale({ width: 210, height: 297 }, { width: 1000, maxWidth: 560, maxHeight: 594 }),
    ).toBeCloseTo(2);
  });

  it("sums up the badge sheet: 8 labels of 90 × 63.8 mm", () => {
    const badge = {
      paper: { size: "A4", orientation: "portrait" },
      margins: { top: 12, right: 12, bottom: 12, left: 12 },
      grid: { columns: 2, rows: 4, gapX: 6, gapY: 6, cutMarks: true },
    } as const;
    expect(labelSummary(badge)).toEqual({ width: 90, height: 63.8, count: 8 });
  });
});

describe("merge texts", () => {
  it("are cut into literal parts and tags", () => {
    expect(mergeSegments("编号 {{系统编号}}！{{ 姓名 }}")).toEqual([
      { text: "编号 " },
      { text: "{{系统编号}}", tag: "系统编号" },
      { text: "！" },
      { text: "{{ 姓名 }}", tag: "姓名" },
    ]);
    expect(mergeSegments("无标签")).toEqual([{ text: "无标签" }]);
  });

  it("fill from a record, its postcode found in the address, defaults for what it lacks", () => {
    const values = sampleValues(
      { 姓名: "张伟", 现住址: "北京市西城区 100033 金融街", 落款: "" },
      { 落款: "街道办", 姓名: "某某" },
    );
    expect(values).toMatchObject({ 姓名: "张伟", 邮政编码: "100033", 落款: "街道办" });
    expect(fillMerge("{{姓名}}（{{邮政编码}}）{{座右铭}}", values)).toBe("张伟（100033）");
  });

  it("take a tag at the cursor, in place of a selection", () => {
    expect(insertTag("您好，！", 3, 3, "姓名")).toEqual({ text: "您好，{{姓名}}！", caret: 9 });
    expect(insertTag("abc", 1, 2, "x")).toEqual({ text: "a{{x}}c", caret: 6 });
    expect(insertTag("abc", 99, 99, "x")).toEqual({ text: "abc{{x}}", caret: 8 });
  });
});

describe("stableJson", () => {
  it("compares objects by content, not key order", () => {
    expect(stableJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: 3 } })).toBe(
      stableJson({ a: { c: 3, d: [1, { e: 1, f: 2 }] }, b: 1 }),
    );
    expect(stableJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
