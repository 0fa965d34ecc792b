// Option colours: a swatch beside an option, and a picker of radio swatches from the palette (plain
// radios, so it works without JavaScript; the names are there for screen readers and on hover).
import { useTranslation } from "react-i18next";
import { PALETTE } from "../../schema/dictionaries/types.ts";

const NAMES = Object.keys(PALETTE) as (keyof typeof PALETTE)[];

export function Swatch(props: { colour?: string }) {
  return props.colour ? (
    <span
      aria-hidden="true"
      className="inline-block size-3.5 shrink-0 rounded-full ring-1 ring-black/10"
      style={{ backgroundColor: props.colour }}
    />
  ) : (
    <span aria-hidden="true" className="inline-block size-3.5 shrink-0 rounded-full ring-1 ring-stone-300" />
  );
}

export function ColourPicker(props: { defaultValue?: string }) {
  const { t } = useTranslation();
  const current = props.defaultValue ?? "";
  const choices = [
    { value: "", name: t("schema.dict.noColour") },
    ...NAMES.map((n) => ({ value: PALETTE[n] as string, name: t(`schema.dict.colours.${n}`) })),
  ];
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-stone-700">{t("schema.dict.colour")}</legend>
      <div className="flex flex-wrap gap-1">
        {choices.map((c) => (
          <label key={c.value || "none"} title={c.name} className="cursor-pointer">
            <input
              type="radio"
              name="colour"
              value={c.value}
              defaultChecked={c.value === current}
              className="peer sr-only"
            />
            <span className="sr-only">{c.name}</span>
            <span
              aria-hidden="true"
              className="flex size-11 items-center justify-center rounded-full ring-offset-2 peer-checked:ring-2 peer-checked:ring-stone-800 peer-focus-visible:outline-2 peer-focus-visible:outline-brand-500"
            >
              {c.value ? (
                <span className="size-7 rounded-full" style={{ backgroundColor: c.value }} />
              ) : (
                <span className="flex size-7 items-center justify-center rounded-full text-xs text-stone-500 ring-1 ring-stone-300">
                  ∅
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
