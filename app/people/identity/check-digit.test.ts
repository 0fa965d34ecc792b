import { describe, expect, it } from "vitest";
import { idCheckCharacter } from "./check-digit.ts";

describe("ID check character", () => {
  it("matches the examples of GB 11643", () => {
    expect(idCheckCharacter("11010519491231002")).toBe("X");
    expect(idCheckCharacter("44052418800101001")).toBe("4");
  });
  it("refuses anything but 17 digits", () => {
    expect(() => idCheckCharacter("1101051949123100")).toThrow();
    expect(() => idCheckCharacter("1101051949123100A")).toThrow();
  });
});
