// A resident's own record 我的信息: the account's person link says which record is theirs — a resident
// never names a record, so no other record can be reached from here. They see the fields staff made
// resident-visible (sensitive ones masked), which of them they may propose changes to, their pending
// proposal and the outcomes of earlier ones.
import { authorize } from "../auth/access.server.ts";
import type { FormField } from "../components/records/form-values.ts";
import { type DictionaryOptions, dictionaryOptions } from "../components/records/options.ts";
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { decodeDocument, recordCodec, type Values } from "../people/records/codec.server.ts";
import { createPresenter, orgNames } from "../people/records/present.server.ts";
import type { RecordRow } from "../people/records/repository.server.ts";
import { loadDictionaries } from "../schema/dictionaries.server.ts";
import { residentAccess } from "../schema/resident-access.ts";
import { type FieldDef, loadTable, type TableDef } from "../schema/tables.server.ts";
import { openChanges, personName, presentRequest, type RequestView } from "./present.server.ts";
import { personOf, type RequestRow, requestsOfAccount } from "./repository.server.ts";

export const NOT_LINKED =
  "您的账号还没有关联到社区登记的个人信息，请联系所在社区 / Your account is not linked to a registered person yet; please ask your community";

export interface OwnRecord {
  row: RecordRow;
  table: TableDef;
}

/** The caller's own record (404 when the account is linked to none, or it is in the recycle bin). */
export async function ownRecord(services: Services, caller: Caller): Promise<OwnRecord> {
  await authorize(services, caller, "selfservice.propose");
  const id = await personOf(services.db, caller.actor.id);
  if (id === null) throw notFound(NOT_LINKED);
  const row = await services.db.selectFrom("records").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || row.deleted_at !== null) throw notFound(NOT_LINKED);
  return { row: { ...row, id: Number(row.id) }, table: await loadTable(services.db, Number(row.table_id)) };
}

export const openValues = (services: Services, own: OwnRecord): Values =>
  decodeDocument(
    recordCodec(services.cipher, own.table, own.row.system_id),
    own.table.allFields,
    JSON.parse(own.row.data) as Values,
  );

export interface ProfileField extends FormField {
  editable: boolean;
  /** The value as the resident sees it: masked when the field is sensitive. */
  value: unknown;
  display: string;
  masked: boolean;
}

export interface OwnProfile {
  systemId: string;
  orgName: string;
  version: number;
  fields: ProfileField[];
  dictionaries: DictionaryOptions;
  pending: RequestView | null;
  /** The values the pending proposal asks for, of fields that are not sensitive: what its form starts with. */
  pendingValues: Values;
  /** Earlier proposals with their outcomes, newest first. */
  history: RequestView[];
}

/** The fields a resident sees on their profile, in the table's order. */
export const visibleFields = (table: TableDef): FieldDef[] =>
  table.fields.filter((f) => residentAccess(f) !== "none");

/** Presents the caller's own proposals (and reads what their profile shows). */
async function ownPresenter(services: Services, caller: Caller, own: OwnRecord) {
  const { row, table } = own;
  const dictionaries = await loadDictionaries(services.db);
  const names = await orgNames(services.db, [Number(row.org_id)]);
  const orgName = names.get(Number(row.org_id)) ?? "";
  const view = createPresenter(table, dictionaries).present(row, openValues(services, own), orgName);
  const ctx = {
    dictionaries,
    person: personName(table, view.values),
    account: caller.actor.displayName,
    orgName,
  };
  return {
    dictionaries,
    orgName,
    view,
    present: (r: RequestRow) => presentRequest(services, table, row, r, ctx),
  };
}

export async function presentOwnRequest(
  services: Services,
  caller: Caller,
  own: OwnRecord,
  request: RequestRow,
): Promise<RequestView> {
  return (await ownPresenter(services, caller, own)).present(request);
}

export async function getOwnProfile(services: Services, caller: Caller): Promise<OwnProfile> {
  const own = await ownRecord(services, caller);
  const { row, table } = own;
  const { dictionaries, orgName, view, present } = await ownPresenter(services, caller, own);
  const fields = visibleFields(table).map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    required: f.required,
    sensitive: f.sensitive,
    hidden: false,
    options: f.options,
    editable: residentAccess(f) === "editable",
    value: view.values[f.key] ?? null,
    display: view.display[f.key] ?? "",
    masked: view.masked.includes(f.key),
  }));
  const mine = (await requestsOfAccount(services.db, caller.actor.id)).filter(
    (r) => Number(r.record_id) === row.id,
  );
  const pending = mine.find((r) => r.status === "pending");
  return {
    systemId: row.system_id,
    orgName,
    version: Number(row.version),
    fields,
    dictionaries: dictionaryOptions(
      [...dictionaries.values()],
      fields.filter((f) => f.editable),
    ),
    pending: pending ? present(pending) : null,
    pendingValues: pending ? plainProposed(services, own, pending) : {},
    history: mine.filter((r) => r.status !== "pending").map(present),
  };
}

function plainProposed(services: Services, own: OwnRecord, request: RequestRow): Values {
  const codec = recordCodec(services.cipher, own.table, own.row.system_id);
  return Object.fromEntries(
    openChanges(codec, own.table, request)
      .filter((c) => c.field && !c.field.sensitive)
      .map((c) => [c.key, c.new]),
  );
}
