// The template as a whole: its name, description and category; the paper, its margins and the grid of
// labels on it (with the size each label comes to); and the default values for merge names records do
// not have (落款, 活动名称 …).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../i18n/index.ts";
import { PAPER_NAMES, PAPER_SIZES, type PrintTemplate, TEMPLATE_CATEGORIES } from "../../print/template.ts";
import { labelSummary } from "./designerModel.ts";
import { AreaField, CheckField, ChoiceField, NumberField, TextField } from "./fields.tsx";

type Change = (change: (t: PrintTemplate) => PrintTemplate) => void;

export function TemplateSettings(props: {
  template: PrintTemplate;
  onChange: Change;
  error(path: string): string | undefined;
}) {
  const { t } = useTranslation();
  const { template, onChange, error } = props;
  return (
    <div className="flex flex-col gap-3">
      <TextField
        id="tpl-name"
        label={t("print.designer.settings.name")}
        value={template.name}
        maxLength={100}
        required
        placeholder={t("print.designer.settings.namePlaceholder")}
        onChange={(name) => onChange((tpl) => ({ ...tpl, name }))}
        error={error("name")}
      />
      <ChoiceField
        id="tpl-category"
        label={t("print.designer.settings.category")}
        value={template.category}
        options={TEMPLATE_CATEGORIES.map((c) => ({ value: c, label: t(`print.category.${c}`) }))}
        onChange={(category) => onChange((tpl) => ({ ...tpl, category }))}
        error={error("category")}
      />
      <AreaField
        id="tpl-description"
        label={t("print.designer.settings.description")}
        value={template.description}
        rows={2}
        maxLength={500}
        onChange={(description) => onChange((tpl) => ({ ...tpl, description }))}
        error={error("description")}
      />
    </div>
  );
}

export function PaperPanel(props: {
  template: PrintTemplate;
  onChange: Change;
  lang: Lang;
  error(path: string): string | undefined;
}) {
  const { t } = useTranslation();
  const { template, onChange, error, lang } = props;
  const k = (key: string) => t(`print.designer.paper.${key}`);
  const summary = labelSummary(template);
  const margin = (side: "top" | "right" | "bottom" | "left") => (
    <NumberField
      id={`tpl-margin-${side}`}
      label={k(side)}
      value={template.margins[side]}
      min={0}
      max={100}
      onChange={(v) => onChange((tpl) => ({ ...tpl, margins: { ...tpl.margins, [side]: v } }))}
      error={error(`margins.${side}`)}
    />
  );
  const grid = (key: "columns" | "rows" | "gapX" | "gapY", max: number, integer: boolean) => (
    <NumberField
      id={`tpl-grid-${key}`}
      label={k(key)}
      value={template.grid[key]}
      min={integer ? 1 : 0}
      max={max}
      step={integer ? 1 : 0.5}
      integer={integer}
      onChange={(v) => onChange((tpl) => ({ ...tpl, grid: { ...tpl.grid, [key]: v } }))}
      error={error(`grid.${key}`)}
    />
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        <ChoiceField
          id="tpl-paper"
          label={k("size")}
          value={template.paper.size}
          options={PAPER_NAMES.map((size) => ({
            value: size,
            label: lang === "en" ? PAPER_SIZES[size].en : PAPER_SIZES[size].zh,
          }))}
          onChange={(size) => onChange((tpl) => ({ ...tpl, paper: { ...tpl.paper, size } }))}
          error={error("paper.size") ?? error("paper")}
        />
        <ChoiceField
          id="tpl-orientation"
          label={k("orientation")}
          value={template.paper.orientation}
          options={[
            { value: "portrait" as const, label: k("portrait") },
            { value: "landscape" as const, label: k("landscape") },
          ]}
          onChange={(orientation) => onChange((tpl) => ({ ...tpl, paper: { ...tpl.paper, orientation } }))}
          error={error("paper.orientation")}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-stone-700">{k("margins")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {margin("top")}
          {margin("right")}
          {margin("bottom")}
          {margin("left")}
        </div>
        {error("margins") ? <p className="text-xs text-red-600">{error("margins")}</p> : null}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-stone-700">{k("grid")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {grid("columns", 10, true)}
          {grid("rows", 20, true)}
          {grid("gapX", 100, false)}
          {grid("gapY", 100, false)}
        </div>
        <CheckField
          id="tpl-cut-marks"
          label={k("cutMarks")}
          checked={template.grid.cutMarks}
          onChange={(cutMarks) => onChange((tpl) => ({ ...tpl, grid: { ...tpl.grid, cutMarks } }))}
        />
        <p
          className={`rounded-md px-3 py-2 text-sm tabular-nums ${
            summary.width < 5 || summary.height < 5 ? "bg-red-50 text-red-700" : "bg-stone-50 text-stone-700"
          }`}
          data-label-size
        >
          {t("print.designer.paper.summary", summary)}
        </p>
        {error("grid") ? <p className="text-xs text-red-600">{error("grid")}</p> : null}
      </fieldset>
    </div>
  );
}

