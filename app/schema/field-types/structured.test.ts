import { describe, expect, it } from "vitest";
import { FIELD_TYPES } from "./registry.ts";
import { expectProblem, field, parsed } from "./test-support.ts";

const zh = { lang: "zh-CN" } as const;

describe("text and long text", () => {
  it("tidies whitespace, and spaces inside a person's name", () => {
    expect(parsed("text", "  金融街　 街道 ")).toBe("金融街 街道");
    expect(parsed("text", "张　三", { personName: true })).toBe("张三");
    expect(parsed("text", 1985)).toBe("1985");
    expect(parsed("longtext", " 第一行  \r\n\r\n\r\n\r\n  第二行 ")).toBe("第一行\n\n第二行");
  });

  it("counts characters as people do and refuses non-text", () => {
    expect(parsed("text", "𠀀𠀀", { maxLength: 2 })).toBe("𠀀𠀀");
    expectProblem("text", "一二三", "text-too-long", { maxLength: 2 });
    expectProblem("longtext", "一二三", "text-too-long", { maxLength: 2 });
    expectProblem("text", { a: 1 }, "value-type");
    expectProblem("longtext", new Date(), "value-type");
  });
});

describe("address", () => {
  it("takes apart the addresses offices type", () => {
    expect(parsed("address", "金融街小区3号楼2单元501室")).toEqual({
      estate: "金融街小区",
      building: "3号楼",
      unit: "2单元",
      room: "501室",
    });
    expect(parsed("address", "丰盛社区西单北大街小区３－２－５０１")).toEqual({
      community: "丰盛社区",
      estate: "西单北大街小区",
      building: "3号楼",
      unit: "2单元",
      room: "501室",
    });
    expect(parsed("address", "二龙路社区 金融街小区 3-2-501 北侧")).toEqual({
      community: "二龙路社区",
      estate: "金融街小区",
      building: "3号楼",
      unit: "2单元",
      room: "501室",
      text: "北侧",
    });
    expect(parsed("address", "西城区金融街19号")).toEqual({ text: "西城区金融街19号" });
  });

  it("accepts the structured form and completes bare numbers", () => {
    expect(
      parsed("address", { estate: " 金融街小区 ", building: 3, unit: "2", room: "501", text: "" }),
    ).toEqual({
      estate: "金融街小区",
      building: "3号楼",
      unit: "2单元",
      room: "501室",
    });
    expect(parsed("address", { building: "", room: null })).toBeNull();
    expectProblem("address", { estate: ["金融街小区"] }, "value-type");
    expectProblem("address", 42, "value-type");
  });

  it("reads its own text back", () => {
    const value = parsed("address", "二龙路社区 金融街小区 3号楼 2单元 501室 北侧") as never;
    const text = FIELD_TYPES.address.format(value, field("address"), zh);
    expect(text).toBe("二龙路社区金融街小区3号楼2单元501室 北侧");
    expect(parsed("address", text)).toEqual(value);
  });
});

describe("photo and attachments", () => {
  it("keep stored file ids", () => {
    expect(parsed("photo", " f_01HZX3K9 ")).toBe("f_01HZX3K9");
    expect(parsed("attachments", "a1, b2；a1\nc3")).toEqual(["a1", "b2", "c3"]);
    expect(parsed("attachments", ["a1", "b2"])).toEqual(["a1", "b2"]);
    expect(
      parsed("attachments", FIELD_TYPES.attachments.format(["a1", "b2"], field("attachments"), zh)),
    ).toEqual(["a1", "b2"]);
  });

  it("refuse file names, paths and other values", () => {
    expectProblem("photo", "照片.jpg", "file-id-invalid");
    expectProblem("photo", "../etc/passwd", "file-id-invalid");
    expectProblem("photo", 12, "value-type");
    expectProblem("attachments", "a1, 合同.pdf", "file-id-invalid");
    expectProblem("attachments", [1], "value-type");
  });
});

describe("link", () => {
  const head = { linkTable: "people" };

  it("points at a record of the field's table", () => {
    expect(parsed("link", "JRJ-000123", head)).toEqual({ table: "people", id: "JRJ-000123" });
    expect(parsed("link", 42, head)).toEqual({ table: "people", id: "42" });
    expect(parsed("link", { table: "people", id: "JRJ-000123" }, head)).toEqual({
      table: "people",
      id: "JRJ-000123",
    });
    expect(FIELD_TYPES.link.format({ table: "people", id: "JRJ-000123" }, field("link", head), zh)).toBe(
      "JRJ-000123",
    );
  });

  it("refuses other tables and malformed references", () => {
    expectProblem("link", { table: "visits", id: "1" }, "link-table", head);
    expectProblem("link", "a b", "link-invalid", head);
    expectProblem("link", "JRJ-1", "link-invalid");
    expectProblem("link", true, "link-invalid", head);
  });
});

describe("formula and autonumber", () => {
  it("refuse every value with the reason", () => {
    expectProblem("formula", "42", "read-only", { formula: "年龄(出生日期)" });
    expectProblem("formula", 42, "read-only");
    expectProblem("autonumber", "JRJ-000123", "read-only");
    const result = FIELD_TYPES.formula.parse(70, field("formula", undefined, "年龄"));
    expect(!result.ok && result.message).toMatch(/^「年龄」由公式计算，不能填写或导入 \/ 年龄: is computed/);
  });

  it("show their values", () => {
    expect(FIELD_TYPES.formula.format(70, field("formula"), zh)).toBe("70");
    expect(FIELD_TYPES.formula.format(true, field("formula"), { lang: "en" })).toBe("Yes");
    expect(FIELD_TYPES.autonumber.format("JRJ-000123", field("autonumber"), zh)).toBe("JRJ-000123");
  });
});
