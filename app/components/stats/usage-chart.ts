// What the usage chart draws, worked out apart from Recharts so it can be tested: one row per period with
// a value per feature, short axis labels that fit a phone, and a colour that stays with each feature.
import type { Lang } from "../../i18n/index.ts";
import type { PeriodKey, UsageSeries } from "../../stats/results.ts";
import type { Period } from "../../stats/spec.ts";
import { isUsageFeature, USAGE_FEATURE_KEYS, USAGE_FEATURES } from "../../stats/usage-features.ts";

// Distinct on white and from each other; the brand orange first.
const PALETTE = [
  "#c2410c",
  "#2563eb",
  "#16a34a",
  "#9333ea",
  "#db2777",
  "#0891b2",
  "#ca8a04",
  "#4f46e5",
  "#dc2626",
  "#65a30d",
  "#0d9488",
  "#78716c",
];

/** A feature's colour by its place in the catalogue, so it is the same whatever else is shown. */
export function featureColour(feature: string): string {
  const i = USAGE_FEATURE_KEYS.indexOf(feature as (typeof USAGE_FEATURE_KEYS)[number]);
  return PALETTE[Math.max(i, 0) % PALETTE.length]!;
}

/** The feature's name in the reader's language (the key itself for one the catalogue no longer has). */
export function featureLabel(feature: string, lang: Lang): string {
  if (!isUsageFeature(feature)) return feature;
  return lang === "en" ? USAGE_FEATURES[feature].en : USAGE_FEATURES[feature].zh;
}

/** An axis tick: short enough for seven of them on a 375 px screen. */
export function periodTick(p: PeriodKey, period: Period, lang: Lang): string {
  if (period === "day") return p.key.slice(5); // 12-07
  if (period === "week") {
    const week = Number(p.key.slice(6));
    return lang === "en" ? `W${p.key.slice(6)}` : `第${week}周`;
  }
  if (period === "month") return lang === "en" ? p.key : `${Number(p.key.slice(5))}月`;
  return p.key;
}

/** The period as a tooltip names it, with its days when it spans several. */
export function periodTitle(p: PeriodKey, lang: Lang): string {
  if (p.from === p.to) return p.key;
  return lang === "en" ? `${p.key} (${p.from} – ${p.to})` : `${p.label}（${p.from} ~ ${p.to}）`;
}

export type ChartRow = { key: string } & Record<string, number | string>;

/** One row per period: `{ key, <feature>: uses, … }`, the shape Recharts reads. */
export function chartRows(periods: readonly PeriodKey[], series: readonly UsageSeries[]): ChartRow[] {
  return periods.map((p, i) => {
    const row: ChartRow = { key: p.key };
    for (const s of series) row[s.feature] = s.values[i] ?? 0;
    return row;
  });
}

/** The series worth a line: features used at least once in the range. */
export function usedSeries(series: readonly UsageSeries[]): UsageSeries[] {
  return series.filter((s) => s.values.some((v) => v > 0));
}
