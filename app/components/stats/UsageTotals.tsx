// Each feature's total over the range, under its group (门户, 账号, 数据 …), with the sum at the foot.
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { UsageResult } from "../../stats/results.ts";
import { isUsageFeature, USAGE_FEATURES, USAGE_GROUPS, type UsageGroup } from "../../stats/usage-features.ts";
import { cell, DataTable } from "../admin/Page.tsx";
import { useRoot } from "../useRoot.ts";
import { featureColour, featureLabel } from "./usage-chart.ts";

export function UsageTotals(props: { totals: UsageResult["totals"] }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const groups = new Map<UsageGroup | null, UsageResult["totals"]>();
  for (const row of props.totals) {
    const group = isUsageFeature(row.feature) ? USAGE_FEATURES[row.feature].group : null;
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const sum = props.totals.reduce((a, r) => a + r.count, 0);
  const number = new Intl.NumberFormat(lang);
  return (
    <DataTable head={[t("usage.table.feature"), t("usage.table.count")]} caption={t("usage.table.title")}>
      {[...groups].map(([group, rows]) => (
        <Fragment key={group ?? "other"}>
          {group ? (
            <tr className="bg-stone-50/60">
              <th
                scope="colgroup"
                colSpan={2}
                className={`${cell} text-left text-xs font-semibold tracking-wide text-stone-500`}
              >
                {lang === "en" ? USAGE_GROUPS[group].en : USAGE_GROUPS[group].zh}
              </th>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.feature}>
              <td className={cell}>
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="size-2.5 shrink-0 rounded-full"
                    style={{ background: featureColour(row.feature) }}
                  />
                  {featureLabel(row.feature, lang)}
                </span>
              </td>
              <td className={`${cell} text-right tabular-nums ${row.count === 0 ? "text-stone-400" : ""}`}>
                {number.format(row.count)}
              </td>
            </tr>
          ))}
        </Fragment>
      ))}
      <tr className="bg-stone-50 font-semibold">
        <th scope="row" className={`${cell} text-left`}>
          {t("usage.table.total")}
        </th>
        <td className={`${cell} text-right tabular-nums`}>{number.format(sum)}</td>
      </tr>
    </DataTable>
  );
}
