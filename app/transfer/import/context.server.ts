// Everything an import run reads once before the first row: the table, the mapping, how values parse,
// how rows find their existing records, where new rows go, and the duplicates seen so far.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/types.ts";
import { can } from "../../auth/permissions.ts";
import { invalid } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { todayInChina } from "../../people/normalise/calendar.ts";
import type { Values } from "../../people/records/codec.server.ts";
import { fieldValuesOf } from "../../people/records/repository.server.ts";
import type { Dictionary } from "../../schema/dictionaries/index.ts";
import { loadDictionaries } from "../../schema/dictionaries.server.ts";
import type { ParseContext } from "../../schema/field-types/index.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import type { ColumnMapping } from "./columns.ts";
import { importable } from "./header.ts";
import type { ImportOptions } from "./options.ts";
import { orgDirectory, type Placement } from "./orgs.server.ts";
import { documentDigestOf, parseContextOf } from "./prepare-rows.ts";
import type { RowProblem } from "./problems.ts";

export interface ImportContext {
  services: Services;
  /** Where rows' existing records are read: the database, or an all-or-nothing import's transaction. */
  reader: Kysely<DB> | Transaction<DB>;
  caller: Caller;
  table: TableDef;
  options: ImportOptions;
  mapping: ColumnMapping[];
  /** The dictionaries as staff edited them, read once for the run (and handed to the worker). */
  dictionaries: [string, Dictionary][];
  parse: ParseContext;
  blindKey: Buffer;
  /** The unique document field (one person per document), if the table has one. */
  documentField: FieldDef | null;
  /** The field update and add-or-update match by, when it is not the system ID. */
  keyField: FieldDef | null;
  /** For a plain (not sensitive) key field: its value's text → record id, read once. */
  plainKeys: Map<string, number> | null;
  resolveOrg: (text: string, header: string) => Placement | RowProblem;
  defaultPlacement: Placement | null;
  orgHeader: string;
  canReveal: boolean;
  /** Show every accepted row's normalised values (the CLI's --json), not just the preview's. */
  showAllValues: boolean;
  shownRows: number;
  /** Duplicate detection across the whole file: document digest or record id → first row number. */
  seen: Map<string, number>;
}

export async function importContext(
  services: Services,
  caller: Caller,
  table: TableDef,
  options: ImportOptions,
  mapping: ColumnMapping[],
  date1904: boolean,
  reveal: boolean,
): Promise<ImportContext> {
  const documentField = table.fields.find((f) => f.type === "document" && f.options.unique) ?? null;
  const keyField = keyFieldOf(table, options, documentField);
  const orgs = await orgDirectory(services, caller);
  const defaultPlacement = options.orgId ? orgs.placementOf(options.orgId) : null;
  const dictionaries = [...(await loadDictionaries(services.db)).entries()];
  return {
    services,
    reader: services.db,
    caller,
    table,
    options,
    mapping,
    dictionaries,
    // The same parse context the reading worker builds, so both threads read cells alike.
    parse: parseContextOf({ dictionaries, today: todayInChina(), date1904 }),
    blindKey: services.keys.derive("blind-index"),
    documentField,
    keyField,
    plainKeys:
      keyField && !keyField.sensitive && options.mode !== "add"
        ? await plainKeyIndex(services, table, keyField)
        : null,
    resolveOrg: orgs.resolve,
    defaultPlacement,
    orgHeader: mapping.find((m) => m.target?.kind === "org")?.header ?? "所属社区",
    // Values are shown unmasked only where asked (the operator's command line) and the role may reveal;
    // masking is not a refusal, so nothing is logged as denied.
    canReveal: reveal && can(caller.actor.role, "record.reveal"),
    showAllValues: false,
    shownRows: 0,
    seen: new Map(),
  };
}

function keyFieldOf(
  table: TableDef,
  options: ImportOptions,
  documentField: FieldDef | null,
): FieldDef | null {
  if (options.key === "systemId") return null;
  if (options.key === "document") {
    if (documentField) return documentField;
    if (options.mode === "add") return null;
    throw invalid(
      "这张表没有唯一的证件字段，请按系统编号或其他字段匹配 / This table has no unique document field; match by system ID or another field",
    );
  }
  const field = table.fields.find((f) => f.key === options.key);
  if (!field || !importable(field))
    throw invalid(`不能按“${options.key}”匹配记录 / Records cannot be matched by "${options.key}"`);
  return field;
}

/** Text a key value is compared by (the parsed value, so "138 0013 8000" finds 13800138000). */
export const keyText = (value: unknown) => JSON.stringify(value);

async function plainKeyIndex(
  services: Services,
  table: TableDef,
  field: FieldDef,
): Promise<Map<string, number>> {
  const rows = await fieldValuesOf(services.db, services.dialect, table.id, field.key);
  const map = new Map<string, number>();
  for (const r of rows) {
    if (r.value === null) continue;
    const parsed = fieldType(field.type).parse(r.value, field, {});
    if (parsed.ok && parsed.value !== null) map.set(keyText(parsed.value), Number(r.id));
  }
  return map;
}

/** The parsed value of one field of a row, or null when blank or not valid. */
export function parseOne(ctx: ImportContext, field: FieldDef, input: Values): unknown {
  const raw = input[field.key];
  if (raw === undefined) return null;
  const parsed = fieldType(field.type).parse(raw, field, ctx.parse);
  return parsed.ok ? parsed.value : null;
}

/** The blind digest of the row's document number, when it has a valid one. */
export function documentDigest(ctx: ImportContext, input: Values): string | null {
  return documentDigestOf(ctx.documentField, ctx.table.key, ctx.blindKey, input, ctx.parse);
}
