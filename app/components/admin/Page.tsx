// Page building blocks of the console: a heading with actions, tables that scroll sideways on phones.
import type { ReactNode } from "react";

export function PageHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-stone-900 sm:text-2xl">{props.title}</h1>
        {props.description ? <p className="mt-1 text-sm text-stone-500">{props.description}</p> : null}
      </div>
      {props.actions ? <div className="flex flex-wrap items-center gap-2">{props.actions}</div> : null}
    </div>
  );
}

/**
 * A table in a card; on narrow screens it scrolls horizontally instead of squeezing its columns. `tall`
 * bounds its height (it scrolls inside, the header staying in view) for long lists within a page.
 */
export function DataTable(props: {
  head: ReactNode[];
  children: ReactNode;
  caption?: string;
  tall?: boolean;
}) {
  return (
    <div
      className={`overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm ${props.tall ? "max-h-96 overflow-y-auto" : ""}`}
    >
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        {props.caption ? <caption className="sr-only">{props.caption}</caption> : null}
        <thead className={props.tall ? "sticky top-0 bg-stone-50" : "bg-stone-50"}>
          <tr>
            {props.head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className="px-3 py-2.5 text-left font-medium whitespace-nowrap text-stone-600 sm:px-4"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">{props.children}</tbody>
      </table>
    </div>
  );
}

export const cell = "px-3 py-2.5 align-middle whitespace-nowrap sm:px-4";

export function EmptyState(props: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-sm text-stone-500">
      <p>{props.children}</p>
      {props.action ? <div className="mt-4">{props.action}</div> : null}
    </div>
  );
}

export function StatusBadge(props: { tone: "green" | "stone" | "red"; children: ReactNode }) {
  const tone = {
    green: "bg-green-50 text-green-700 ring-green-600/20",
    stone: "bg-stone-100 text-stone-600 ring-stone-500/20",
    red: "bg-red-50 text-red-700 ring-red-600/20",
  }[props.tone];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
    >
      {props.children}
    </span>
  );
}

/** Link styled as a button (for navigation, where a <button> would be wrong). */
export const buttonLink = {
  primary:
    "inline-flex items-center justify-center rounded-md bg-brand-500 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600",
  secondary:
    "inline-flex items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100",
};
