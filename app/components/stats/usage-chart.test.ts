import { describe, expect, it } from "vitest";
import { periodOf } from "../../stats/periods.ts";
import { chartRows, featureColour, periodTick, periodTitle, usedSeries } from "./usage-chart.ts";

describe("usage chart helpers", () => {
  it("labels ticks short enough for a phone, in the reader's language", () => {
    const day = "2021-01-04";
    expect(periodTick(periodOf(day, "day"), "day", "zh-CN")).toBe("01-04");
    expect(periodTick(periodOf(day, "week"), "week", "zh-CN")).toBe("第1周");
    expect(periodTick(periodOf(day, "week"), "week", "en")).toBe("W01");
    expect(periodTick(periodOf(day, "month"), "month", "zh-CN")).toBe("1月");
    expect(periodTick(periodOf(day, "month"), "month", "en")).toBe("2021-01");
    expect(periodTick(periodOf(day, "year"), "year", "zh-CN")).toBe("2021");
    expect(periodTitle(periodOf("2020-12-31", "week"), "zh-CN")).toBe(
      "2020年第53周（2020-12-28 ~ 2021-01-03）",
    );
    expect(periodTitle(periodOf(day, "day"), "en")).toBe(day);
  });

  it("lays the series on one row per period and keeps only features that were used", () => {
    const periods = [periodOf("2021-01-04", "day"), periodOf("2021-01-05", "day")];
    const series = [
      { feature: "auth.login.staff", label: "工作人员登录", values: [3, 0] },
      { feature: "transfer.import", label: "导入", values: [0, 0] },
    ];
    expect(chartRows(periods, series)).toEqual([
      { key: "2021-01-04", "auth.login.staff": 3, "transfer.import": 0 },
      { key: "2021-01-05", "auth.login.staff": 0, "transfer.import": 0 },
    ]);
    expect(usedSeries(series).map((s) => s.feature)).toEqual(["auth.login.staff"]);
    expect(featureColour("auth.login.staff")).not.toBe(featureColour("auth.login.resident"));
  });
});
