import { describe, expect, it } from "vitest";
import { parseSex } from "./sex.ts";

describe("parseSex", () => {
  it("reads the ways offices write sex", () => {
    for (const male of ["男", " 男性 ", "M", "m", "Male", "MALE", "Ｍ", "1"])
      expect(parseSex(male)).toEqual({ ok: true, sex: "male" });
    for (const female of ["女", "女性\u3000", "F", "f", "female", "Female", "ｆ", "2"])
      expect(parseSex(female)).toEqual({ ok: true, sex: "female" });
  });

  it("refuses anything else and reports blanks apart", () => {
    for (const other of ["男女", "未知", "x", "0", "9", "man"])
      expect(parseSex(other)).toMatchObject({ ok: false, code: "sex-invalid" });
    expect(parseSex(" \u3000")).toMatchObject({ ok: false, code: "empty" });
    expect(parseSex("?")).toMatchObject({ message: expect.stringMatching(/^性别.+ \/ Sex/) });
  });
});
