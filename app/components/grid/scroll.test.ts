import { describe, expect, it } from "vitest";
import { MAX_BODY_HEIGHT, realTop, scrollScale } from "./scroll.ts";

describe("compressed scrolling", () => {
  it("leaves a table that fits alone", () => {
    expect(scrollScale(10_000 * 32, 66, 700)).toEqual({ bodyHeight: 320_000, ratio: 1 });
    expect(realTop(3200, 1000, 1)).toBe(3200);
  });

  it("fits a million rows in a body browsers can scroll, reaching the last row at the end", () => {
    const rows = 1_000_000 * 32;
    const { bodyHeight, ratio } = scrollScale(rows, 66, 700);
    expect(bodyHeight).toBe(MAX_BODY_HEIGHT);
    const realMax = bodyHeight + 66 - 700;
    // At the end of the scrollbar the virtual offset shows the last screenful of rows.
    expect(realMax * ratio).toBeCloseTo(rows + 66 - 700, 3);
    // A row starting at the virtual offset is drawn at the real scroll position.
    const offset = 20_000_000;
    expect(realTop(offset, offset, ratio)).toBeCloseTo(offset / ratio, 6);
    expect(realTop(offset + 32, offset, ratio) - realTop(offset, offset, ratio)).toBe(32);
  });
});
