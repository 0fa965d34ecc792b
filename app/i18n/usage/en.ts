// Strings of the usage statistics page, English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { usageZh } from "./zh-CN.ts";

export const usageEn: Shape<typeof usageZh> = {
  intro: "How often each function of the platform was used, by year, month, week or day.",
  lag: "Counts are written every few seconds, so the latest actions may show up a little later.",
  scopeStreet: "Scope: {{org}} (visitors who are not signed in included)",
  scopeOrg: "Scope: {{org}}",
  form: {
    label: "What to count",
    period: "Period",
    from: "From",
    to: "To",
    features: "Functions",
    allFeatures: "All functions",
    someFeatures: "{{count}} functions chosen",
    apply: "Count",
    thisWeek: "This week",
  },
  periods: { year: "Year", month: "Month", week: "Week", day: "Day" },
  chart: {
    title: "Use over time",
    loading: "Loading the chart…",
    description: "{{from}} to {{to}}, by {{period}}",
  },
  table: {
    title: "Totals per function",
    group: "Group",
    feature: "Function",
    count: "Uses",
    total: "Total",
  },
  empty:
    "Nothing was used in this period yet. Sign-ins, queries, imports and the like show up here within seconds.",
};
