// 颜色标记: the table's palette (colour → the meaning staff agreed), colour rules of a view (特殊人群 =
// 独居老人 → orange) and the colour filter. Pure.
import type { ColourRule } from "../../query/view.ts";
import type { GridField } from "../grid/types.ts";
import type { DictionaryOptions } from "../records/options.ts";
import type { PaletteColour } from "./api.ts";
import { facetableFields } from "./facets.ts";
import { type Translate, valueLabel } from "./summary.ts";

/** The colours offered when a table has no palette yet, with an i18n key of their name. */
export const PRESET_COLOURS = [
  { colour: "#ef4444", name: "red" },
  { colour: "#f97316", name: "orange" },
  { colour: "#eab308", name: "yellow" },
  { colour: "#22c55e", name: "green" },
  { colour: "#14b8a6", name: "teal" },
  { colour: "#3b82f6", name: "blue" },
  { colour: "#8b5cf6", name: "purple" },
  { colour: "#ec4899", name: "pink" },
  { colour: "#6b7280", name: "grey" },
] as const;

export const isColour = (s: string) => /^#[0-9a-fA-F]{6}$/.test(s);

export const sameColour = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Black or white text, whichever reads on `hex`. */
export function textOn(hex: string): "#1c1917" | "#ffffff" {
  if (!isColour(hex)) return "#1c1917";
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  return luminance > 0.4 ? "#1c1917" : "#ffffff";
}

/** The colours a picker offers: the palette's, or the presets with no meaning yet. */
export function pickerColours(palette: readonly PaletteColour[] | undefined): PaletteColour[] {
  return palette && palette.length > 0
    ? [...palette]
    : PRESET_COLOURS.map((p) => ({ colour: p.colour, meaning: "" }));
}

/** The name a preset colour goes by (query.colours.names.*), if it is one. */
export const presetName = (colour: string) => PRESET_COLOURS.find((p) => sameColour(p.colour, colour))?.name;

// ── Colour filter ──────────────────────────────────────────────────────────────────────────────────

/** Add or drop a colour in the colour filter; undefined when none is left. */
export function toggleColour(colours: readonly string[] | undefined, colour: string): string[] | undefined {
  const now = colours ?? [];
  const next = now.some((c) => sameColour(c, colour))
    ? now.filter((c) => !sameColour(c, colour))
    : [...now, colour.toLowerCase()];
  return next.length > 0 ? next : undefined;
}

// ── Palette ────────────────────────────────────────────────────────────────────────────────────────

/** Set what a colour means (added at the end when the palette lacks it). */
export function setMeaning(
  palette: readonly PaletteColour[],
  colour: string,
  meaning: string,
): PaletteColour[] {
  const at = palette.findIndex((p) => sameColour(p.colour, colour));
  if (at < 0) return [...palette, { colour: colour.toLowerCase(), meaning }];
  return palette.map((p, i) => (i === at ? { ...p, meaning } : p));
}

/** What turns the palette `before` into `after`: colours to add, meanings to change, colours to remove. */
export function paletteChanges(
  before: readonly PaletteColour[],
  after: readonly PaletteColour[],
): { add: PaletteColour[]; update: { id: number; meaning: string }[]; remove: number[] } {
  const find = (list: readonly PaletteColour[], colour: string) =>
    list.find((p) => sameColour(p.colour, colour));
  return {
    add: after.filter((p) => !find(before, p.colour)),
    update: after.flatMap((p) => {
      const old = find(before, p.colour);
      return old?.id !== undefined && old.meaning !== p.meaning ? [{ id: old.id, meaning: p.meaning }] : [];
    }),
    remove: before.flatMap((p) => (p.id !== undefined && !find(after, p.colour) ? [p.id] : [])),
  };
}

export const removeFromPalette = (palette: readonly PaletteColour[], colour: string): PaletteColour[] =>
  palette.filter((p) => !sameColour(p.colour, colour));

