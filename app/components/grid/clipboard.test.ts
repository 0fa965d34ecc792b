import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTsv, toTsv } from "./clipboard.ts";

describe("TSV on the clipboard", () => {
  it("reads a column of phone numbers as Excel copies it (CRLF, a trailing line break)", () => {
    expect(parseTsv("13912345678\r\n13987654321\r\n")).toEqual([["13912345678"], ["13987654321"]]);
  });

  it("reads a block with empty cells and quoted cells holding tabs, line breaks and quotes", () => {
    expect(parseTsv('a\t\tc\n"x\ty"\t"line1\nline2"\t"say ""hi"""\n')).toEqual([
      ["a", "", "c"],
      ["x\ty", "line1\nline2", 'say "hi"'],
    ]);
  });

  it("keeps a quote inside an unquoted cell, and a lone quote, as they are", () => {
    expect(parseTsv('5"\t"abc')).toEqual([['5"', '"abc']]);
  });

  it("writes what it reads back", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "张", "\t", "\n", "\r\n", '"', " ", "1") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const width = rows[0]!.length;
          const square = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          // A last row of one empty cell reads as the line break Excel ends every copy with.
          fc.pre(!(width === 1 && square.at(-1)![0] === ""));
          expect(parseTsv(toTsv(square))).toEqual(square);
        },
      ),
    );
  });
});
