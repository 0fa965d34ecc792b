// The demo street office 金融街街道: communities with grids, a few enterprises and merchants, demo accounts.
import type { Kysely, Transaction } from "kysely";
import type { DB, OrgKind } from "../../db/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { hashPassword } from "../auth/password.server.ts";
import type { Role } from "../auth/permissions.ts";
import { insertUser } from "../auth/users.server.ts";
import type { Services } from "../core/services.server.ts";
import { linkDemoResidents } from "./residents.server.ts";

export const DEMO_PASSWORD = "Linli@2026";
export const DEMO_STREET = "金融街街道";

export const DEMO_COMMUNITIES = [
  "二龙路社区",
  "大院社区",
  "丰汇园社区",
  "丰盛社区",
  "砖塔社区",
  "受水河社区",
  "西单社区",
  "太平桥社区",
  "文昌社区",
  "新文化街社区",
  "宏汇园社区",
  "复兴门北大街社区",
  "京畿道社区",
  "手帕口社区",
];

const GRIDS_PER_COMMUNITY = 3;
const GRID_NAMES = ["第一网格", "第二网格", "第三网格", "第四网格"];

const DEMO_UNITS: { community: string; kind: OrgKind; name: string }[] = [
  { community: "丰盛社区", kind: "enterprise", name: "金融街控股物业服务有限公司" },
  { community: "西单社区", kind: "enterprise", name: "西单商场股份有限公司" },
  { community: "二龙路社区", kind: "enterprise", name: "京华信息科技有限公司" },
  { community: "丰盛社区", kind: "merchant", name: "丰盛便民超市" },
  { community: "二龙路社区", kind: "merchant", name: "老北京家政服务部" },
  { community: "太平桥社区", kind: "merchant", name: "太平桥综合修理铺" },
];

export const DEMO_ACCOUNTS: { username: string; name: string; role: Role; org: string; mobile: string }[] = [
  { username: "admin", name: "王建国", role: "street_admin", org: DEMO_STREET, mobile: "13800138000" },
  { username: "fengsheng", name: "李秀梅", role: "community_admin", org: "丰盛社区", mobile: "13900139001" },
  { username: "erlonglu", name: "赵立新", role: "community_admin", org: "二龙路社区", mobile: "13700137002" },
  { username: "auditor", name: "孙审计", role: "auditor", org: DEMO_STREET, mobile: "13600136003" },
  {
    username: "qiye",
    name: "周企管",
    role: "enterprise_admin",
    org: "金融街控股物业服务有限公司",
    mobile: "13500135004",
  },
  {
    username: "shangjia",
    name: "吴店长",
    role: "merchant_admin",
    org: "丰盛便民超市",
    mobile: "13300133005",
  },
  { username: "zhangwei", name: "张伟", role: "resident", org: "丰盛社区/第一网格", mobile: "18610001001" },
  { username: "liuyang", name: "刘洋", role: "resident", org: "二龙路社区/第二网格", mobile: "18610001002" },
];

export async function loadDemo(services: Services): Promise<{ communities: number; accounts: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const loaded = await services.db.transaction().execute(async (trx) => {
    const now = Date.now();
    const ids = new Map<string, { id: number; path: string }>();
    const street = await addOrg(trx, null, "street", DEMO_STREET, 1, now);
    ids.set(DEMO_STREET, street);
    for (const [i, name] of DEMO_COMMUNITIES.entries()) {
      const community = await addOrg(trx, street, "community", name, i + 1, now);
      ids.set(name, community);
      for (let g = 0; g < GRIDS_PER_COMMUNITY; g++) {
        const gridName = GRID_NAMES[g]!;
        ids.set(`${name}/${gridName}`, await addOrg(trx, community, "grid", gridName, g + 1, now));
      }
    }
    for (const [i, unit] of DEMO_UNITS.entries()) {
      const parent = ids.get(unit.community)!;
      ids.set(unit.name, await addOrg(trx, parent, unit.kind, unit.name, 100 + i, now));
    }
    for (const a of DEMO_ACCOUNTS) {
      await insertUser(trx, services, {
        username: a.username,
        displayName: a.name,
        mobile: a.mobile,
        passwordHash,
        role: a.role,
        orgId: ids.get(a.org)!.id,
      });
    }
    await trx.insertInto("settings").values({ key: "demo", value: "1" }).execute();
    const summary = { communities: DEMO_COMMUNITIES.length, accounts: DEMO_ACCOUNTS.length };
    await recordAudit(trx, services.dialect, {
      event: "system.demo_loaded",
      data: summary,
      actorName: "system",
      orgPath: street.path,
    });
    return summary;
  });
  if (services.config.demoResidents) await linkDemoResidents(services);
  return loaded;
}

async function addOrg(
  trx: Transaction<DB> | Kysely<DB>,
  parent: { id: number; path: string } | null,
  kind: OrgKind,
  name: string,
  sort: number,
  now: number,
): Promise<{ id: number; path: string }> {
  const result = await trx
    .insertInto("orgs")
    .values({ parent_id: parent?.id ?? null, kind, name, path: "", sort, created_at: now, updated_at: now })
    .executeTakeFirstOrThrow();
  const id = Number(result.insertId);
  const path = `${parent?.path ?? "/"}${id}/`;
  await trx.updateTable("orgs").set({ path }).where("id", "=", id).execute();
  return { id, path };
}