interface Row {
  key: string;
  value: string;
}

const rowsOf = (defaults: Record<string, string>): Row[] =>
  Object.entries(defaults).map(([key, value]) => ({ key, value }));

/**
 * The default values as rows typed freely (a half-typed name may clash with another for a moment); the
 * template gets the rows with a name, the last of a name winning. Remount it (key) to load new values.
 */
export function DefaultsEditor(props: {
  defaults: Record<string, string>;
  onChange(defaults: Record<string, string>): void;
  error(path: string): string | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(props.defaults));
  const k = (key: string) => t(`print.designer.defaults.${key}`);
  function commit(next: Row[]) {
    setRows(next);
    props.onChange(Object.fromEntries(next.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value])));
  }
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.key.trim(), (seen.get(r.key.trim()) ?? 0) + 1);
  return (
    <fieldset disabled={!props.editable} className="flex flex-col gap-2">
      <p className="text-xs text-stone-500">{t("print.designer.defaults.hint", { tag: "{{落款}}" })}</p>
      {rows.length === 0 ? <p className="text-sm text-stone-500">{k("empty")}</p> : null}
      {rows.map((row, i) => {
        const clash = row.key.trim() !== "" && (seen.get(row.key.trim()) ?? 0) > 1;
        const message = clash ? k("duplicate") : (props.error(`defaults.${row.key.trim()}`) ?? undefined);
        return (
          <div
            key={i}
            className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2"
            data-default-row
          >
            <input
              aria-label={k("key")}
              placeholder={k("key")}
              value={row.key}
              maxLength={40}
              onChange={(e) => commit(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}
              aria-invalid={message ? true : undefined}
              className={`min-h-11 min-w-0 rounded-md border bg-white px-2 text-base sm:text-sm ${
                message ? "border-red-500" : "border-stone-300"
              } disabled:bg-stone-100`}
            />
            <input
              aria-label={k("value")}
              placeholder={k("value")}
              value={row.value}
              maxLength={500}
              onChange={(e) => commit(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
              className="min-h-11 min-w-0 rounded-md border border-stone-300 bg-white px-2 text-base disabled:bg-stone-100 sm:text-sm"
            />
            <button
              type="button"
              onClick={() => commit(rows.filter((_, j) => j !== i))}
              aria-label={t("print.designer.defaults.remove", { name: row.key })}
              className="min-h-11 rounded-md px-2 text-sm text-red-700 hover:bg-red-50 disabled:opacity-40"
            >
              {k("removeShort")}
            </button>
            {message ? <p className="col-span-3 -mt-1 text-xs text-red-600">{message}</p> : null}
          </div>
        );
      })}
      {props.error("defaults") ? <p className="text-xs text-red-600">{props.error("defaults")}</p> : null}
      <div>
        <button
          type="button"
          onClick={() => setRows([...rows, { key: "", value: "" }])}
          className="min-h-11 rounded-md border border-dashed border-stone-300 px-3 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-40"
        >
          + {k("add")}
        </button>
      </div>
    </fieldset>
  );
}
