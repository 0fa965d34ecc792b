// Reading the usage counts (使用统计): how often each platform function was used per year, month, ISO week
// or day, in the reader's scope. The daily rows are summed in SQL (by day, or by month / year prefix of the
// day), then laid on the periods here: weeks are ISO weeks, which SQL of both dialects cannot name alike.
// Counts still in a process's memory are not included: the figures lag by up to one flush interval.
import { sql } from "kysely";
import { z } from "zod";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { chinaDay, periodOf, periodsBetween } from "./periods.ts";
import type { UsageResult } from "./results.ts";
import { PERIODS, type Period } from "./spec.ts";
import { isUsageFeature, USAGE_FEATURE_KEYS, USAGE_FEATURES, type UsageFeature } from "./usage-features.ts";

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD" });

/** Feature keys as a list, or (in a URL) separated by commas: "auth.login.staff,transfer.import". */
const featureList = z
  .union([z.string().max(2000), z.array(z.string().max(48)).max(100)])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .superRefine((keys, ctx) => {
    const unknown = keys.filter((k) => !isUsageFeature(k));
    if (unknown.length > 0)
      ctx.addIssue({
        code: "custom",
        message: `未知的功能：${unknown.join("、")} / Unknown feature: ${unknown.join(", ")}`,
      });
  });

export const usageInputSchema = z.object({
  period: z
    .enum(PERIODS, {
      error: "统计周期只能是 year、month、week 或 day / Period must be year, month, week or day",
    })
    .default("day"),
  from: day.optional(),
  to: day.optional(),
  features: featureList.optional(),
});
export type UsageInput = z.input<typeof usageInputSchema>;

/** The ask with its defaults filled in: this ISO week (Beijing time), by day, every feature. */
export function resolveUsageInput(
  input: unknown,
  today = chinaDay(Date.now()),
): { period: Period; from: string; to: string; features: UsageFeature[] } {
  const asked = parseInput(usageInputSchema, input ?? {});
  const to = asked.to ?? periodOf(today, "week").to;
  const from = asked.from ?? periodOf(to, "week").from;
  if (from > to)
    throw invalid("开始日期晚于结束日期 / The start date is after the end date", {
      from: "应不晚于结束日期 / Must not be after the end date",
    });
  const features = asked.features?.length ? (asked.features as UsageFeature[]) : USAGE_FEATURE_KEYS;
  return { period: asked.period, from, to, features: [...new Set(features)] };
}

export type ResolvedUsageInput = ReturnType<typeof resolveUsageInput>;

/** Uses of each feature per period from `from` to `to` (inclusive, Beijing days), in the caller's scope. */
export async function usageStatistics(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<UsageResult> {
  return (await usageWithInput(services, caller, input)).usage;
}

/** The figures and the ask as understood, defaults filled in (what the console page's form shows). */
export async function usageWithInput(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<{ asked: ResolvedUsageInput; usage: UsageResult }> {
  await authorize(services, caller, "usage.read");
  const asked = resolveUsageInput(input);
  const { period, from, to, features } = asked;
  const periods = periodsBetween(from, to, period);
  services.usage.count("stats.usage", caller.actor.orgPath);

  const bucket =
    period === "year"
      ? sql<string>`substr(${sql.ref("day")}, 1, 4)`
      : period === "month"
        ? sql<string>`substr(${sql.ref("day")}, 1, 7)`
        : sql<string>`${sql.ref("day")}`;
  const scope = caller.actor.orgPath;
  const rows = await services.db
    .selectFrom("usage_counts")
    .select((eb) => [bucket.as("bucket"), "feature", eb.fn.sum<number | string>("count").as("n")])
    .where("day", ">=", from)
    .where("day", "<=", to)
    .where("feature", "in", features)
    .where((eb) =>
      // Visitors who are not signed in ("") used the street's portal: the street's office sees them.
      caller.actor.role === "street_admin"
        ? eb.or([eb("org_path", "like", `${scope}%`), eb("org_path", "=", "")])
        : eb("org_path", "like", `${scope}%`),
    )
    .groupBy([bucket, "feature"])
    .execute();

  const slot = new Map(periods.map((p, i) => [p.key, i]));
  const values = new Map(features.map((f) => [f, periods.map(() => 0)]));
  for (const row of rows) {
    // Days and the month / year prefixes are period keys already; a day becomes its ISO week.
    const key = period === "week" ? periodOf(row.bucket, "week").key : row.bucket;
    const i = slot.get(key);
    const line = values.get(row.feature as UsageFeature);
    // SUM of a bigint is a DECIMAL on MySQL, which the driver hands over as a string.
    if (i !== undefined && line) line[i]! += Number(row.n);
  }
  const series = features.map((feature) => ({
    feature,
    label: USAGE_FEATURES[feature].zh,
    values: values.get(feature)!,
  }));
  const totals = series.map((s) => ({
    feature: s.feature,
    label: s.label,
    count: s.values.reduce((a, b) => a + b, 0),
  }));
  return { asked, usage: { period, periods, series, totals } };
}
