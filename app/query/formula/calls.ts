// Evaluation of the function set (see functions.ts for names and arity, check.ts for types).
import { ageOn } from "../../people/normalise/calendar.ts";
import type { Checked } from "./checked.ts";
import { dateDiff } from "./dates.ts";
import { DATE_UNITS } from "./functions.ts";
import { asText, type FormulaResult, finite } from "./values.ts";

const isBlank = (v: FormulaResult) => v === null || v === "";

/** Half away from zero, on the decimal digits as written (ROUND(1.005, 2) is 1.01, ROUND(-2.5) is -3). */
function round(x: number, places: number): number | null {
  const n = Math.trunc(places);
  const shifted = Math.round(Number(`${Math.abs(x)}e${n}`));
  const back = Number(`${shifted}e${-n}`);
  return Number.isFinite(back) ? finite(Math.sign(x) * back) : finite(x);
}

/** LEFT / RIGHT by characters (code points), so a hanzi or an emoji counts once. */
function take(text: string, count: number, fromRight: boolean): string {
  const chars = Array.from(text);
  const n = Math.max(0, Math.trunc(count));
  return (fromRight ? chars.slice(Math.max(0, chars.length - n)) : chars.slice(0, n)).join("");
}

export function callFunction(
  name: string,
  args: readonly Checked[],
  run: (node: Checked) => FormulaResult,
  today: string,
): FormulaResult {
  if (name === "IF") return run(args[0]!) === true ? run(args[1]!) : run(args[2]!);
  if (name === "COALESCE") {
    for (const arg of args) {
      const v = run(arg);
      if (!isBlank(v)) return v;
    }
    return null;
  }
  const values = args.map(run);
  const [a, b, c] = values;
  switch (name) {
    case "TODAY":
      return today;
    case "ISBLANK":
      return isBlank(a!);
    case "CONCAT":
      return values.map(asText).join("");
    case "LEN":
      return Array.from(asText(a!)).length;
    case "LEFT":
    case "RIGHT":
      return b === null ? null : take(asText(a!), b as number, name === "RIGHT");
  }
  if (values.some((v) => v === null)) return null;
  switch (name) {
    case "AGE":
      return ageOn(a as string, today);
    case "YEAR":
      return Number((a as string).slice(0, 4));
    case "MONTH":
      return Number((a as string).slice(5, 7));
    case "DAY":
      return Number((a as string).slice(8, 10));
    case "DATEDIFF":
      return dateDiff(DATE_UNITS[(a as string).toLowerCase()]!, b as string, c as string);
    case "ROUND":
      return round(a as number, (b as number | undefined) ?? 0);
    default: // ABS
      return Math.abs(a as number);
  }
}
