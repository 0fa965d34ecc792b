import { describe, expect, it } from "vitest";
import { ageOn } from "../normalise/calendar.ts";
import { parseIdCard, upgradeFifteen } from "./id-card.ts";
import { buildId, TODAY, withCheck } from "./id-fixtures.ts";

const parse = (input: string) => parseIdCard(input, { today: TODAY });

describe("parseIdCard", () => {
  it("reads birth date, sex and province from a valid number", () => {
    const { number } = buildId("110102", "1985-03-12", "123");
    expect(parse(number)).toEqual({
      ok: true,
      number,
      birthDate: "1985-03-12",
      sex: "male",
      region: { code: "110102", province: "北京市" },
    });
    expect(parse(buildId("440103", "2009-10-25", "394").number)).toMatchObject({ sex: "female" });
  });

  it("accepts the examples of GB 11643 itself, including a birth in 1880", () => {
    expect(parse("11010519491231002X")).toMatchObject({ ok: true, birthDate: "1949-12-31", sex: "female" });
    expect(parse("440524188001010014")).toMatchObject({ ok: true, birthDate: "1880-01-01", sex: "male" });
  });

  it("accepts spaces, full-width characters and a lower-case x", () => {
    expect(parse(" 110105 19491231 002x ")).toMatchObject({ ok: true, number: "11010519491231002X" });
    expect(parse("１１０１０５１９４９１２３１００２Ｘ")).toMatchObject({ number: "11010519491231002X" });
    expect(parse("110105　19491231　002X")).toMatchObject({ number: "11010519491231002X" });
  });

  it("upgrades a 15-digit first-generation number", () => {
    expect(upgradeFifteen("110105491231002")).toBe("11010519491231002X");
    expect(parse("110105491231002")).toEqual({
      ok: true,
      number: "11010519491231002X",
      upgradedFrom: "110105491231002",
      birthDate: "1949-12-31",
      sex: "female",
      region: { code: "110105", province: "北京市" },
    });
  });

  it("refuses a wrong check digit with a bilingual message", () => {
    const { number } = buildId("110102", "1985-03-12", "123");
    const wrong = number.slice(0, 17) + (number[17] === "1" ? "2" : "1");
    expect(parse(wrong)).toEqual({
      ok: false,
      code: "id-checksum",
      message: "身份证号码校验位错误 / Wrong check digit in ID number",
    });
  });

  it("refuses birth dates that are not real, in the future or before 1880", () => {
    for (const [first17, date] of [
      ["11010219850230123", "1985-02-30"],
      ["11010219851301123", "1985-13-01"],
      ["11010220260701123", "2026-07-01"],
      ["11010218791231123", "1879-12-31"],
    ] as const) {
      const result = parse(withCheck(first17));
      expect(result).toMatchObject({ ok: false, code: "id-birthdate" });
      expect(!result.ok && result.message).toContain(date);
    }
    expect(parse("110102850230123")).toMatchObject({ code: "id-birthdate" });
    expect(parseIdCard(withCheck("11010220260630123"), { today: "2026-06-30" }).ok).toBe(true);
  });

  it("refuses a province code that does not exist", () => {
    for (const province of ["00", "16", "71", "81", "99"]) {
      const result = parse(buildId(`${province}0102`, "1985-03-12", "123").number);
      expect(result).toMatchObject({ ok: false, code: "id-region" });
      expect(!result.ok && result.message).toContain(province);
    }
    expect(parse("990102850312123")).toMatchObject({ code: "id-region" });
  });

  it("refuses wrong lengths and characters, and reports blanks apart", () => {
    for (const input of [
      "11010219850312123",
      "1101021985031212345",
      "1101021985031X1234",
      "abc",
      "11010519491231002Y",
    ])
      expect(parse(input)).toMatchObject({ ok: false, code: "id-format" });
    expect(parse(" 　")).toMatchObject({ ok: false, code: "empty" });
  });

  it("never puts the number in a message", () => {
    const { number } = buildId("110102", "1985-03-12", "123");
    const inputs = [`${number.slice(0, 17)}0`, withCheck("99010219850312123"), `${number}1`];
    for (const input of inputs) {
      const result = parse(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).not.toContain(input.slice(0, 14));
    }
  });

  it("gives the age in completed years", () => {
    const card = parse(buildId("110102", "1985-03-12", "123").number);
    if (!card.ok) throw new Error(card.message);
    expect(ageOn(card.birthDate, "2026-03-11")).toBe(40);
    expect(ageOn(card.birthDate, "2026-03-12")).toBe(41);
  });
});
