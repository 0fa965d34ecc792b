import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idCheckCharacter } from "./check-digit.ts";
import { idArb } from "./id-fixtures.ts";
import { detectPrecisionLoss } from "./precision.ts";

const lost = { ok: false, code: "id-precision-lost" };

describe("detectPrecisionLoss", () => {
  it("refuses numeric cells of 16 or more digits", () => {
    expect(detectPrecisionLoss(110102196702180000)).toMatchObject(lost);
    expect(detectPrecisionLoss(370102196404084700)).toMatchObject(lost);
    expect(detectPrecisionLoss(1.10102e17)).toMatchObject(lost);
    expect(detectPrecisionLoss(1234567890123456)).toMatchObject(lost);
  });

  it("lets through numeric cells that keep every digit, such as a 15-digit first-generation number", () => {
    expect(detectPrecisionLoss(110105491231002)).toBeNull();
    expect(detectPrecisionLoss(13800138000)).toBeNull();
  });

  it("refuses scientific notation that dropped digits, as CSV files saved by Excel hold it", () => {
    for (const text of [
      "1.10102E+17",
      "3.70102E+17",
      " 6.10102e17 ",
      "１．１０１０２Ｅ＋１７",
      "1.1010219670218E+17",
    ])
      expect(detectPrecisionLoss(text), text).toMatchObject(lost);
    expect(detectPrecisionLoss("1.10105491231002E+14")).toBeNull();
    expect(detectPrecisionLoss("1.5E+3")).toBeNull();
  });

  it("refuses 18 digits ending in 000 whose check character fails: Excel's 15 significant digits", () => {
    const cut = "110102196702180000";
    expect(idCheckCharacter(cut.slice(0, 17))).not.toBe("0");
    expect(detectPrecisionLoss(cut)).toMatchObject(lost);
    expect(detectPrecisionLoss("110102 19670218 0000")).toMatchObject(lost);
  });

  it("accepts real numbers, including one that happens to end in 000", () => {
    expect(detectPrecisionLoss("110102196702180001")).toBeNull();
    expect(detectPrecisionLoss("11010519491231002X")).toBeNull();
    const real = Array.from({ length: 100 }, (_, n) => `1101${String(n).padStart(2, "0")}198503121000`).find(
      (s) => idCheckCharacter(s.slice(0, 17)) === "0",
    );
    expect(real).toBeDefined();
    expect(detectPrecisionLoss(real!)).toBeNull();
  });

  it("says it cannot be repaired and how to fix it", () => {
    const message = detectPrecisionLoss(110102196702180000)?.message ?? "";
    expect(message).toContain("无法恢复");
    expect(message).toContain("文本");
    expect(message).toContain("cannot be repaired");
  });

  it("refuses every valid ID typed as a number, and its 15-digit cut unless that passes the check by chance", () => {
    fc.assert(
      fc.property(idArb, ({ number }) => {
        fc.pre(!number.endsWith("X"));
        expect(detectPrecisionLoss(Number(number))).toMatchObject(lost);
        const cut = `${number.slice(0, 15)}000`;
        const chance = idCheckCharacter(cut.slice(0, 17)) === "0";
        expect(detectPrecisionLoss(cut) === null).toBe(chance);
        expect(detectPrecisionLoss(number)).toBeNull();
      }),
    );
  });
});
