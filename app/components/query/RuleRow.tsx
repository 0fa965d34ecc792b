// One colour rule: which field, which of its values, which colour, the whole row or just the cell.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ColourRule } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import type { DictionaryOptions } from "../records/options.ts";
import type { PaletteColour } from "./api.ts";
import { isColour, pickerColours, presetName, sameColour, toggleRuleValue } from "./colours.ts";
import { border, control, IconButton, Swatch } from "./parts.tsx";

export function RuleRow(props: {
  rule: ColourRule;
  index: number;
  count: number;
  fields: GridField[];
  dictionaries: DictionaryOptions;
  palette: PaletteColour[] | undefined;
  incomplete: boolean;
  onChange: (rule: ColourRule) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { rule, fields } = props;
  const field = fields.find((f) => f.key === rule.field);
  const values =
    field?.type === "boolean"
      ? [
          { code: "true", label: t("query.summary.yes") },
          { code: "false", label: t("query.summary.no") },
        ]
      : (props.dictionaries[field?.options.dictionary ?? ""] ?? []);
  const colourName = (c: PaletteColour) => {
    const preset = presetName(c.colour);
    return c.meaning || (preset ? t(`query.colours.names.${preset}`) : c.colour);
  };
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-stone-200 p-2">
      <legend className="sr-only">{t("query.rules.ruleN", { n: props.index + 1 })}</legend>
      <div className="flex items-center gap-1">
        <select
          aria-label={t("query.rules.field")}
          value={rule.field}
          className={`${control} ${border(!field)}`}
          onChange={(e) => props.onChange({ ...rule, field: e.target.value, values: [] })}
        >
          {field ? null : <option value={rule.field}>{t("query.filter.chooseField")}</option>}
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
        <IconButton label={t("query.rules.up")} disabled={props.index === 0} onClick={() => props.onMove(-1)}>
          ↑
        </IconButton>
        <IconButton
          label={t("query.rules.down")}
          disabled={props.index === props.count - 1}
          onClick={() => props.onMove(1)}
        >
          ↓
        </IconButton>
        <IconButton label={t("query.rules.remove")} tone="danger" onClick={props.onRemove}>
          ×
        </IconButton>
      </div>
      <fieldset
        aria-invalid={(props.incomplete && rule.values.length === 0) || undefined}
        className={`max-h-36 overflow-y-auto rounded-md border px-2 py-1 ${border(props.incomplete && rule.values.length === 0)}`}
      >
        <legend className="sr-only">{t("query.rules.values")}</legend>
        <div className="flex flex-wrap gap-x-3">
          {values.map((o) => (
            <label key={o.code} className="flex min-h-9 items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-500"
                checked={rule.values.includes(o.code)}
                onChange={() => props.onChange(toggleRuleValue(rule, o.code))}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="mb-1 text-xs text-stone-600">{t("query.rules.colour")}</legend>
        {pickerColours(props.palette).map((c) => (
          <button
            key={c.colour}
            type="button"
            aria-pressed={sameColour(rule.colour, c.colour)}
            aria-label={colourName(c)}
            title={colourName(c)}
            onClick={() => props.onChange({ ...rule, colour: c.colour })}
            className="flex size-10 items-center justify-center rounded-full ring-offset-1 aria-pressed:ring-2 aria-pressed:ring-stone-800"
          >
            <Swatch colour={c.colour} size="md" />
          </button>
        ))}
        <label className="flex items-center">
          <span className="sr-only">{t("query.colours.custom")}</span>
          <input
            type="color"
            value={isColour(rule.colour) ? rule.colour : "#f97316"}
            onChange={(e) => props.onChange({ ...rule, colour: e.target.value })}
            className="h-10 w-12 cursor-pointer rounded border border-stone-300 bg-white"
          />
        </label>
      </fieldset>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <select
          aria-label={t("query.rules.target")}
          value={rule.target}
          className={`${control} ${border()}`}
          onChange={(e) => props.onChange({ ...rule, target: e.target.value === "cell" ? "cell" : "row" })}
        >
          <option value="row">{t("query.rules.row")}</option>
          <option value="cell">{t("query.rules.cell")}</option>
        </select>
        <input
          id={`${id}-label`}
          aria-label={t("query.rules.label")}
          placeholder={t("query.rules.labelPlaceholder")}
          maxLength={40}
          value={rule.label ?? ""}
          className={`${control} ${border()}`}
          onChange={(e) => {
            const { label: _label, ...rest } = rule;
            props.onChange(e.target.value ? { ...rest, label: e.target.value } : rest);
          }}
        />
      </div>
    </fieldset>
  );
}
