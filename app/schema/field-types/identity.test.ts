import { describe, expect, it } from "vitest";
import { FIELD_TYPES } from "./registry.ts";
import { expectProblem, field, parse, parsed } from "./test-support.ts";

// 11010519491231002X is the example number of GB 11643-1999.
const ID = "11010519491231002X";
const today = { today: "2026-05-01" };

describe("document", () => {
  it("reads a bare ID number as a 居民身份证 and tells birth date and sex", () => {
    expect(parse("document", "110105 19491231 002x", undefined, today)).toEqual({
      ok: true,
      value: { type: "resident_id", number: ID },
      details: { birthDate: "1949-12-31", sex: "female" },
    });
  });

  it("upgrades a 15-digit number, also from a numeric cell", () => {
    const result = parse("document", 110105491231002, undefined, today);
    expect(result.ok && result.details?.upgradedFrom).toBe("110105491231002");
  });

  it("reads the type from an object, a name in front or the dictionary", () => {
    expect(parsed("document", { type: "passport_cn", number: "e12345678" })).toEqual({
      type: "passport_cn",
      number: "E12345678",
    });
    expect(parsed("document", "护照 E12345678")).toEqual({ type: "passport_cn", number: "E12345678" });
    expect(parsed("document", "护照：X1234567Z")).toEqual({ type: "passport_other", number: "X1234567Z" });
    expect(parsed("document", { type: "回乡证", number: "H12345678" })).toEqual({
      type: "hk_macao_permit",
      number: "H12345678",
    });
    expect(parsed("document", { type: "511", number: "12345678" })).toEqual({
      type: "taiwan_permit",
      number: "12345678",
    });
    expect(parsed("document", "H12345678", { documentTypes: ["hk_macao_permit"] })).toEqual({
      type: "hk_macao_permit",
      number: "H12345678",
    });
  });

  it("refuses wrong numbers, unknown and unaccepted types, and numbers Excel cut", () => {
    expectProblem("document", "11010519491231002Y", "id-format");
    expectProblem("document", "110105194912310021", "id-checksum");
    expectProblem("document", 110105194912310020, "id-precision-lost");
    expectProblem("document", "1.10105E+17", "id-precision-lost");
    expectProblem("document", "E12345678", "document-type-missing");
    expectProblem("document", { type: "驾驶证", number: "123" }, "document-type");
    expectProblem("document", "护照 E12", "document-format");
    expectProblem("document", ID, "document-type-not-allowed", {
      documentTypes: ["passport_cn", "passport_other"],
    });
    expectProblem("document", true, "value-type");
  });

  it("masks and round-trips through its text", () => {
    const f = field("document");
    const id = { type: "resident_id" as const, number: ID };
    expect(FIELD_TYPES.document.format(id, f, { lang: "zh-CN", masked: true })).toBe("110105********002X");
    const passport = { type: "passport_cn" as const, number: "E12345678" };
    const text = FIELD_TYPES.document.format(passport, f, { lang: "zh-CN" });
    expect(text).toBe("中华人民共和国护照 E12345678");
    expect(parsed("document", text)).toEqual(passport);
    expect(parsed("document", FIELD_TYPES.document.format(id, f, { lang: "en" }))).toEqual(id);
  });
});

describe("mobile", () => {
  it("normalises spaces, dashes, +86 and numeric cells", () => {
    expect(parsed("mobile", "+86 138-0013-8000")).toBe("13800138000");
    expect(parsed("mobile", 13800138000)).toBe("13800138000");
    expect(FIELD_TYPES.mobile.format("13800138000", field("mobile"), { lang: "zh-CN", masked: true })).toBe(
      "138****8000",
    );
  });

  it("refuses numbers that are not mainland mobiles", () => {
    expectProblem("mobile", "010-66012345", "phone-invalid");
    expectProblem("mobile", "1380013800", "phone-invalid");
    expectProblem("mobile", { number: "13800138000" }, "value-type");
  });
});

describe("email", () => {
  it("accepts ordinary addresses and lower-cases the domain only", () => {
    expect(parsed("email", " Zhang.Wei@Example.COM ")).toBe("Zhang.Wei@example.com");
    expect(parsed("email", "li+notice@mail.bj.gov.cn")).toBe("li+notice@mail.bj.gov.cn");
    expect(parsed("email", "wang＠qq.com")).toBe("wang@qq.com");
  });

  it("refuses what cannot be delivered", () => {
    for (const bad of [
      "zhangwei",
      "a@b",
      "a@@b.com",
      "@qq.com",
      "a b@qq.com",
      "a@-qq.com",
      "a@qq.c0m",
      "张伟@qq.com",
    ])
      expectProblem("email", bad, "email-invalid");
    expectProblem("email", 12, "value-type");
  });
});
