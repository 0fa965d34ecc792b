// What the record pages send the browser besides records: the options of the dictionaries the fields
// use, the communities and grids a record may be placed in, and the columns of a compact list.
import type { OrgNode } from "../../org/kinds.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import { flattenTree, type TreeRow } from "../admin/orgTree.ts";
import type { FormField } from "./form-values.ts";

export interface ChoiceOption {
  code: string;
  label: string;
  /** Staff pick a colour for options worth spotting (特殊人群, 租住 …). */
  colour?: string;
  /** Codes of options merged into this one. */
  aliases?: string[];
}

export type DictionaryOptions = Record<string, ChoiceOption[]>;

/** Options of the dictionaries `fields` refer to, and nothing more (forms stay small on phones). */
export function dictionaryOptions(
  dictionaries: readonly { key: string; options: readonly ChoiceOption[] }[],
  fields: readonly FormField[],
): DictionaryOptions {
  const wanted = new Set(fields.map((f) => f.options.dictionary).filter((k): k is string => !!k));
  const out: DictionaryOptions = {};
  for (const d of dictionaries)
    if (wanted.has(d.key))
      out[d.key] = d.options.map((o) => ({
        code: o.code,
        label: o.label,
        ...(o.colour ? { colour: o.colour } : {}),
        ...(o.aliases?.length ? { aliases: o.aliases } : {}),
      }));
  return out;
}

/** The option a stored code means (merged codes read as the option they were merged into). */
export function optionOf(
  options: readonly ChoiceOption[] | undefined,
  code: string,
): ChoiceOption | undefined {
  return options?.find((o) => o.code === code) ?? options?.find((o) => o.aliases?.includes(code));
}

/** Communities and grids in the caller's scope, parents first, for placing and filtering records. */
export function placeOptions(orgs: readonly OrgNode[]): TreeRow[] {
  return flattenTree(orgs).filter((o) => o.kind === "community" || o.kind === "grid");
}

/** Editors too wide for a one-line list cell. */
const WIDE = new Set(["textarea", "photo", "files", "address"]);

/** The first visible fields that read well in a compact list. */
export function listColumns<F extends FormField>(fields: readonly F[], count = 6): F[] {
  return fields.filter((f) => !f.hidden && !WIDE.has(fieldType(f.type).editor)).slice(0, count);
}
