// What the grid page sends the browser about a table: its fields (with what each type can do), the
// options of the dictionaries they use, the org tree for the tree filter, and what the reader may do.
// Shared by the grid and its query panels (condition builder, facets, tree filter, colours, views).
import type { TreeRow } from "../admin/orgTree.ts";
import type { FormField } from "../records/form-values.ts";
import type { DictionaryOptions } from "../records/options.ts";

export interface GridField extends FormField {
  /** Operators the condition builder offers for the field (from the field type registry). */
  operators: string[];
  sortable: boolean;
  readOnly: boolean;
  /** The cell editor (EditorId of the field type registry). */
  editor: string;
}

export interface GridTable {
  key: string;
  name: string;
  fields: GridField[];
  dictionaries: DictionaryOptions;
  /** Communities and grids in the reader's scope, parents first (for the org tree filter). */
  places: TreeRow[];
  /** Address fields whose 小区 / 楼 / 单元 the address tree filters by. */
  addressFields: string[];
  can: {
    write: boolean;
    delete: boolean;
    reveal: boolean;
    /** Share a saved view with a role or a community. */
    shareViews: boolean;
    /** Edit the colour palette's meanings. */
    editPalette: boolean;
  };
}
