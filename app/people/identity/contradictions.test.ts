import { describe, expect, it } from "vitest";
import { findContradictions } from "./contradictions.ts";

const fromId = { birthDate: "1985-03-21", sex: "male" } as const;

describe("findContradictions", () => {
  it("finds nothing when typed values agree or are missing", () => {
    expect(findContradictions({ birthDate: "1985-03-21", sex: "male" }, fromId)).toEqual([]);
    expect(findContradictions({ birthDate: null, sex: null }, fromId)).toEqual([]);
    expect(findContradictions({}, fromId)).toEqual([]);
    expect(findContradictions({ birthDate: "1970-01-01", sex: "female" }, {})).toEqual([]);
  });

  it("names both birth dates", () => {
    expect(findContradictions({ birthDate: "1985-03-12" }, fromId)).toEqual([
      {
        ok: false,
        code: "birthdate-contradicts-id",
        message:
          "出生日期 1985-03-12 与身份证号码中的 1985-03-21 不一致 / Birth date 1985-03-12 contradicts 1985-03-21 in the ID number",
      },
    ]);
  });

  it("names both sexes", () => {
    expect(findContradictions({ sex: "female" }, fromId)).toEqual([
      {
        ok: false,
        code: "sex-contradicts-id",
        message: "性别 女 与身份证号码中的 男 不一致 / Sex female contradicts male in the ID number",
      },
    ]);
  });

  it("reports both at once", () => {
    const codes = findContradictions({ birthDate: "1986-03-21", sex: "female" }, fromId).map((p) => p.code);
    expect(codes).toEqual(["birthdate-contradicts-id", "sex-contradicts-id"]);
  });

  it("compares only year and month when only those were typed", () => {
    expect(findContradictions({ birthDate: "1985-03-01", birthPrecision: "month" }, fromId)).toEqual([]);
    const [problem] = findContradictions({ birthDate: "1985-04-01", birthPrecision: "month" }, fromId);
    expect(problem?.message).toContain("出生年月 1985-04 与身份证号码中的 1985-03-21 不一致");
  });

  it("names another document when asked", () => {
    const [problem] = findContradictions({ sex: "female" }, fromId, {
      zh: "居住证号码",
      en: "the permit number",
    });
    expect(problem?.message).toBe(
      "性别 女 与居住证号码中的 男 不一致 / Sex female contradicts male in the permit number",
    );
  });
});
