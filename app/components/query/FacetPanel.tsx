// 分类筛选: for the choice, multiple-choice and yes/no fields the reader picks (人员类别, 性别, 特殊人群,
// 政治面貌 to start with), each value with its count under the current query — a field's own ticks left
// out, so the counts say what ticking more would add. Ticks edit `facets`.
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ViewQuery } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { useQueryApi } from "./api.ts";
import { FacetGroup } from "./FacetGroup.tsx";
import {
  clearFacet,
  countingQuery,
  defaultFacetFields,
  type Facets,
  facetableFields,
  facetRows,
  knownFacetFields,
  tickedCount,
  toggleFacet,
} from "./facets.ts";
import { Popover } from "./Popover.tsx";
import { ErrorNote, smallButton } from "./parts.tsx";
import { useLoad } from "./useLoad.ts";

export interface FacetPanelProps {
  table: GridTable;
  /** The grid's current query (what the counts are under). */
  query: ViewQuery;
  value: Facets | undefined;
  onChange: (facets: Facets | undefined) => void;
  /** The fields shown; when absent the panel keeps the reader's choice itself (per table, in this browser). */
  fields?: string[];
  onFieldsChange?: (keys: string[]) => void;
}

const storageKey = (table: string) => `linli.query.facets.${table}`;

export function FacetPanel(props: FacetPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const { table } = props;
  const api = useQueryApi(table.key);
  const candidates = useMemo(() => facetableFields(table.fields), [table.fields]);
  const [own, setOwn] = useState<string[]>(() => defaultFacetFields(table.fields));
  const chosen = knownFacetFields(props.fields ?? own, table.fields);

  // The reader's earlier choice for this table, kept in this browser.
  useEffect(() => {
    if (props.fields) return;
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey(table.key)) ?? "null");
      if (Array.isArray(saved)) setOwn(saved.filter((k): k is string => typeof k === "string"));
    } catch {
      // Storage unavailable or spoilt: keep the default.
    }
  }, [table.key, props.fields]);

  const choose = (keys: string[]) => {
    if (props.onFieldsChange) props.onFieldsChange(keys);
    if (!props.fields) {
      setOwn(keys);
      try {
        window.localStorage.setItem(storageKey(table.key), JSON.stringify(keys));
      } catch {
        // Not kept; the choice still holds on this page.
      }
    }
  };

  const counting = useMemo(() => {
    const base = countingQuery(props.query);
    const { facets: _facets, ...rest } = base;
    return props.value ? { ...rest, facets: props.value } : rest;
  }, [props.query, props.value]);
  const key = chosen.length > 0 ? JSON.stringify([counting, chosen]) : null;
  const loaded = useLoad(key, (signal) => api.facets(counting, chosen, signal));
  const byField = new Map((loaded.data ?? []).map((f) => [f.field, f]));

  const ticked = tickedCount(props.value);
  return (
    <section aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-stone-800">
          {t("query.facets.title")}
        </h3>
        <div className="flex items-center gap-1">
          {ticked > 0 ? (
            <button
              type="button"
              className={`${smallButton} text-xs`}
              onClick={() => props.onChange(undefined)}
            >
              {t("query.facets.clearAll")}
            </button>
          ) : null}
          <Popover
            label={t("query.facets.choose")}
            align="end"
            button={t("query.facets.choose")}
            buttonClassName={`${smallButton} text-xs`}
          >
            {() => (
              <fieldset className="flex flex-col gap-1">
                <legend className="mb-1 text-sm font-medium">{t("query.facets.chooseHint")}</legend>
                {candidates.length === 0 ? (
                  <p className="text-sm text-stone-500">{t("query.facets.noFields")}</p>
                ) : (
                  candidates.map((f) => (
                    <label key={f.key} className="flex min-h-9 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="size-4 accent-brand-500"
                        checked={chosen.includes(f.key)}
                        onChange={(e) =>
                          choose(
                            e.target.checked
                              ? knownFacetFields([...chosen, f.key], table.fields)
                              : chosen.filter((k) => k !== f.key),
                          )
                        }
                      />
                      {f.label}
                    </label>
                  ))
                )}
              </fieldset>
            )}
          </Popover>
        </div>
      </header>
      {loaded.error ? <ErrorNote error={loaded.error} /> : null}
      {chosen.length === 0 ? <p className="text-sm text-stone-500">{t("query.facets.noneChosen")}</p> : null}
      {chosen.map((fieldKey) => {
        const field = table.fields.find((f) => f.key === fieldKey)!;
        const facet = byField.get(fieldKey);
        const rows = facetRows(
          facet?.values ?? [],
          props.value?.[fieldKey] ?? [],
          table.dictionaries[field.options.dictionary ?? ""],
        );
        return (
          <FacetGroup
            key={fieldKey}
            label={field.label}
            rows={rows}
            loading={loaded.loading}
            onToggle={(code) => props.onChange(toggleFacet(props.value, fieldKey, code))}
            onClear={() => props.onChange(clearFacet(props.value, fieldKey))}
          />
        );
      })}
    </section>
  );
}
