// What the grid page's loader sends: the table as the grid and its query panels see it (GridTable), the
// palette of mark colours, an optional saved view (by its short id, the only view state a URL holds),
// and the first window of rows with the footer totals, so the page shows rows before any script runs.
import { queryWindow } from "../../../analytics/query/index.server.ts";
import type { RowWindow } from "../../../analytics/query/results.ts";
import { can } from "../../auth/permissions.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import type { Lang } from "../../i18n/index.ts";
import { listOrgs } from "../../org/tree.server.ts";
import { listColours } from "../../query/palette.server.ts";
import type { ViewDefinition, ViewQuery } from "../../query/view.ts";
import { getView } from "../../query/views.server.ts";
import { getTable } from "../../schema/edit-tables.server.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import { formDictionaries, formFields } from "../records/load.server.ts";
import { placeOptions } from "../records/options.ts";
import type { GridTable } from "./types.ts";
import { BLOCK } from "./windows.ts";

export interface GridPageData {
  table: GridTable & { kind: "main" | "sub" };
  palette: { colour: string; meaning: string }[];
  view: { id: number; name: string; definition: ViewDefinition } | null;
  first: RowWindow;
}

/** The query part of a view definition (what the engine filters and sorts by). */
export function queryOf(definition: ViewDefinition): ViewQuery {
  const { columns: _columns, ...query } = definition;
  return query;
}

export async function loadGridPage(
  services: Services,
  caller: Caller,
  tableKey: string,
  viewId: number | null,
  lang: Lang,
): Promise<GridPageData> {
  const table = await getTable(services, caller, tableKey);
  const view = viewId ? await getView(services, caller, viewId) : null;
  const definition: ViewDefinition = view && view.table.key === table.key ? view.definition : {};
  // The page someone lands on after a save (or a delete) shows it: the replica catches up first
  // rather than at its next tick.
  await (await services.analytics.replica(table.key)).refresh();
  const [orgs, dictionaries, palette, first] = await Promise.all([
    listOrgs(services, caller),
    formDictionaries(services, caller, [table]),
    listColours(services, caller, table.key),
    queryWindow(services, caller, table.key, { query: queryOf(definition), offset: 0, limit: BLOCK }, lang),
  ]);
  const role = caller.actor.role;
  return {
    table: {
      key: table.key,
      name: table.name,
      kind: table.kind,
      fields: formFields(table).map((f) => {
        const type = fieldType(f.type);
        return {
          ...f,
          operators: [...type.operators],
          sortable: type.sortable,
          readOnly: type.readOnly,
          editor: type.editor,
        };
      }),
      dictionaries,
      places: placeOptions(orgs),
      addressFields: table.fields.filter((f) => f.type === "address" && !f.hidden).map((f) => f.key),
      can: {
        write: can(role, "record.write"),
        delete: can(role, "record.delete"),
        reveal: can(role, "record.reveal"),
        shareViews: can(role, "view.share"),
        editPalette: can(role, "schema.write"),
      },
    },
    palette: palette.colours.map((c) => ({ colour: c.colour, meaning: c.meaning })),
    view:
      view && view.table.key === table.key
        ? { id: view.id, name: view.name, definition: view.definition }
        : null,
    first,
  };
}
