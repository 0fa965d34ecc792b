// 手机号码: mainland mobile numbers, checked against libphonenumber's metadata (see parseMobile).
import { maskMobile } from "../../people/crypto/mask.ts";
import { parseMobile } from "../../people/normalise/phone.ts";
import { isBlank, labelled, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const mobileType: FieldTypeDefinition<string> = {
  type: "mobile",
  labelKey: "fieldTypes.mobile",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    if (typeof raw !== "string" && typeof raw !== "number")
      return wrongKind(field, "手机号码", "a mobile number");
    const found = parseMobile(raw);
    if (found.ok) return { ok: true, value: found.mobile };
    return labelled(field, found);
  },
  format: (value, _field, { masked }) => (value === null ? "" : masked ? maskMobile(value) : value),
  operators: ["eq", "neq", "contains", "starts_with", "ends_with", "empty", "not_empty"],
  storage: "text",
  sortable: false,
  sensitiveByDefault: true,
  readOnly: false,
  editor: "phone",
};
