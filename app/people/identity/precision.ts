// ID numbers that Excel already destroyed. Excel keeps 15 significant digits of a number, so an
// 18-digit ID typed into a cell not formatted as text loses its last three digits at once; the
// sheet then shows 1.10102E+17, and a CSV saved from it holds that text or the digits with zeros at
// the end. Which digits were lost is unknowable, so such values are refused, never "repaired".
import { type Problem, problem } from "../normalise/problem.ts";
import { toHalfWidth } from "../normalise/width.ts";
import { idCheckCharacter } from "./check-digit.ts";

// Numbers with 16 or more digits lost digits in Excel. A 15-digit first-generation number survives
// both Excel and a double exactly, so a numeric cell below this holds the number as typed.
const SMALLEST_LOSSY = 1e15;
const SCIENTIFIC = /^(\d+)(?:\.(\d+))?E\+?(\d+)$/i;

const precisionLost = (): Problem<"id-precision-lost"> =>
  problem(
    "id-precision-lost",
    "证件号码被 Excel 当作数字保存，末尾几位已经丢失，无法恢复。请把该列设置为“文本”格式，重新输入完整号码后再导入",
    "Excel stored this ID number as a number and its last digits are lost; it cannot be repaired. " +
      "Format the column as Text, retype the full numbers and import again",
  );

function scientificLosesDigits(text: string): boolean {
  const m = SCIENTIFIC.exec(text);
  if (!m) return false;
  const significant = (m[1]! + (m[2] ?? "")).replace(/^0+/, "").length;
  const integerDigits = m[1]!.replace(/^0+/, "").length + Number(m[3]);
  return integerDigits >= 15 && significant < integerDigits;
}

// 18 digits whose last three are zeros and whose check character fails: the shape of a number
// Excel cut to 15 significant digits. A real number ending in 000 with a valid check character cannot
// be told apart from a cut one by the cell alone and is accepted.
function cutToFifteenDigits(text: string): boolean {
  return /^\d{15}000$/.test(text) && idCheckCharacter(text.slice(0, 17)) !== "0";
}

/**
 * The problem when a cell's value is an ID number whose digits Excel already lost, else null.
 * Pass the cell as read: a JS number for a numeric cell, the text otherwise.
 */
export function detectPrecisionLoss(value: string | number): Problem<"id-precision-lost"> | null {
  if (typeof value === "number") return Math.abs(value) >= SMALLEST_LOSSY ? precisionLost() : null;
  const text = toHalfWidth(value).replace(/\s+/g, "");
  return scientificLosesDigits(text) || cutToFifteenDigits(text) ? precisionLost() : null;
}
