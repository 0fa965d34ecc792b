// Sex as offices type it. "male"/"female" are the stored values; the UI shows 男/女.

import { empty, type Problem, problem } from "./problem.ts";
import { cleanText } from "./text.ts";
import { toHalfWidth } from "./width.ts";

export type Sex = "male" | "female";

// 1/2 are the GB/T 2261.1 codes that exports from public-security and civil-affairs systems use.
const WORDS: Record<string, Sex> = {
  男: "male",
  男性: "male",
  m: "male",
  male: "male",
  "1": "male",
  女: "female",
  女性: "female",
  f: "female",
  female: "female",
  "2": "female",
};

export type SexResult = { ok: true; sex: Sex } | Problem<"empty" | "sex-invalid">;

export function parseSex(input: string): SexResult {
  const word = cleanText(toHalfWidth(input)).toLowerCase();
  if (word === "") return empty("性别", "Sex");
  const sex = WORDS[word];
  if (sex) return { ok: true, sex };
  return problem("sex-invalid", "性别应为“男”或“女”", 'Sex must be "男" (male) or "女" (female)');
}
