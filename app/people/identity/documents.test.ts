import { describe, expect, it } from "vitest";
import { DOCUMENT_RULES, type DocumentType, documentKey, validateDocument } from "./documents.ts";
import { buildId, TODAY, withCheck } from "./id-fixtures.ts";

const check = (type: string, input: string) => validateDocument(type, input, { today: TODAY });
const accepts = (type: DocumentType, cases: Array<[string, string]>) => {
  for (const [input, number] of cases)
    expect(check(type, input), input).toMatchObject({ ok: true, type, number });
};
const refuses = (type: DocumentType, code: string, inputs: string[]) => {
  for (const input of inputs) expect(check(type, input), input).toMatchObject({ ok: false, code });
};

describe("validateDocument", () => {
  it("checks 居民身份证 numbers with the ID rules and carries birth date and sex", () => {
    const { number } = buildId("110102", "1985-03-12", "124");
    expect(check("resident_id", number.toLowerCase())).toEqual({
      ok: true,
      type: "resident_id",
      number,
      birthDate: "1985-03-12",
      sex: "female",
    });
    expect(check("resident_id", "110105491231002")).toMatchObject({
      number: "11010519491231002X",
      upgradedFrom: "110105491231002",
    });
    refuses("resident_id", "id-checksum", [`${number.slice(0, 17)}${number[17] === "0" ? "1" : "0"}`]);
    refuses("resident_id", "id-format", ["H12345678"]);
  });

  it("checks 港澳居民来往内地通行证: H or M and 8 digits, old permits 2 more", () => {
    accepts("hk_macao_permit", [
      ["H12345678", "H12345678"],
      ["m 1234 5678", "M12345678"],
      ["H1234567801", "H1234567801"],
      ["Ｈ１２３４５６７８", "H12345678"],
    ]);
    refuses("hk_macao_permit", "document-format", [
      "12345678",
      "H1234567",
      "H123456789",
      "K12345678",
      "HM2345678",
    ]);
  });

  it("checks 台湾居民来往大陆通行证: 8 digits, and the older forms with issue count and office code", () => {
    accepts("taiwan_permit", [
      ["12345678", "12345678"],
      ["1234567801", "1234567801"],
      ["12345678 01 (B)", "1234567801(B)"],
      ["1234567802（3）", "1234567802(3)"],
    ]);
    refuses("taiwan_permit", "document-format", [
      "1234567",
      "123456789",
      "12345678(B)",
      "T12345678",
      "12345678012",
    ]);
  });

  it("checks 港澳台居民居住证 with the GB 11643 check character and birth date", () => {
    for (const prefix of ["810000", "820000", "830000"]) {
      const number = withCheck(`${prefix}19900101001`);
      expect(check("hmt_residence_permit", number)).toEqual({
        ok: true,
        type: "hmt_residence_permit",
        number,
        birthDate: "1990-01-01",
        sex: "male",
      });
    }
    const good = withCheck("81000019900101001");
    refuses("hmt_residence_permit", "document-checksum", [
      `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}`,
    ]);
    refuses("hmt_residence_permit", "document-birthdate", [
      withCheck("81000019900230001"),
      withCheck("81000020300101001"),
    ]);
    refuses("hmt_residence_permit", "document-format", [
      withCheck("84000019900101001"),
      withCheck("11010219900101001"),
      "810000199001010",
    ]);
  });

  it("checks 外国人永久居留身份证 in the old 15-character and new 18-digit forms", () => {
    const modern = withCheck("93184019900101001");
    accepts("foreign_permanent_id", [
      ["USA110090010101", "USA110090010101"],
      ["usa 1100 9001 0101", "USA110090010101"],
      [modern, modern],
    ]);
    refuses("foreign_permanent_id", "document-checksum", [
      `${modern.slice(0, 17)}${modern[17] === "0" ? "1" : "0"}`,
    ]);
    refuses("foreign_permanent_id", "document-format", [
      "US1100900101012",
      "USA11009001010",
      withCheck("83184019900101001"),
    ]);
  });

  it("checks Chinese passports by series", () => {
    accepts("passport_cn", [
      ["E12345678", "E12345678"],
      ["ea1234567", "EA1234567"],
      ["G12345678", "G12345678"],
      ["D1234567", "D1234567"],
      ["DE1234567", "DE1234567"],
      ["SE1234567", "SE1234567"],
      ["P1234567", "P1234567"],
    ]);
    refuses("passport_cn", "document-format", [
      "E1234567890",
      "DA1234567",
      "EI1234567",
      "EO1234567",
      "A12345678",
      "E123456",
      "123456789",
    ]);
  });

  it("checks foreign passports as 5 to 17 letters or digits", () => {
    accepts("passport_other", [
      ["x1234567", "X1234567"],
      ["C01X00T47", "C01X00T47"],
      ["12345", "12345"],
    ]);
    refuses("passport_other", "document-format", ["1234", "123456789012345678", "AB-12345", "护照12345"]);
  });

  it("reports blanks and unknown types", () => {
    expect(check("passport_cn", " \u3000")).toMatchObject({ ok: false, code: "empty" });
    expect(check("driving_licence", "123")).toMatchObject({ ok: false, code: "document-type" });
    expect(check("toString", "123")).toMatchObject({ ok: false, code: "document-type" });
  });

  it("names the document and its shape in every format message", () => {
    for (const [type, rule] of Object.entries(DOCUMENT_RULES)) {
      if (type === "resident_id") continue;
      const result = check(type, "?");
      expect(!result.ok && result.message, type).toContain(rule.label.zh);
      expect(!result.ok && result.message, type).toContain(rule.shape[0]);
    }
  });
});

describe("documentKey", () => {
  it("makes the 15-digit and 18-digit forms of a 居民身份证 one person", () => {
    expect(documentKey("resident_id", "110105491231002")).toBe("resident_id:11010519491231002X");
    expect(documentKey("resident_id", "11010519491231002x")).toBe("resident_id:11010519491231002X");
  });

  it("keeps a permit holder's key across renewals", () => {
    expect(documentKey("hk_macao_permit", "H1234567801")).toBe(documentKey("hk_macao_permit", "h12345678"));
    expect(documentKey("taiwan_permit", "1234567802(B)")).toBe(documentKey("taiwan_permit", "12345678"));
  });

  it("tells apart different types and different numbers", () => {
    expect(documentKey("passport_cn", "E12345678")).not.toBe(documentKey("passport_other", "E12345678"));
    expect(documentKey("passport_cn", "E12345678")).not.toBe(documentKey("passport_cn", "E12345679"));
    expect(documentKey("hk_macao_permit", "H12345678")).not.toBe(documentKey("hk_macao_permit", "M12345678"));
  });
});
