// What each colour of a table means (红 = 重点关注, 橙 = 独居老人 …), for those who may edit the palette.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/** A palette holds at most this many colours (a view filters by up to 20). */
const PALETTE_MAX = 20;

import type { PaletteColour } from "./api.ts";
import {
  isColour,
  PRESET_COLOURS,
  presetName,
  removeFromPalette,
  sameColour,
  setMeaning,
} from "./colours.ts";
import { border, control, ErrorNote, IconButton, primaryButton, Swatch, secondaryButton } from "./parts.tsx";

export function PaletteEditor(props: {
  palette: PaletteColour[];
  onSave: (palette: PaletteColour[]) => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(props.palette);
  const [custom, setCustom] = useState("#0ea5e9");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = draft.some((p) => p.meaning.trim() === "");
  const full = draft.length >= PALETTE_MAX;
  const unused = full ? [] : PRESET_COLOURS.filter((p) => !draft.some((d) => sameColour(d.colour, p.colour)));

  const save = async () => {
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSave(draft.map((p) => ({ ...p, meaning: p.meaning.trim() })));
      props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-stone-600">{t("query.colours.paletteHint")}</p>
      <ul className="flex flex-col gap-1.5">
        {draft.map((p, i) => (
          <li key={p.colour} className="flex items-center gap-2">
            <Swatch colour={p.colour} size="md" />
            <input
              id={`${id}-${i}`}
              aria-label={t("query.colours.meaningOf", {
                colour: presetName(p.colour) ? t(`query.colours.names.${presetName(p.colour)}`) : p.colour,
              })}
              maxLength={60}
              value={p.meaning}
              placeholder={t("query.colours.meaningPlaceholder")}
              aria-invalid={p.meaning.trim() === "" || undefined}
              onChange={(e) => setDraft((d) => setMeaning(d, p.colour, e.target.value))}
              className={`${control} ${border(p.meaning.trim() === "")}`}
            />
            <IconButton
              label={t("query.colours.remove")}
              tone="danger"
              onClick={() => setDraft((d) => removeFromPalette(d, p.colour))}
            >
              ×
            </IconButton>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-1">
        <span className="text-sm text-stone-700">{t("query.colours.add")}</span>
        {unused.map((p) => (
          <button
            key={p.colour}
            type="button"
            aria-label={t("query.colours.addNamed", { colour: t(`query.colours.names.${p.name}`) })}
            title={t(`query.colours.names.${p.name}`)}
            onClick={() => setDraft((d) => setMeaning(d, p.colour, ""))}
            className="flex size-10 items-center justify-center rounded-full hover:bg-stone-100"
          >
            <Swatch colour={p.colour} size="md" />
          </button>
        ))}
        <label className="flex items-center gap-1 text-sm text-stone-700">
          <span className="sr-only">{t("query.colours.custom")}</span>
          <input
            type="color"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            className="h-10 w-12 cursor-pointer rounded border border-stone-300 bg-white"
          />
        </label>
        <button
          type="button"
          className={secondaryButton}
          disabled={full || !isColour(custom) || draft.some((d) => sameColour(d.colour, custom))}
          onClick={() => setDraft((d) => setMeaning(d, custom, ""))}
        >
          {t("query.colours.addCustom")}
        </button>
      </div>
      {missing ? <p className="text-sm text-red-700">{t("query.colours.meaningMissing")}</p> : null}
      {error ? <ErrorNote error={error} /> : null}
      <div className="flex gap-2">
        <button type="button" className={primaryButton} disabled={busy || missing} onClick={save}>
          {busy ? t("query.saving") : t("query.save")}
        </button>
        <button type="button" className={secondaryButton} onClick={props.onDone}>
          {t("query.cancel")}
        </button>
      </div>
    </div>
  );
}
