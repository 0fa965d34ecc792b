// The demo residents 张伟 and 刘洋 are registered people of their grids, and their accounts are linked
// to those records, so self-service updates (我的信息) work in the demo — with or without generated people.
import type { Services } from "../core/services.server.ts";
import { idCheckCharacter } from "../people/identity/check-digit.ts";
import { insertRecordsBulk } from "../people/records/bulk.server.ts";
import { parseContext } from "../people/records/context.server.ts";
import { prepareValues } from "../people/records/prepare.ts";
import { recordsWhere, uniqueKeyOf } from "../people/records/repository.server.ts";
import { PERSON_TABLE_KEY } from "../schema/builtin/person-table.ts";
import { loadTable } from "../schema/tables.server.ts";
import { linkPerson } from "../selfservice/repository.server.ts";

/** A made-up 18-character ID number (西城区, a birth date, a sequence whose last digit gives the sex). */
const idNumber = (first17: string) => first17 + idCheckCharacter(first17);

export const DEMO_RESIDENTS = [
  {
    username: "zhangwei",
    community: "丰盛社区",
    grid: "第一网格",
    values: {
      name: "张伟",
      document: idNumber("11010219850312013"),
      mobile: "18610001001",
      email: "zhangwei@example.com",
      address: { community: "丰盛社区", estate: "丰盛小区", building: "3号楼", unit: "2单元", room: "501室" },
      workUnit: "金融街控股物业服务有限公司",
      registeredOn: "2020-05-18",
    },
  },
  {
    username: "liuyang",
    community: "二龙路社区",
    grid: "第二网格",
    values: {
      name: "刘洋",
      document: idNumber("11010219900721024"),
      mobile: "18610001002",
      email: "liuyang@example.com",
      address: {
        community: "二龙路社区",
        estate: "二龙路小区",
        building: "5号楼",
        unit: "1单元",
        room: "302室",
      },
      workUnit: "京华信息科技有限公司",
      registeredOn: "2021-09-06",
    },
  },
];

/** Registers each demo resident (unless already registered) and links their account; returns how many were linked. */
export async function linkDemoResidents(services: Services): Promise<number> {
  const table = await loadTable(services.db, PERSON_TABLE_KEY);
  const ctx = await parseContext(services.db);
  const blindKey = services.keys.derive("blind-index");
  let linked = 0;
  for (const resident of DEMO_RESIDENTS) {
    const user = await services.db
      .selectFrom("users")
      .select(["id", "person_id"])
      .where("username", "=", resident.username)
      .executeTakeFirst();
    if (!user || user.person_id !== null) continue;
    const grid = await services.db
      .selectFrom("orgs as g")
      .innerJoin("orgs as c", "c.id", "g.parent_id")
      .select(["g.id", "g.path"])
      .where("g.name", "=", resident.grid)
      .where("c.name", "=", resident.community)
      .executeTakeFirst();
    if (!grid) continue;
    const prepared = prepareValues(table.fields, resident.values, null, ctx);
    if (!prepared.ok)
      throw new Error(`demo resident ${resident.username}: ${JSON.stringify(prepared.errors)}`);
    await insertRecordsBulk(
      services,
      table,
      [{ orgId: Number(grid.id), orgPath: grid.path, values: resident.values }],
      {
        ctx,
        userId: null,
      },
    );
    // Inserted now, or registered before (the same ID number): either way the record with that number.
    const key = uniqueKeyOf(blindKey, table, prepared.values);
    const [record] = key ? await recordsWhere(services.db, table.id, "unique_key", [key]) : [];
    if (!record) continue;
    await linkPerson(services.db, Number(user.id), record.id);
    linked++;
  }
  return linked;
}
