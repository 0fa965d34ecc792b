// Console strings of the query panels, English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { queryZh } from "./zh-CN.ts";

export const queryEn: Shape<typeof queryZh> = {
  title: "Query",
  summary: {
    and: "and",
    or: "or",
    group: "({{text}})",
    listSep: ", ",
    quoted: "“{{text}}”",
    range: "{{from}} to {{to}}",
    lastDays: "in the last {{n}} days",
    nextDays: "in the next {{n}} days",
    years: "aged {{from}} to {{to}}",
    has: "has",
    not: "not {{field}}",
    yes: "yes",
    no: "no",
  },
  problems: {
    noField: "Choose a field",
    unknownField: "Field “{{field}}” does not exist or was removed",
    badOperator: "“{{field}}” cannot be compared this way",
    missingValue: "Type the value to compare “{{field}}” with",
    badNumber: "“{{field}}” needs a number",
    badDate: "“{{field}}” needs a date as year-month-day",
    badRange: "“{{field}}”: the range is incomplete or starts after it ends",
    badDays: "“{{field}}”: days must be a whole number from 1 to 36500",
    badYears: "“{{field}}”: ages must be whole numbers from 0 to 150, the smaller first",
    tooDeep: "Groups nest at most 6 deep",
    tooMany: "At most 200 conditions",
  },
  views: {
    private: "Just me",
    sharedWith: "Shared with {{who}}",
  },
};
