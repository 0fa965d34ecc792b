// What leaves the server of a proposal: each field old → new as text (sensitive values masked, for the
// resident and the reviewer alike), photo ids for side-by-side pictures, and — against the record as it
// is now — which fields someone changed since the proposal was made.
import type { ChangeRequestStatus } from "../../db/types.ts";
import type { Services } from "../core/services.server.ts";
import { type Codec, decodeDocument, recordCodec, type Values } from "../people/records/codec.server.ts";
import type { RecordRow } from "../people/records/repository.server.ts";
import type { StoredDictionary } from "../schema/dictionaries.server.ts";
import { type FieldTypeId, fieldType } from "../schema/field-types/registry.ts";
import type { FieldDef, TableDef } from "../schema/tables.server.ts";
import { changesOf, type RequestRow } from "./repository.server.ts";

export interface OpenedChange {
  key: string;
  /** Undefined when staff removed the field since. */
  field: FieldDef | undefined;
  old: unknown;
  new: unknown;
}

export interface ChangeView {
  field: string;
  label: string;
  type: FieldTypeId | null;
  masked: boolean;
  old: string;
  new: string;
  /** The record's value now. */
  current: string;
  /** For photo fields: the file ids, to show the pictures side by side. */
  photo: { old: string | null; new: string | null; current: string | null } | null;
  /** Changed by someone since the proposal (now neither the value it replaces nor the one proposed). */
  conflict: boolean;
  /** After an approval: whether this field was applied. */
  applied: boolean | null;
}

export interface RequestView {
  id: number;
  status: ChangeRequestStatus;
  revision: number;
  recordId: number;
  systemId: string;
  /** The person's name as the record has it. */
  person: string;
  /** The resident account that proposed it. */
  account: string;
  orgName: string;
  createdAt: number;
  updatedAt: number;
  decidedAt: number | null;
  reason: string | null;
  changes: ChangeView[];
  /** Keys of the fields in conflict (empty once decided). */
  conflicts: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function openChanges(codec: Codec, table: TableDef, row: RequestRow): OpenedChange[] {
  const byKey = new Map(table.allFields.map((f) => [f.key, f]));
  return changesOf(row).map((c) => {
    const field = byKey.get(c.field);
    return {
      key: c.field,
      field,
      old: field ? codec.open(field, c.old) : c.old,
      new: field ? codec.open(field, c.new) : c.new,
    };
  });
}

/** Proposed fields someone else changed meanwhile: applying them would overwrite that change. */
export function conflictsOf(changes: readonly OpenedChange[], current: Values): string[] {
  return changes
    .filter((c) => !same(current[c.key], c.old) && !same(current[c.key], c.new))
    .map((c) => c.key);
}

export interface ViewContext {
  dictionaries: ReadonlyMap<string, StoredDictionary>;
  person: string;
  account: string;
  orgName: string;
}

export function presentRequest(
  services: Services,
  table: TableDef,
  record: RecordRow,
  row: RequestRow,
  ctx: ViewContext,
): RequestView {
  const codec = recordCodec(services.cipher, table, record.system_id);
  const current = decodeDocument(codec, table.allFields, JSON.parse(record.data) as Values);
  const changes = openChanges(codec, table, row);
  const pending = row.status === "pending";
  const conflicts = pending ? conflictsOf(changes, current) : [];
  const applied = row.applied === null ? null : (JSON.parse(row.applied) as string[]);
  const dictionary = (key: string) => ctx.dictionaries.get(key);
  return {
    id: row.id,
    status: row.status,
    revision: Number(row.revision),
    recordId: Number(record.id),
    systemId: record.system_id,
    person: ctx.person,
    account: ctx.account,
    orgName: ctx.orgName,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
    reason: row.reason,
    conflicts,
    changes: changes.map((c) => {
      const field = c.field;
      const text = (value: unknown) =>
        field && value !== null && value !== undefined
          ? fieldType(field.type).format(value, field, { lang: "zh-CN", masked: field.sensitive, dictionary })
          : "";
      const isPhoto = field?.type === "photo";
      const id = (value: unknown) => (typeof value === "string" ? value : null);
      return {
        field: c.key,
        label: field?.label ?? c.key,
        type: field?.type ?? null,
        masked: field?.sensitive ?? false,
        old: text(c.old),
        new: text(c.new),
        current: text(current[c.key]),
        photo: isPhoto ? { old: id(c.old), new: id(c.new), current: id(current[c.key]) } : null,
        conflict: conflicts.includes(c.key),
        applied: applied === null ? null : applied.includes(c.key),
      };
    }),
  };
}

/** The person's name a record shows: its person-name field, else its first required text field. */
export function personName(table: TableDef, values: Values): string {
  const field =
    table.fields.find((f) => f.type === "text" && f.options.personName) ??
    table.fields.find((f) => f.type === "text" && f.required);
  const value = field ? values[field.key] : null;
  return typeof value === "string" ? value : "";
}
