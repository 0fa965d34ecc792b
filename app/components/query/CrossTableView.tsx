// A statistics result as a table: row field down the side, column field (if any) across the top with the
// measures under each value, row totals on the right, column totals and the grand total at the foot.
import { useTranslation } from "react-i18next";
import type { Aggregate } from "../../query/view.ts";
import { type CrossTable, formatMeasure } from "./stats.ts";

export function CrossTableView(props: {
  table: CrossTable;
  caption: string;
  /** Header of the first column: the row field's name. */
  corner: string;
  /** Label and function of each measure. */
  measures: { label: string; fn: Aggregate }[];
}) {
  const { t, i18n } = useTranslation();
  const { table, measures } = props;
  const two = table.groups.length > 0;
  const manyMeasures = measures.length > 1;
  const cell = (v: number | null, leaf: number) =>
    formatMeasure(v, measures[table.leaves[leaf]!]?.fn ?? "count", i18n.language);
  const totalColumn = (leaf: number) => two && leaf >= table.leaves.length - measures.length;
  return (
    <section
      aria-label={props.caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways by keyboard too
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-md border border-stone-200"
    >
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-stone-50 text-stone-700">
          {two ? (
            <tr>
              <th
                scope="col"
                rowSpan={manyMeasures ? 2 : 1}
                className="border-b border-stone-200 px-3 py-2 text-left font-medium"
              >
                {props.corner}
              </th>
              {table.groups.map((g) => (
                <th
                  key={`${g.label}-${g.total}`}
                  scope="colgroup"
                  colSpan={g.span}
                  className={`border-b border-l border-stone-200 px-3 py-2 text-right font-medium ${g.total ? "bg-stone-100" : ""}`}
                >
                  {g.label}
                </th>
              ))}
            </tr>
          ) : null}
          {!two || manyMeasures ? (
            <tr>
              {two ? null : (
                <th scope="col" className="border-b border-stone-200 px-3 py-2 text-left font-medium">
                  {props.corner}
                </th>
              )}
              {table.leaves.map((m, i) => (
                <th
                  key={i}
                  scope="col"
                  className={`border-b border-l border-stone-200 px-3 py-2 text-right font-medium ${totalColumn(i) ? "bg-stone-100" : ""}`}
                >
                  {measures[m]?.label}
                </th>
              ))}
            </tr>
          ) : null}
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.leaves.length + 1} className="px-3 py-4 text-center text-stone-500">
                {t("query.stats.noRows")}
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r} className="odd:bg-white even:bg-stone-50/50">
                <th scope="row" className="border-t border-stone-100 px-3 py-1.5 text-left font-normal">
                  {row.label}
                </th>
                {row.values.map((v, i) => (
                  <td
                    key={i}
                    className={`border-t border-l border-stone-100 px-3 py-1.5 text-right tabular-nums ${totalColumn(i) ? "bg-stone-50 font-medium" : ""}`}
                  >
                    {cell(v, i)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        <tfoot className="bg-stone-100 font-medium">
          <tr>
            <th scope="row" className="border-t border-stone-300 px-3 py-2 text-left">
              {table.footer.label}
            </th>
            {table.footer.values.map((v, i) => (
              <td key={i} className="border-t border-l border-stone-300 px-3 py-2 text-right tabular-nums">
                {cell(v, i)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
