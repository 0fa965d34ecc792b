// A pivot report as an HTML table, for the screen and for printing from the browser: column-group header
// rows with spans, the measures under them, outer row keys merged over their rows, 小计 / 合计 in bold.
// On screen the header and the first column stay put while the table scrolls inside its box (a phone
// scrolls it sideways); printed, only the [data-print-root] block shows (app.css), black on white, the
// header repeated on every page, A4 landscape when the table is wide.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../i18n/index.ts";
import { formatValue, layoutReport } from "../../stats/report-layout.ts";
import type { PivotResult } from "../../stats/results.ts";

/** From this many columns a printout turns the page sideways. */
const WIDE = 9;

const border = "border-b border-r border-stone-200 print:border-black";
const headCell = `${border} bg-stone-100 px-2 py-1.5 font-medium text-stone-700 print:bg-white print:text-black`;

export function PivotTable(props: { result: PivotResult; className?: string }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const lang: Lang = i18n.language === "en" ? "en" : "zh-CN";
  const layout = layoutReport(props.result, lang);
  const depth = layout.corner.length;
  const wide = depth + layout.leaves.length >= WIDE;
  return (
    <section
      data-print-root=""
      data-print-wide={wide ? "" : undefined}
      aria-labelledby={titleId}
      className={`pivot-report text-stone-900 ${props.className ?? ""}`}
    >
      <header className="mb-3">
        <h2 id={titleId} className="text-lg font-semibold print:text-base">
          {layout.title}
        </h2>
        {layout.lines.map((line) => (
          <p key={line} className="text-sm text-stone-600 print:text-black">
            {line}
          </p>
        ))}
      </header>
      {layout.empty ? (
        <div
          role="status"
          className="rounded-md border border-dashed border-stone-300 px-4 py-10 text-center print:border-black"
        >
          <p className="font-medium">{t("statsReport.empty")}</p>
          <p className="mt-1 text-sm text-stone-500 print:hidden">{t("statsReport.emptyHint")}</p>
        </div>
      ) : (
        <section
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls by keyboard too
          tabIndex={0}
          aria-label={t("statsReport.scroll")}
          className="pivot-scroll max-h-[75vh] w-fit max-w-full overflow-auto rounded-md border-l border-t border-stone-200 bg-white print:w-full print:max-h-none print:overflow-visible print:rounded-none print:border-black"
        >
          <table className="border-separate border-spacing-0 text-sm tabular-nums print:text-[9pt]">
            <caption className="sr-only">{layout.title}</caption>
            <thead className="sticky top-0 z-20 print:static">
              {layout.header.map((cells, r) => (
                <tr key={r}>
                  {r === 0
                    ? layout.corner.map((label, c) => (
                        <th
                          key={c}
                          scope="col"
                          rowSpan={layout.header.length}
                          className={`${headCell} text-left align-bottom whitespace-nowrap ${c === 0 ? "sticky left-0 z-10 print:static" : ""}`}
                        >
                          {label}
                        </th>
                      ))
                    : null}
                  {cells
                    .filter((cell) => !cell.covered)
                    .map((cell, c) => (
                      <th
                        key={c}
                        scope={cell.span > 1 ? "colgroup" : "col"}
                        colSpan={cell.span}
                        rowSpan={cell.rowSpan}
                        className={`${headCell} ${cell.span > 1 ? "text-center" : "text-right"} whitespace-nowrap`}
                      >
                        {cell.label}
                      </th>
                    ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {layout.rows.map((row, r) => {
                const strong = row.kind !== "cell";
                const tone = row.kind === "total" ? "bg-stone-100" : strong ? "bg-stone-50" : "bg-white";
                return (
                  <tr
                    key={r}
                    data-kind={row.kind}
                    className={`${strong ? "font-semibold" : ""} break-inside-avoid`}
                  >
                    {row.labels.map((label, c) =>
                      label.rowSpan === 0 ? null : (
                        <th
                          key={c}
                          scope="row"
                          colSpan={label.span}
                          rowSpan={label.rowSpan}
                          className={`${border} ${label.rowSpan > 1 ? "bg-white font-normal" : tone} px-2 py-1 text-left align-top whitespace-nowrap print:bg-white ${c === 0 ? "sticky left-0 z-10 print:static" : ""} ${strong && label.rowSpan <= 1 ? "font-semibold" : "font-normal"}`}
                        >
                          {label.text}
                        </th>
                      ),
                    )}
                    {row.values.map((value, c) => {
                      const leaf = layout.leaves[c]!;
                      return (
                        <td
                          key={c}
                          className={`${border} ${leaf.column === null && !strong ? "bg-stone-50" : tone} px-2 py-1 text-right whitespace-nowrap print:bg-white`}
                        >
                          {formatValue(value, layout.decimals[leaf.measure] ?? 0, lang)}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
