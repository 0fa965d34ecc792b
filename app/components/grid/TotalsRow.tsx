// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of positioned divs (a <table> cannot be virtualised row by row)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid holds focus and names its active cell with aria-activedescendant
// The grid's footer row, sticky at the bottom: the sum of each number and money column (its average
// on hover) over every matching row, as the engine counted them.
import { useTranslation } from "react-i18next";
import type { Totals } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import { ROW_NUMBER } from "./columns.ts";
import { type ColumnLayout, cellStyle, FOOTER_HEIGHT, summed } from "./layout.ts";
import type { GridField } from "./types.ts";

export function TotalsRow(props: {
  layout: ColumnLayout[];
  width: number;
  /** Rows in the body (the footer's aria-rowindex follows them and the header). */
  total: number;
  totals: Totals | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="rowgroup"
      className="sticky bottom-0 z-20"
      style={{ width: props.width, height: FOOTER_HEIGHT }}
    >
      <div
        role="row"
        aria-rowindex={props.total + 2}
        className="flex h-full border-t border-stone-300 bg-stone-50"
      >
        {props.layout.map((column) => (
          <div
            key={column.key}
            role="gridcell"
            style={cellStyle(column, FOOTER_HEIGHT)}
            className={`truncate border-r border-stone-200 bg-stone-50 px-2 text-xs leading-[30px] tabular-nums ${
              column.numeric ? "text-right" : ""
            }`}
          >
            {column.key === ROW_NUMBER ? (
              <span title={t("grid.totalsRow")}>Σ</span>
            ) : column.field && summed(column, props.totals) ? (
              <FooterTotal totals={props.totals} field={column.field} lang={props.lang} />
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}

function FooterTotal(props: { totals: Totals | null; field: GridField; lang: Lang }) {
  const { t } = useTranslation();
  const sum = props.totals?.numbers[props.field.key]?.sum;
  if (sum === null || sum === undefined) return <span className="text-stone-400">—</span>;
  const text = sum.toLocaleString(props.lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 });
  const avg = props.totals?.numbers[props.field.key]?.avg;
  return (
    <span
      title={t("grid.sumAvg", {
        sum: text,
        avg:
          avg?.toLocaleString(props.lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 }) ?? "—",
      })}
    >
      {t("grid.sum")} {props.field.type === "money" ? "¥" : ""}
      {text}
    </span>
  );
}
