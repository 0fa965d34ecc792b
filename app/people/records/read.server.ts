// Reading records: one record, a page of a table (the console's list until the query engine's grid
// arrives), the sub-table rows under a record, and revealing one masked value (a logged permission).
import { type SelectQueryBuilder, sql } from "kysely";
import { z } from "zod";
import type { DB } from "../../../db/types.ts";
import { recordAudit } from "../../audit/log.server.ts";
import { authorize } from "../../auth/access.server.ts";
import { invalid, notFound } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { parseInput } from "../../core/validate.ts";
import type { Lang } from "../../i18n/index.ts";
import { loadDictionaries } from "../../schema/dictionaries.server.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import { validateDocument } from "../identity/documents.ts";
import { parseMobile } from "../normalise/phone.ts";
import { reachRecord } from "./access.server.ts";
import { decodeDocument, lookupDigest, recordCodec, type Values } from "./codec.server.ts";
import { createPresenter, orgNames, type RecordView } from "./present.server.ts";
import type { RecordRow } from "./repository.server.ts";

export const listRecordsSchema = z.object({
  q: z.string().trim().max(50, "搜索词最多 50 个字 / At most 50 characters").optional(),
  orgId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * True when a search text is a whole ID or mobile number: such a text must travel in a request body,
 * never in a URL, where proxies and browser histories would keep it.
 */
export function isWholeNumber(text: string | undefined): boolean {
  if (!text) return false;
  const compact = text.replace(/\s+/g, "");
  return validateDocument("resident_id", compact).ok || parseMobile(compact).ok;
}

export interface RecordPage {
  table: TableDef;
  rows: RecordView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Rows → views: documents opened, formulas computed, sensitive values masked. */
export async function presentRows(
  services: Services,
  table: TableDef,
  rows: RecordRow[],
  lang: Lang = "zh-CN",
): Promise<RecordView[]> {
  const presenter = createPresenter(table, await loadDictionaries(services.db), lang);
  const names = await orgNames(
    services.db,
    rows.map((r) => Number(r.org_id)),
  );
  return rows.map((row) => {
    const codec = recordCodec(services.cipher, table, row.system_id);
    const values = decodeDocument(codec, table.allFields, JSON.parse(row.data) as Values);
    return presenter.present(row, values, names.get(Number(row.org_id)) ?? "");
  });
}

export async function getRecord(services: Services, caller: Caller, id: number): Promise<RecordView> {
  const { row, table } = await reachRecord(services, caller, id, "record.read");
  return (await presentRows(services, table, [row]))[0]!;
}

/** A page of live records of a table in the caller's scope, newest first. */
export async function listRecords(
  services: Services,
  caller: Caller,
  tableKey: string | number,
  filters: unknown = {},
): Promise<RecordPage> {
  await authorize(services, caller, "record.read");
  const f = parseInput(listRecordsSchema, filters);
  const table = await loadTable(services.db, tableKey);
  let scope = caller.actor.orgPath;
  if (f.orgId) {
    const org = await services.db
      .selectFrom("orgs")
      .select("path")
      .where("id", "=", f.orgId)
      .executeTakeFirst();
    if (!org) throw invalid("所选组织不存在 / No such organisation", { orgId: "不存在 / Not found" });
    await authorize(services, caller, "record.read", { orgPath: org.path, type: "org", id: f.orgId });
    scope = org.path;
  }
  let q = services.db
    .selectFrom("records")
    .where("records.table_id", "=", table.id)
    .where("records.deleted_at", "is", null)
    .where("records.org_path", "like", `${scope}%`);
  if (f.q) q = searchCondition(services, table, q, f.q);
  const total = Number(
    (await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
  );
  const rows = await q
    .selectAll("records")
    .orderBy("records.id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { table, rows: await presentRows(services, table, rows), total, page: f.page, pageSize: f.pageSize };
}

type RecordQuery = SelectQueryBuilder<DB, "records", Record<never, never>>;

/**
 * A whole ID or mobile number is found through its blind index, a system ID directly, anything else
 * as part of a name. Partial numbers are the query engine's job: it searches the decrypted replica.
 */
function searchCondition(services: Services, table: TableDef, q: RecordQuery, text: string): RecordQuery {
  const compact = text.replace(/\s+/g, "");
  if (/^[A-Z]{1,4}\d?-\d{6,}$/i.test(compact))
    return q.where("records.system_id", "=", compact.toUpperCase());
  const blindKey = services.keys.derive("blind-index");
  const document = table.fields.find((f) => f.type === "document" && f.options.unique);
  const asId = document ? validateDocument("resident_id", compact) : null;
  if (document && asId?.ok) {
    const digest = lookupDigest(blindKey, table, document, { type: "resident_id", number: asId.number });
    return q.where("records.unique_key", "=", digest);
  }
  const mobile = parseMobile(compact);
  const phoneFields = table.fields.filter((f) => f.type === "mobile" && f.sensitive);
  if (mobile.ok && phoneFields.length > 0) {
    const digests = phoneFields.map((f) => lookupDigest(blindKey, table, f, mobile.mobile)!);
    return q.where("records.id", "in", (eb) =>
      eb
        .selectFrom("record_lookup")
        .select("record_lookup.record_id")
        .where("record_lookup.digest", "in", digests),
    );
  }
  const name = table.fields.find((f) => f.type === "text" && f.required) ?? table.fields[0];
  if (!name) return q;
  return q.where(services.dialect.jsonText(sql.ref("records.data"), name.key), "like", `%${text}%`);
}

/** Sub-table rows under a record, grouped by sub-table. */
export async function subRowsOf(
  services: Services,
  caller: Caller,
  parentId: number,
  subTables: readonly TableDef[],
): Promise<{ table: TableDef; rows: RecordView[] }[]> {
  await reachRecord(services, caller, parentId, "record.read");
  const out = [];
  for (const table of subTables) {
    const rows = await services.db
      .selectFrom("records")
      .selectAll()
      .where("parent_id", "=", parentId)
      .where("table_id", "=", table.id)
      .where("deleted_at", "is", null)
      .orderBy("id")
      .execute();
    out.push({ table, rows: await presentRows(services, table, rows) });
  }
  return out;
}

/** The full text of one masked value. Needs the reveal permission; every reveal is in the system log. */
export async function revealValue(
  services: Services,
  caller: Caller,
  id: number,
  fieldKey: string,
): Promise<{ field: string; text: string }> {
  const { row, table } = await reachRecord(services, caller, id, "record.reveal");
  const field = table.fields.find((f) => f.key === fieldKey && f.sensitive);
  if (!field) throw notFound("没有这个敏感字段 / No such sensitive field");
  const values = decodeDocument(
    recordCodec(services.cipher, table, row.system_id),
    table.allFields,
    JSON.parse(row.data),
  );
  const text = fieldType(field.type).format(values[field.key] ?? null, field, {
    lang: "zh-CN",
    masked: false,
  });
  await recordAudit(services.db, services.dialect, {
    event: "record.revealed",
    data: { table: table.key, systemId: row.system_id, field: field.label },
    caller,
    target: { type: table.key, id: row.system_id },
    orgPath: row.org_path,
  });
  return { field: field.key, text };
}
