// 列设置: every column of the view with a box to show or hide it, buttons to move it up or down, and how
// many columns stay frozen at the left — the keyboard path to what the headers do by dragging.
import { useTranslation } from "react-i18next";
import type { ViewColumn } from "../../query/view.ts";
import { freezeThrough, moveColumn } from "./columns.ts";

export function ColumnsPanel(props: {
  columns: Required<ViewColumn>[];
  labelOf(key: string): string;
  onChange(next: Required<ViewColumn>[]): void;
  onReset(): void;
}) {
  const { t } = useTranslation();
  const { columns } = props;
  const frozen = columns.filter((c) => c.frozen).length;
  const small =
    "flex size-8 items-center justify-center rounded border border-stone-300 bg-white text-xs hover:bg-stone-100 disabled:opacity-40";
  return (
    <div className="flex max-h-[70vh] flex-col gap-3">
      <label className="flex items-center gap-2 text-sm">
        {t("grid.columns.frozen")}
        <select
          value={frozen}
          onChange={(e) => {
            const n = Number(e.target.value);
            props.onChange(freezeThrough(columns, n === 0 ? null : columns[n - 1]!.key));
          }}
          className="min-h-9 rounded-md border border-stone-300 bg-white px-2"
        >
          {Array.from({ length: Math.min(columns.length, 6) + 1 }, (_, n) => (
            <option key={n} value={n}>
              {n === 0 ? t("grid.columns.none") : t("grid.columns.firstN", { count: n })}
            </option>
          ))}
        </select>
      </label>
      <ol className="flex flex-col gap-1 overflow-y-auto pr-1" aria-label={t("grid.columns.title")}>
        {columns.map((c, i) => (
          <li key={c.key} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              id={`col-${c.key}`}
              checked={!c.hidden}
              onChange={(e) =>
                props.onChange(
                  columns.map((x) => (x.key === c.key ? { ...x, hidden: !e.target.checked } : x)),
                )
              }
              className="size-4 accent-brand-500"
            />
            <label htmlFor={`col-${c.key}`} className="min-w-0 flex-1 truncate">
              {props.labelOf(c.key)}
              {c.frozen ? <span className="ml-1 text-xs text-stone-500">{t("grid.frozen")}</span> : null}
            </label>
            <button
              type="button"
              className={small}
              disabled={i === 0}
              aria-label={t("grid.columns.up", { label: props.labelOf(c.key) })}
              onClick={() => props.onChange(moveColumn(columns, c.key, { before: columns[i - 1]!.key }))}
            >
              ↑
            </button>
            <button
              type="button"
              className={small}
              disabled={i === columns.length - 1}
              aria-label={t("grid.columns.down", { label: props.labelOf(c.key) })}
              onClick={() =>
                props.onChange(
                  moveColumn(
                    columns,
                    c.key,
                    i + 2 < columns.length ? { before: columns[i + 2]!.key } : { before: "" },
                  ),
                )
              }
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={props.onReset} className="self-start text-sm text-brand-700 underline">
        {t("grid.columns.reset")}
      </button>
    </div>
  );
}
