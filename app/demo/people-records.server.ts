// Generated people into the person table: the demo's few thousand and `npx linli demo --people N`.
// Each person lands in their grid, goes through the same field rules as a typed record, and household
// members link to their 户主.
import type { Services } from "../core/services.server.ts";
import { todayInChina } from "../people/normalise/calendar.ts";
import { insertRecordsBulk } from "../people/records/bulk.server.ts";
import { parseContext } from "../people/records/context.server.ts";
import { PERSON_TABLE_KEY } from "../schema/builtin/person-table.ts";
import { loadTable } from "../schema/tables.server.ts";
import { startOfDay } from "../stats/periods.ts";
import { type GeneratedPerson, generatePeople } from "./people/generate.ts";

/** The values of the person table for one generated person (dictionary fields by label). */
export function personValues(p: GeneratedPerson): Record<string, unknown> {
  return {
    name: p.name,
    document: { type: p.documentType, number: p.documentNumber },
    sex: p.sex,
    birthDate: p.birthDate,
    category: p.subCategory || p.category,
    mobile: p.mobile,
    ethnicity: p.ethnicity,
    nativePlace: p.nativePlace,
    politicalStatus: p.politicalStatus,
    education: p.education,
    maritalStatus: p.maritalStatus,
    religion: p.religion,
    health: p.health,
    landline: p.landline,
    email: p.email,
    residenceType: p.residenceType,
    registeredAddress: p.registeredAddress,
    address: { community: p.community, estate: p.estate, building: p.building, unit: p.unit, room: p.room },
    housingType: p.housingType,
    floorArea: p.floorArea,
    moveInDate: p.moveInDate,
    householdNo: p.householdNo,
    relationToHead: p.relationToHead,
    specialGroups: p.specialGroups,
    employmentStatus: p.employmentStatus,
    occupation: p.occupation,
    workUnit: p.workUnit,
    medicalInsurance: p.medicalInsurance,
    emergencyContact: p.emergencyContact,
    emergencyPhone: p.emergencyPhone,
    registeredOn: p.registeredOn,
    notes: p.notes,
  };
}

export interface PeopleLoad {
  inserted: number;
  duplicates: number;
  invalid: number;
  linked: number;
}

/**
 * Generate `count` people into the demo communities. `seed` makes the run repeatable; a later run
 * with another seed adds more people (anyone already registered is skipped).
 */
export async function loadDemoPeople(
  services: Services,
  count: number,
  options: { seed?: string; onProgress?: (done: number) => void } = {},
): Promise<PeopleLoad> {
  const table = await loadTable(services.db, PERSON_TABLE_KEY);
  const orgs = await services.db
    .selectFrom("orgs")
    .select(["id", "name", "kind", "path", "parent_id"])
    .execute();
  const communities = orgs.filter((o) => o.kind === "community");
  if (communities.length === 0) throw new Error("no communities to place people in; load the demo first");
  const gridsOf = (id: number) => orgs.filter((o) => o.kind === "grid" && Number(o.parent_id) === id);
  const byName = new Map(communities.map((c) => [c.name, c]));
  const people = generatePeople({
    seed: options.seed ?? "linli-demo",
    count,
    today: todayInChina(),
    communities: communities.map((c) => ({ name: c.name, grids: gridsOf(Number(c.id)).map((g) => g.name) })),
    employers: {
      enterprises: orgs.filter((o) => o.kind === "enterprise").map((o) => o.name),
      merchants: orgs.filter((o) => o.kind === "merchant").map((o) => o.name),
    },
  });
  const households: { householdNo: string; head: boolean }[] = [];
  function* rows() {
    for (const person of people) {
      const community = byName.get(person.community)!;
      const grid = gridsOf(Number(community.id)).find((g) => g.name === person.grid);
      const org = grid ?? community;
      households.push({ householdNo: person.householdNo, head: person.relationToHead === "户主" });
      // Registered on their 登记日期 (at ten in the morning, Beijing time): the demo street office has a
      // history, so statistics as of an earlier date show fewer people.
      const createdAt = startOfDay(person.registeredOn) + 10 * 3_600_000;
      yield { orgId: Number(org.id), orgPath: org.path, values: personValues(person), createdAt };
    }
  }
  const ctx = { ...(await parseContext(services.db)), source: "spreadsheet" as const };
  const result = await insertRecordsBulk(services, table, rows(), {
    ctx,
    userId: null,
    onProgress: options.onProgress,
  });
  const linked = await linkHouseholds(services, table.id, households, result.systemIds);
  return { inserted: result.inserted, duplicates: result.duplicates, invalid: result.invalid.length, linked };
}

/** Point each member's 户主 field at the head of their household (a plain, non-sensitive field). */
async function linkHouseholds(
  services: Services,
  tableId: number,
  households: { householdNo: string; head: boolean }[],
  systemIds: (string | null)[],
): Promise<number> {
  const field = await services.db
    .selectFrom("data_fields")
    .select("id")
    .where("table_id", "=", tableId)
    .where("key", "=", "householdHead")
    .executeTakeFirst();
  if (!field) return 0;
  const heads = new Map<string, string>();
  households.forEach((h, i) => {
    if (h.head && systemIds[i]) heads.set(h.householdNo, systemIds[i]!);
  });
  const pairs = households.flatMap((h, i) => {
    const head = heads.get(h.householdNo);
    return !h.head && head && systemIds[i] ? [{ member: systemIds[i]!, head }] : [];
  });
  let linked = 0;
  for (let i = 0; i < pairs.length; i += 500) {
    const part = pairs.slice(i, i + 500);
    await services.db.transaction().execute(async (trx) => {
      const wanted = [...new Set(part.flatMap((p) => [p.member, p.head]))];
      const rows = await trx
        .selectFrom("records")
        .select(["id", "system_id", "data"])
        .where("system_id", "in", wanted)
        .execute();
      const bySystemId = new Map(rows.map((r) => [r.system_id, r]));
      for (const { member, head } of part) {
        const from = bySystemId.get(member)!;
        const to = bySystemId.get(head)!;
        const data = JSON.parse(from.data) as Record<string, unknown>;
        data.householdHead = { table: PERSON_TABLE_KEY, id: head };
        await trx
          .updateTable("records")
          .set({ data: JSON.stringify(data) })
          .where("id", "=", from.id)
          .execute();
        await trx
          .insertInto("record_links")
          .values({ from_id: from.id, field_id: field.id, to_id: to.id })
          .execute();
        linked++;
      }
    });
  }
  return linked;
}
