// Pick a colour of the table's palette (each with its meaning), or clear the colour. The grid's bulk
// action 标记颜色 uses it too.
import { useTranslation } from "react-i18next";
import { type PaletteColour, useQueryApi } from "./api.ts";
import { presetName, sameColour } from "./colours.ts";
import { ErrorNote, Swatch } from "./parts.tsx";
import { usePalette } from "./usePalette.ts";

export interface ColourPickerProps {
  tableKey: string;
  /** The colour now (marked rows), if one. */
  value?: string | null;
  onPick: (colour: string | null) => void;
  /** Offer 清除颜色 (default true). */
  allowClear?: boolean;
  /** What is being coloured, for screen readers ("标记 3 行的颜色"). */
  label?: string;
  /** A palette already at hand; loaded otherwise. */
  palette?: PaletteColour[];
}

export function ColourPicker(props: ColourPickerProps) {
  const { t } = useTranslation();
  const api = useQueryApi(props.tableKey);
  const loaded = usePalette(props.tableKey, api);
  // Marks take palette colours only (the server refuses others).
  const palette = props.palette ?? loaded.palette;
  const colours = palette ?? [];
  const name = (c: PaletteColour) => {
    const preset = presetName(c.colour);
    return c.meaning || (preset ? t(`query.colours.names.${preset}`) : c.colour);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a list of buttons, each one picks
    <div role="group" aria-label={props.label ?? t("query.colours.pick")} className="flex flex-col gap-0.5">
      {loaded.error && !props.palette ? <ErrorNote error={loaded.error} /> : null}
      {!palette && !loaded.error ? <p className="px-2 text-sm text-stone-500">{t("query.loading")}</p> : null}
      {palette && palette.length === 0 ? (
        <p className="px-2 text-sm text-stone-500">{t("query.colours.emptyPalette")}</p>
      ) : null}
      {colours.map((c) => (
        <button
          key={c.colour}
          type="button"
          aria-pressed={sameColour(props.value, c.colour)}
          onClick={() => props.onPick(c.colour)}
          className="flex min-h-10 items-center gap-2 rounded px-2 text-left text-sm hover:bg-stone-100 aria-pressed:bg-stone-100 aria-pressed:font-medium"
        >
          <Swatch colour={c.colour} size="md" />
          <span className="min-w-0 flex-1 truncate">{name(c)}</span>
        </button>
      ))}
      {props.allowClear !== false ? (
        <button
          type="button"
          onClick={() => props.onPick(null)}
          className="flex min-h-10 items-center gap-2 rounded px-2 text-left text-sm text-stone-600 hover:bg-stone-100"
        >
          <Swatch colour={null} size="md" />
          {t("query.colours.clear")}
        </button>
      ) : null}
    </div>
  );
}
