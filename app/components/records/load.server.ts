// What a record form needs from the server besides the record: the fields it shows, the options of
// their dictionaries, and where a new record may be placed. Shared by the new-record and record pages.
import type { Caller, Services } from "../../core/services.server.ts";
import { listOrgs } from "../../org/tree.server.ts";
import { listDictionaries } from "../../schema/dictionaries.server.ts";
import type { TableDef } from "../../schema/tables.server.ts";
import type { FormField } from "./form-values.ts";
import { dictionaryOptions, placeOptions } from "./options.ts";
import type { PlaceChoice } from "./RecordForm.tsx";

/** A table's visible fields (computed ones too, for display), trimmed to what the browser needs. */
export function formFields(table: TableDef): FormField[] {
  return table.fields
    .filter((f) => !f.hidden)
    .map(({ key, label, type, required, sensitive, hidden, options }) => ({
      key,
      label,
      type,
      required,
      sensitive,
      hidden,
      options,
    }));
}

/** Options of the dictionaries the given tables' fields use. */
export async function formDictionaries(services: Services, caller: Caller, tables: readonly TableDef[]) {
  const dictionaries = await listDictionaries(services, caller);
  return dictionaryOptions(
    dictionaries,
    tables.flatMap((t) => t.fields),
  );
}

/**
 * Communities and grids a new record may go in. A caller anchored at one of them defaults to it; a
 * street admin, whose own org holds no records, must choose.
 */
export async function placeChoice(services: Services, caller: Caller): Promise<PlaceChoice> {
  const options = placeOptions(await listOrgs(services, caller));
  const own = options.find((o) => o.id === caller.actor.orgId);
  if (options.length <= 1 && (own || options.length === 0)) return { options: [], required: false };
  return own ? { options, required: false, defaultValue: String(own.id) } : { options, required: true };
}