// ── Colour rules ───────────────────────────────────────────────────────────────────────────────────

/** Fields a rule can test: the ones with values to pick (choice, multiple choice, yes/no). */
export const ruleFields = (fields: readonly GridField[]): GridField[] => facetableFields(fields);

/**
 * A rule as the editor starts it: no value picked yet, in a colour no other rule uses and, if one is
 * left, that no manual mark of the palette means something else by.
 */
export function newRule(
  field: GridField,
  rules: readonly ColourRule[],
  palette: readonly PaletteColour[] = [],
): ColourRule {
  const byRules = new Set(rules.map((r) => r.colour.toLowerCase()));
  const byMarks = new Set(palette.map((p) => p.colour.toLowerCase()));
  const colour =
    PRESET_COLOURS.find((p) => !byRules.has(p.colour) && !byMarks.has(p.colour))?.colour ??
    PRESET_COLOURS.find((p) => !byRules.has(p.colour))?.colour ??
    PRESET_COLOURS[1].colour;
  return { field: field.key, values: [], colour, target: "row" };
}

export const replaceRule = (rules: readonly ColourRule[], index: number, rule: ColourRule): ColourRule[] =>
  rules.map((r, i) => (i === index ? rule : r));

export const removeRule = (rules: readonly ColourRule[], index: number): ColourRule[] =>
  rules.filter((_, i) => i !== index);

/** Move a rule up or down (the first rule that matches a row decides its colour). */
export function moveRule(rules: readonly ColourRule[], index: number, by: -1 | 1): ColourRule[] {
  const to = index + by;
  if (to < 0 || to >= rules.length) return [...rules];
  const out = [...rules];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Tick or untick a value of a rule. */
export function toggleRuleValue(rule: ColourRule, code: string): ColourRule {
  return rule.values.includes(code)
    ? { ...rule, values: rule.values.filter((v) => v !== code) }
    : { ...rule, values: [...rule.values, code] };
}

/** Rules the server would refuse: no value picked, a field no longer there. Their indices. */
export function incompleteRules(rules: readonly ColourRule[], fields: readonly GridField[]): number[] {
  const known = new Set(ruleFields(fields).map((f) => f.key));
  return rules.flatMap((r, i) => (r.values.length === 0 || !known.has(r.field) ? [i] : []));
}

/** What a rule says: its own label, or "特殊人群 = 独居老人、残疾人". */
export function ruleText(
  rule: ColourRule,
  fields: readonly GridField[],
  dictionaries: DictionaryOptions,
  t: Translate,
): string {
  if (rule.label) return rule.label;
  const field = fields.find((f) => f.key === rule.field);
  const values =
    field?.type === "boolean"
      ? rule.values.map((v) => valueLabel(field, ["true", "是", "1"].includes(v), dictionaries, t))
      : rule.values.map((v) => valueLabel(field, v, dictionaries, t));
  return `${field?.label ?? rule.field} = ${values.join(t("query.summary.listSep")) || "…"}`;
}

export interface LegendEntry {
  colour: string;
  /** The palette's meaning, else the rules' texts. */
  meaning: string;
  /** A palette colour (marks staff set by hand) or a rule's. */
  source: "palette" | "rule";
}

/** Every colour a row of this view can have: the palette's, then those only rules give. */
export function legendEntries(
  palette: readonly PaletteColour[],
  rules: readonly ColourRule[],
  describe: (rule: ColourRule) => string,
  separator = "；",
): LegendEntry[] {
  const out: LegendEntry[] = palette.map((p) => ({
    colour: p.colour,
    meaning: p.meaning,
    source: "palette",
  }));
  for (const rule of rules) {
    const text = describe(rule);
    const same = out.find((e) => e.source === "rule" && sameColour(e.colour, rule.colour));
    if (same) same.meaning = `${same.meaning}${separator}${text}`;
    else out.push({ colour: rule.colour, meaning: text, source: "rule" });
  }
  return out;
}
