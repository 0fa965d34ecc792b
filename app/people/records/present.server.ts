// What leaves the server of a record: values for forms and the API, display text for every field,
// formula fields computed, and sensitive values masked unless the reader revealed them.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/types.ts";
import type { Lang } from "../../i18n/index.ts";
import { compileFormula, evaluateFormula } from "../../query/formula/index.ts";
import type { StoredDictionary } from "../../schema/dictionaries.server.ts";
import { formulaFields } from "../../schema/field-rules.server.ts";
import type { DocumentValue } from "../../schema/field-types/index.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import { maskDocument } from "../crypto/mask.ts";
import { todayInChina } from "../normalise/calendar.ts";
import type { Values } from "./codec.server.ts";
import type { RecordRow } from "./repository.server.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface RecordView {
  id: number;
  systemId: string;
  table: { key: string; name: string };
  parentId: number | null;
  orgId: number;
  orgName: string;
  orgPath: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  /** Field key → value; sensitive values masked (a document keeps its type, its number masked). */
  values: Values;
  /** Field key → text as shown in the console. */
  display: Record<string, string>;
  /** Keys of the fields whose value is masked here. */
  masked: string[];
}

export interface Presenter {
  present(row: RecordRow, values: Values, orgName: string): RecordView;
}

function maskValue(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === "document") {
    const doc = value as DocumentValue;
    return { type: doc.type, number: maskDocument(doc.type, doc.number) };
  }
  return fieldType(field.type).format(value, field, { lang: "zh-CN", masked: true });
}

/** Fills a table's formula fields into a record's opened values, in place (the presenter's and exports' rule). */
export function formulaComputer(table: TableDef, today = todayInChina()): (values: Values) => void {
  const inputs = formulaFields(table.fields);
  const formulas = table.fields
    .filter((f) => f.type === "formula")
    .map((f) => ({ field: f, checked: compileFormula(f.options.formula ?? "", inputs) }));
  return (values) => {
    for (const { field, checked } of formulas)
      values[field.key] = checked.ok ? evaluateFormula(checked, values, today) : null;
  };
}

export function createPresenter(
  table: TableDef,
  dictionaries: ReadonlyMap<string, StoredDictionary>,
  lang: Lang = "zh-CN",
): Presenter {
  const computeFormulas = formulaComputer(table);
  const dictionary = (key: string) => dictionaries.get(key);
  return {
    present(row, stored, orgName) {
      const values: Values = { ...stored };
      computeFormulas(values);
      const out: Values = {};
      const display: Record<string, string> = {};
      const masked: string[] = [];
      for (const field of table.fields) {
        const value = values[field.key] ?? null;
        const hide = field.sensitive && value !== null;
        if (hide) masked.push(field.key);
        out[field.key] = hide ? maskValue(field, value) : value;
        display[field.key] = fieldType(field.type).format(value, field, { lang, masked: hide, dictionary });
      }
      return {
        id: Number(row.id),
        systemId: row.system_id,
        table: { key: table.key, name: table.name },
        parentId: row.parent_id === null ? null : Number(row.parent_id),
        orgId: Number(row.org_id),
        orgName,
        orgPath: row.org_path,
        version: Number(row.version),
        createdAt: Number(row.created_at),
        updatedAt: Number(row.updated_at),
        deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
        values: out,
        display,
        masked,
      };
    },
  };
}

/** Names of the orgs records belong to, by id; a grid is named with its community (丰盛社区 / 第二网格). */
export async function orgNames(db: Executor, ids: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .selectFrom("orgs")
    .leftJoin("orgs as parent", "parent.id", "orgs.parent_id")
    .select(["orgs.id", "orgs.name", "orgs.kind", "parent.name as parentName"])
    .where("orgs.id", "in", list)
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.id),
      r.kind === "grid" && r.parentName ? `${r.parentName} / ${r.name}` : r.name,
    ]),
  );
}
