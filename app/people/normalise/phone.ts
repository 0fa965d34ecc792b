// Mobile numbers from forms and spreadsheet cells. The rule itself is app/auth/mobile.ts
// (libphonenumber metadata); this adds what cells bring: full-width digits and numeric cells.
import { normaliseMobile } from "../../auth/mobile.ts";
import { empty, type Problem, problem } from "./problem.ts";
import { toHalfWidth } from "./width.ts";

export type MobileResult = { ok: true; mobile: string } | Problem<"empty" | "phone-invalid">;

/** "+86 138-0013-8000", "１３８ ００１３ ８０００" or the number 13800138000 → "13800138000". */
export function parseMobile(input: string | number): MobileResult {
  const text = toHalfWidth(typeof input === "number" ? String(input) : input).trim();
  if (text === "") return empty("手机号码", "Mobile number");
  const mobile = normaliseMobile(text);
  if (mobile) return { ok: true, mobile };
  return problem(
    "phone-invalid",
    "手机号码无效：应为 1 开头的 11 位中国大陆手机号",
    "Not a valid mobile number: expected 11 digits of a mainland mobile starting with 1",
  );
}
