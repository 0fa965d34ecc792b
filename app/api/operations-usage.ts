// Registry entry for the usage statistics of the platform (使用统计): how often each function was used per
// year, month, ISO week or day. Spread into OPERATIONS (app/api/operations.ts).
import { z } from "zod";
import { PERIODS } from "../stats/spec.ts";
import { usageInputSchema } from "../stats/usage-query.server.ts";
import type { ApiOperation, Text } from "./operations.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });
const day = z.iso.date();
const count = z.number().int().min(0);

/** What GET /usage answers: app/stats/results.ts#UsageResult. */
export const usageResultSchema = z
  .object({
    period: z.enum(PERIODS),
    periods: z.array(
      z.object({
        key: z.string().describe("2026、2026-12、2026-W49 或 2026-12-07 / The period's key"),
        label: z.string(),
        from: day.describe("该时段第一天（北京时间）/ First day of the period (Beijing time)"),
        to: day.describe("该时段最后一天 / Last day of the period"),
      }),
    ),
    series: z.array(
      z.object({
        feature: z.string().describe("功能代码，如 auth.login.staff / Feature key"),
        label: z.string(),
        values: z.array(count).describe("每个时段的次数，与 periods 一一对应 / Uses per period, as periods"),
      }),
    ),
    totals: z.array(z.object({ feature: z.string(), label: z.string(), count })),
  })
  .meta({ id: "UsageStatistics", description: "各功能按时段的使用次数 / Uses of each function by period" });

export const USAGE_OPERATIONS = [
  {
    operationId: "getUsage",
    method: "GET",
    path: "/usage",
    tag: "stats",
    summary: ok(
      "平台各功能的使用次数（按年、月、周、日）",
      "How often each platform function was used (by year, month, week or day)",
    ),
    access: "usage.read",
    query: usageInputSchema,
    queryHelp: {
      period: ok(
        "统计周期：year、month、week（ISO 周）或 day，默认 day",
        "year, month, week (ISO) or day; default day",
      ),
      from: ok(
        "起始日期（含，北京时间）YYYY-MM-DD，默认本周一",
        "First day (inclusive, Beijing time) YYYY-MM-DD; default this week's Monday",
      ),
      to: ok(
        "截止日期（含）YYYY-MM-DD，默认本周日",
        "Last day (inclusive) YYYY-MM-DD; default this week's Sunday",
      ),
      features: ok(
        "只看这些功能，用逗号分隔，如 auth.login.staff,transfer.import；默认全部",
        "Only these features, comma-separated, e.g. auth.login.staff,transfer.import; default all",
      ),
    },
    success: {
      status: 200,
      description: ok(
        "各时段的次数与合计（数据最多滞后几秒）",
        "Counts per period and totals (a few seconds behind at most)",
      ),
      schema: usageResultSchema,
    },
    errors: [400, 401, 403],
  },
] as const satisfies readonly ApiOperation[];
