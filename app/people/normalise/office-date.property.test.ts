import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochDays, isoFromEpochDays } from "./calendar.ts";
import { parseOfficeDate } from "./office-date.ts";

const DAY_MS = 86_400_000;
const wide = (s: string) => s.replace(/[0-9./-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// Every way a date reaches the importer, written independently of the parser. Serials stop at 99999
// (2173-10-13): larger numbers are read as typed digits.
function forms(iso: string): Array<string | number | Date> {
  const [y, m, d] = iso.split("-");
  const [mm, dd] = [String(Number(m)), String(Number(d))];
  const texts = [
    iso,
    `${y}.${mm}.${dd}`,
    `${y}/${mm}/${dd}`,
    `${y}年${mm}月${dd}日`,
    `${y}${m}${d}`,
    `${y}/${mm}/${dd} 0:00`,
  ];
  const serial = (Date.UTC(Number(y), Number(m) - 1, Number(d)) - Date.UTC(1899, 11, 30)) / DAY_MS;
  const utc = new Date(`${iso}T00:00:00Z`);
  return [
    ...texts,
    ...texts.map(wide),
    Number(`${y}${m}${d}`),
    serial,
    serial + 0.75,
    utc,
    new Date(utc.getTime() - 8 * 3_600_000), // midnight in Beijing
  ];
}

const dateArb = (from: string, to: string) =>
  fc.integer({ min: epochDays(from), max: epochDays(to) }).map(isoFromEpochDays);

describe("parseOfficeDate properties", () => {
  it("round-trips every date in every supported form", () => {
    fc.assert(
      fc.property(dateArb("1900-03-01", "2173-10-13"), (iso) => {
        for (const form of forms(iso))
          expect(parseOfficeDate(form), String(form)).toEqual({ ok: true, date: iso, precision: "day" });
      }),
    );
  });

  it("round-trips text dates of any four-digit year", () => {
    fc.assert(
      fc.property(dateArb("1000-01-01", "9999-12-31"), (iso) => {
        expect(parseOfficeDate(iso)).toEqual({ ok: true, date: iso, precision: "day" });
        expect(parseOfficeDate(iso.replaceAll("-", ""))).toEqual({ ok: true, date: iso, precision: "day" });
      }),
    );
  });

  it("round-trips every year and month as the first of the month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, m) => {
        const mm = String(m).padStart(2, "0");
        const expected = { ok: true, date: `${year}-${mm}-01`, precision: "month" };
        for (const form of [
          `${year}.${mm}`,
          `${year}-${m}`,
          `${year}/${m}`,
          `${year}年${m}月`,
          `${year}${mm}`,
          Number(`${year}${mm}`),
        ])
          expect(parseOfficeDate(form), String(form)).toEqual(expected);
      }),
    );
  });
});
