// What a grid cell may do and how typed or pasted text becomes a value to save: the field type
// registry's parse (isomorphic, so the message shows on the cell before anything is sent) plus the
// required rule. What is sent is the text as typed — the server parses it again the same way.
// Pure: the grid and its tests use it alike.
import type { GridRow } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import { BUILT_IN_DICTIONARIES, type Dictionary } from "../../schema/dictionaries/index.ts";
import { isBlank } from "../../schema/field-types/problems.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { ParseContext } from "../../schema/field-types/types.ts";
import { localMessage } from "../format.ts";
import { formDefaults, inputName } from "../records/form-values.ts";
import type { DictionaryOptions } from "../records/options.ts";
import type { GridField } from "./types.ts";

/** Editors whose value is a file or several files: changed in the record form, not in a cell. */
const NOT_IN_A_CELL = new Set(["photo", "files", "readonly"]);

/** A value may be pasted or filled into the column (sensitive ones too: the new value is whole). */
export function writable(field: GridField | undefined): field is GridField {
  return !!field && !field.readOnly && !NOT_IN_A_CELL.has(field.editor);
}

/** The cell may be edited in place: writable, and its value not masked (a masked value is not known). */
export function editableInline(field: GridField | undefined, row: GridRow | undefined): boolean {
  return writable(field) && !!row && !row.masked.includes(field.key);
}

/**
 * Dictionaries as the registry's parse wants them: the options staff keep (with their colours and
 * merged codes), plus the synonyms of the built-in dictionary of the same key (汉 → 汉族).
 */
export function dictionaryLookup(options: DictionaryOptions): ParseContext["dictionary"] {
  const cache = new Map<string, Dictionary>();
  return (key) => {
    if (cache.has(key)) return cache.get(key);
    const own = options[key];
    if (!own) return undefined;
    const builtIn = (BUILT_IN_DICTIONARIES as Record<string, Dictionary>)[key];
    const synonyms = new Map(builtIn?.options.map((o) => [o.code, o.synonyms ?? []]) ?? []);
    const dictionary: Dictionary = {
      key,
      name: builtIn?.name ?? key,
      nameEn: builtIn?.nameEn ?? key,
      options: own.map((o) => ({
        code: o.code,
        label: o.label,
        ...(o.colour ? { colour: o.colour } : {}),
        ...(o.aliases?.length ? { aliases: o.aliases } : {}),
        ...(synonyms.get(o.code)?.length ? { synonyms: synonyms.get(o.code) } : {}),
      })),
    };
    cache.set(key, dictionary);
    return dictionary;
  };
}

/** A cell's raw input: text typed or pasted, a chosen code, codes, a tick, or (to restore) parts. */
export type CellInput = string | string[] | boolean | Record<string, string>;

export type CellCheck = { ok: true; send: CellInput; display: string } | { ok: false; message: string };

/** Checks one cell's input the way the server will, and says what to send. */
export function checkCell(
  field: GridField,
  input: CellInput,
  dictionary: ParseContext["dictionary"],
  lang: Lang,
): CellCheck {
  const raw = typeof input === "string" ? input.trim() : input;
  if (field.required && isBlank(raw))
    return {
      ok: false,
      message: localMessage(`「${field.label}」必须填写 / ${field.label}: required`, lang),
    };
  const parsed = fieldType(field.type).parse(raw, field, { source: "paste", dictionary });
  if (!parsed.ok) return { ok: false, message: localMessage(parsed.message, lang) };
  // What the cell shows while the save is on its way (masked like the server will show it).
  const display = fieldType(field.type).format(parsed.value, field, {
    lang,
    masked: field.sensitive,
    dictionary,
  });
  return { ok: true, send: raw, display };
}

/**
 * The text an editor starts with for the cell's current value (what the record form would show):
 * money in yuan, a choice by its code, a date as YYYY-MM-DD. Empty for a blank or masked value.
 */
export function editorStart(field: GridField, row: GridRow): CellInput {
  const defaults = formDefaults([field], row.values, row.masked);
  switch (field.editor) {
    case "checkbox":
      return defaults[inputName(field.key)]?.[0] === "on";
    case "multiselect":
      return defaults[inputName(field.key)] ?? [];
    case "document":
      return defaults[inputName(field.key, "number")]?.[0] ?? "";
    case "address":
      return row.display[field.key] ?? "";
    default:
      return defaults[inputName(field.key)]?.[0] ?? "";
  }
}

/**
 * What to send to put the cell's current value back (undo): the editor's start value, or a blank to
 * clear it; null when the value is masked here and so cannot be written back from the browser.
 */
export function restoreInput(field: GridField, row: GridRow): CellInput | null {
  if (row.masked.includes(field.key)) return null;
  const value = row.values[field.key];
  if (value === null || value === undefined) return field.editor === "multiselect" ? [] : "";
  // A document keeps its type and an address its parts, as the record form sends them.
  if (field.editor === "document" || field.editor === "address") return value as Record<string, string>;
  return editorStart(field, row);
}

/** Two inputs say the same thing (no save needed). */
export function sameInput(a: CellInput | null, b: CellInput | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
