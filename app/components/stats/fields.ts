// The fields a statistic may group by or measure, as the pages receive them. Pure.
import type { StatsField } from "../../stats/fields.ts";
import { ORG_LEVELS } from "../../stats/spec.ts";

export type { StatsField };

/** The label a field shows, with the org levels in the reader's language. */
export function fieldLabel(fields: readonly StatsField[], key: string | undefined, lang = "zh-CN"): string {
  if (!key) return "";
  const org = ORG_LEVELS[key as keyof typeof ORG_LEVELS];
  if (org) return lang === "en" ? org.en : org.zh;
  return fields.find((f) => f.key === key)?.label ?? key;
}
