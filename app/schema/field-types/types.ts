// The contract every field type of SPEC §A1 fulfils: how a value is read from a form, a grid paste
// or a spreadsheet cell, how it is shown, stored, edited and filtered. Pure: runs in the browser too.
import type { Lang } from "../../i18n/index.ts";
import type { Problem } from "../../people/normalise/problem.ts";
import type { Dictionary } from "../dictionaries/index.ts";
import type { FieldProblemCode } from "./codes.ts";
import type { OperatorId } from "./operators.ts";
import type { FieldTypeId } from "./registry.ts";

/** How the value is kept; the DuckDB replica maps each to a column type. */
export type StorageKind = "text" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "json";

/** The UI widget that edits the value (grid cell editor and form control). */
export type EditorId =
  | "text"
  | "textarea"
  | "number"
  | "date"
  | "datetime"
  | "checkbox"
  | "select"
  | "multiselect"
  | "document"
  | "phone"
  | "email"
  | "address"
  | "photo"
  | "files"
  | "link"
  | "readonly";

export interface FieldOptions {
  /** Key of the dictionary a choice or multichoice field offers (e.g. "ethnicity"). */
  dictionary?: string;
  /** Digits after the point a decimal field keeps. */
  decimals?: number;
  currency?: "CNY";
  /** Bounds for numbers (money: in yuan, as users type them). */
  min?: number;
  max?: number;
  /** Characters a text or long text value may have. */
  maxLength?: number;
  multiline?: boolean;
  /** A text field holding a person's name: inner spaces dropped the way Chinese names need (张　三 → 张三). */
  personName?: boolean;
  /** The expression of a formula field (its language comes with the query engine). */
  formula?: string;
  /** The table a link field points into. */
  linkTable?: string;
  /** Document types (keys of DOCUMENT_RULES) a document field accepts; all when absent. */
  documentTypes?: string[];
  /** A document field a person is unique by: one record per (type, number) in the table. */
  unique?: boolean;
  /** Keys of the date and choice (sex) fields a document field's birth date and sex fill and check. */
  fills?: { birthDate?: string; sex?: string };
  /** A resident linked to the record sees this field on their profile (masked when sensitive). */
  residentVisible?: boolean;
  /** A resident may propose a new value for review (implies residentVisible; app/schema/resident-access.ts). */
  residentEditable?: boolean;
}

export interface FieldConfig {
  key: string;
  /** The name users see; every problem message names it. */
  label: string;
  type: FieldTypeId;
  required?: boolean;
  options?: FieldOptions;
}

/** What forms (strings, booleans, objects), grid pastes (strings) and spreadsheet cells give. */
export type RawValue = unknown;

export interface ParseContext {
  /** Dictionaries as staff edited them; the built-in ones are used for keys it does not know. */
  dictionary?: (key: string) => Dictionary | undefined;
  /** Workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
  /**
   * Where the raw value comes from. Spreadsheet readers hand date-time cells over as Dates whose UTC
   * fields hold the wall-clock time typed in the sheet; from forms a Date is a real instant.
   */
  source?: "form" | "paste" | "spreadsheet";
  /** "YYYY-MM-DD"; documents born after it are refused. Defaults to today in Beijing. */
  today?: string;
}

/** Facts a parse learned beside the value, for the caller to use (fill birth date and sex from an ID). */
export interface ParseDetails {
  /** A date given as year and month only ("1985.03"): the value is the first of that month. */
  precision?: "month";
  birthDate?: string;
  sex?: "male" | "female";
  /** A first-generation 15-digit ID number the value was upgraded from. */
  upgradedFrom?: string;
}

export type ParseResult<V> =
  | { ok: true; value: V | null; details?: ParseDetails }
  | Problem<FieldProblemCode>;

export interface FormatOptions {
  lang: Lang;
  /** Hide most of a sensitive value (110102********1234); true unless the reader may reveal it. */
  masked?: boolean;
  dictionary?: (key: string) => Dictionary | undefined;
}

export interface FieldTypeDefinition<V> {
  type: FieldTypeId;
  /** i18n key of the type's name, e.g. "fieldTypes.text" (strings in ./i18n.ts). */
  labelKey: string;
  /** Empty input gives `value: null`; whether a value is required is the caller's rule. */
  parse(raw: RawValue, field: FieldConfig, ctx?: ParseContext): ParseResult<V>;
  /** For display and CSV export; parse accepts it back where the type can be typed in. */
  format(value: V | null, field: FieldConfig, options: FormatOptions): string;
  operators: readonly OperatorId[];
  storage: StorageKind;
  sortable: boolean;
  sensitiveByDefault: boolean;
  /** Computed or system values nobody types (formula, autonumber). */
  readOnly: boolean;
  editor: EditorId;
}
