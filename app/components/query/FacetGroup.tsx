// One facet: a field's values with their counts under the current query, ticked values filter the grid.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FacetRow } from "./facets.ts";
import { Swatch, smallButton } from "./parts.tsx";

const FIRST = 8;

export function FacetGroup(props: {
  label: string;
  rows: FacetRow[];
  loading: boolean;
  onToggle: (code: string) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [all, setAll] = useState(false);
  const ticked = props.rows.filter((r) => r.ticked).length;
  // Ticked values are always in view, even past the first few.
  const shown = all ? props.rows : props.rows.filter((r, i) => i < FIRST || r.ticked);
  const hidden = props.rows.length - shown.length;
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-busy={props.loading || undefined}>
      <legend className="flex w-full items-center justify-between gap-2 text-sm font-medium text-stone-800">
        <span>
          {props.label}
          {ticked > 0 ? <span className="ml-1 text-brand-700">({ticked})</span> : null}
        </span>
      </legend>
      {ticked > 0 ? (
        <button
          type="button"
          className={`${smallButton} -mt-1 self-start px-1 text-xs text-brand-700`}
          onClick={props.onClear}
        >
          {t("query.facets.clearField", { field: props.label })}
        </button>
      ) : null}
      {props.rows.length === 0 ? (
        <p className="text-sm text-stone-500">
          {props.loading ? t("query.loading") : t("query.facets.noValues")}
        </p>
      ) : (
        <ul id={`${id}-list`} className="flex flex-col">
          {shown.map((row) => (
            <li key={row.code ?? "\u0000empty"}>
              <label
                className={`flex min-h-9 items-center gap-2 rounded px-1 text-sm ${
                  row.code === null ? "text-stone-400" : "cursor-pointer hover:bg-stone-50"
                }`}
              >
                <input
                  type="checkbox"
                  className="size-4 accent-brand-500"
                  checked={row.ticked}
                  disabled={row.code === null}
                  onChange={() => row.code !== null && props.onToggle(row.code)}
                />
                {row.colour ? <Swatch colour={row.colour} /> : null}
                <span className="min-w-0 flex-1 truncate">{row.label}</span>
                <span
                  className={`tabular-nums text-xs ${row.count === 0 ? "text-stone-400" : "text-stone-500"}`}
                >
                  {row.count.toLocaleString(i18n.language)}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 || all ? (
        <button
          type="button"
          aria-expanded={all}
          aria-controls={`${id}-list`}
          className={`${smallButton} self-start px-1 text-xs`}
          onClick={() => setAll((a) => !a)}
        >
          {all ? t("query.facets.fewer") : t("query.facets.more", { n: hidden })}
        </button>
      ) : null}
    </fieldset>
  );
}
