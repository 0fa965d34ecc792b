// 颜色标记: what each colour means — the palette (manual marks; editable by those who may) and the rules
// of this view — each a toggle that filters the grid by that colour; and the view's rule editor.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ColourRule } from "../../query/view.ts";
import type { GridTable } from "../grid/types.ts";
import { useQueryApi } from "./api.ts";
import { ColourRuleEditor } from "./ColourRuleEditor.tsx";
import { legendEntries, ruleText, sameColour, toggleColour } from "./colours.ts";
import { PaletteEditor } from "./PaletteEditor.tsx";
import { Popover } from "./Popover.tsx";
import { ErrorNote, Swatch, smallButton } from "./parts.tsx";
import type { Translate } from "./summary.ts";
import { usePalette } from "./usePalette.ts";

export interface ColourSelection {
  /** 按颜色筛选: rows of any of these colours. */
  colours?: string[];
  colourRules?: ColourRule[];
}

export interface ColourLegendProps {
  table: GridTable;
  value: ColourSelection;
  onChange: (next: ColourSelection) => void;
}

export function ColourLegend(props: ColourLegendProps) {
  const { t } = useTranslation();
  const id = useId();
  const { table, value } = props;
  const api = useQueryApi(table.key);
  const { palette, error, save } = usePalette(table.key, api);
  const rules = value.colourRules ?? [];
  const entries = legendEntries(
    palette ?? [],
    rules,
    (rule) => ruleText(rule, table.fields, table.dictionaries, t as unknown as Translate),
    t("query.colours.meaningSep"),
  );
  const set = (patch: ColourSelection) => {
    const next = { ...value, ...patch };
    props.onChange({
      ...(next.colours?.length ? { colours: next.colours } : {}),
      ...(next.colourRules?.length ? { colourRules: next.colourRules } : {}),
    });
  };
  const filtering = value.colours ?? [];

  return (
    <section aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-2">
      <header className="flex flex-wrap items-center justify-between gap-1">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-stone-800">
          {t("query.colours.title")}
        </h3>
        <div className="flex flex-wrap items-center gap-1">
          <Popover
            label={t("query.rules.title")}
            wide
            align="end"
            button={t("query.rules.button", { n: rules.length })}
            buttonClassName={`${smallButton} text-xs`}
          >
            {(close) => (
              <ColourRuleEditor
                table={table}
                value={value.colourRules}
                palette={palette}
                onChange={(colourRules) => set({ colourRules })}
                onDone={close}
              />
            )}
          </Popover>
          {table.can.editPalette ? (
            <Popover
              label={t("query.colours.editPalette")}
              align="end"
              button={t("query.colours.editPalette")}
              buttonClassName={`${smallButton} text-xs`}
            >
              {(close) =>
                // Edited only once loaded: a save compares with what the server holds.
                palette ? (
                  <PaletteEditor palette={palette} onSave={save} onDone={close} />
                ) : (
                  <p className="text-sm text-stone-500">{t("query.loading")}</p>
                )
              }
            </Popover>
          ) : null}
        </div>
      </header>
      {error ? <ErrorNote error={error} /> : null}
      {entries.length === 0 ? (
        <p className="text-sm text-stone-500">{palette ? t("query.colours.empty") : t("query.loading")}</p>
      ) : (
        <>
          <p id={`${id}-hint`} className="text-xs text-stone-500">
            {t("query.colours.filterHint")}
          </p>
          <ul aria-describedby={`${id}-hint`} className="flex flex-col">
            {entries.map((e) => (
              <li key={`${e.source}-${e.colour}`}>
                <button
                  type="button"
                  aria-pressed={filtering.some((c) => sameColour(c, e.colour))}
                  onClick={() => set({ colours: toggleColour(value.colours, e.colour) })}
                  className="flex min-h-9 w-full items-center gap-2 rounded px-1 text-left text-sm hover:bg-stone-50 aria-pressed:bg-brand-50 aria-pressed:font-medium"
                >
                  <Swatch colour={e.colour} size="md" />
                  <span className="min-w-0 flex-1">{e.meaning || e.colour}</span>
                  <span className="text-xs text-stone-400">
                    {t(e.source === "rule" ? "query.colours.fromRule" : "query.colours.fromMark")}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {filtering.length > 0 ? (
            <button
              type="button"
              className={`${smallButton} self-start text-xs`}
              onClick={() => set({ colours: undefined })}
            >
              {t("query.colours.clearFilter")}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
