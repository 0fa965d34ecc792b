// The people a campaign reaches, batch by batch: their records opened (addresses are sealed values), their
// merge values (field labels → text as staff see it, sensitive values masked, plus 称呼 / 社区 / 网格), and
// for the in-site channel the accounts linked to them.
import type { Kysely } from "kysely";
import type { DB } from "../../db/types.ts";
import type { Services } from "../core/services.server.ts";
import { decodeDocument, recordCodec, type Values } from "../people/records/codec.server.ts";
import { createPresenter } from "../people/records/present.server.ts";
import type { RecordRow } from "../people/records/repository.server.ts";
import { loadDictionaries } from "../schema/dictionaries.server.ts";
import type { TableDef } from "../schema/tables.server.ts";
import { mergeValues } from "./merge.ts";

export interface Recipient {
  recordId: number;
  systemId: string;
  name: string;
  /** Opened values by field key (full addresses: never shown, only sent). */
  values: Values;
  /** Merge field → text. */
  merge: Record<string, string>;
  /** Active accounts linked to the person (the in-site channel's addresses). */
  accounts: number[];
}

interface Place {
  name: string;
  kind: string;
  parentId: number | null;
}

/** Every org node by id (a street office has dozens): a record's community and grid by its org. */
async function loadPlaces(db: Kysely<DB>): Promise<Map<number, Place>> {
  const rows = await db.selectFrom("orgs").select(["id", "name", "kind", "parent_id"]).execute();
  return new Map(
    rows.map((r) => [
      Number(r.id),
      { name: r.name, kind: r.kind, parentId: r.parent_id === null ? null : Number(r.parent_id) },
    ]),
  );
}

function placeNames(places: Map<number, Place>, orgId: number) {
  let community = "";
  let grid: string | null = null;
  let at = places.get(orgId);
  let name = at?.name ?? "";
  if (at?.kind === "grid") name = `${places.get(at.parentId ?? -1)?.name ?? ""} / ${at.name}`;
  for (let id: number | null = orgId; id !== null && at; id = at.parentId, at = places.get(id ?? -1)) {
    if (at.kind === "grid") grid = at.name;
    if (at.kind === "community") {
      community = at.name;
      break;
    }
  }
  return { orgName: name, communityName: community, gridName: grid };
}

export interface RecipientLoader {
  /** The live records among `ids` inside the scope, in the order of `ids`. */
  load(ids: readonly number[]): Promise<Recipient[]>;
}

export async function recipientLoader(
  services: Services,
  table: TableDef,
  scopePath: string,
  today: string,
  withAccounts: boolean,
): Promise<RecipientLoader> {
  const presenter = createPresenter(table, await loadDictionaries(services.db));
  const places = await loadPlaces(services.db);
  const nameField = table.fields.find((f) => f.key === "name") ?? table.fields.find((f) => f.type === "text");
  return {
    async load(ids) {
      if (ids.length === 0) return [];
      const rows = await services.db
        .selectFrom("records")
        .selectAll()
        .where("id", "in", [...ids])
        .where("table_id", "=", table.id)
        .where("deleted_at", "is", null)
        .where("org_path", "like", `${scopePath}%`)
        .execute();
      const accounts = withAccounts ? await linkedAccounts(services.db, ids) : new Map<number, number[]>();
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      const out: Recipient[] = [];
      for (const id of ids) {
        const stored = byId.get(id);
        if (!stored) continue;
        const row: RecordRow = { ...stored, id };
        const values = decodeDocument(
          recordCodec(services.cipher, table, row.system_id),
          table.allFields,
          JSON.parse(row.data) as Values,
        );
        const place = placeNames(places, Number(row.org_id));
        const view = presenter.present(row, values, place.orgName);
        out.push({
          recordId: id,
          systemId: row.system_id,
          name: (nameField && view.display[nameField.key]) || row.system_id,
          values,
          merge: mergeValues({ table, systemId: row.system_id, display: view.display, today, ...place }),
          accounts: accounts.get(id) ?? [],
        });
      }
      return out;
    },
  };
}

async function linkedAccounts(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "person_id"])
    .where("person_id", "in", [...ids])
    .where("status", "=", "active")
    .execute();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(Number(r.person_id)) ?? [];
    list.push(Number(r.id));
    out.set(Number(r.person_id), list);
  }
  return out;
}
