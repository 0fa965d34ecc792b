// What the statistics pages need from the server before their script runs: the person table and the
// fields a statistic may group by or measure (the org levels 社区 / 网格 first), and today's date on
// Beijing time. Only for readers of statistics; the numbers themselves come from the JSON API.
import { authorize } from "../../auth/access.server.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { loadTable } from "../../schema/tables.server.ts";
import { statsFields } from "../../stats/fields.ts";
import { chinaDay } from "../../stats/periods.ts";
import type { StatsField } from "./fields.ts";

export interface StatsPageData {
  table: { key: string; name: string };
  fields: StatsField[];
  /** YYYY-MM-DD, Beijing time: where date pickers start. */
  today: string;
}

export async function loadStatsPage(services: Services, caller: Caller): Promise<StatsPageData> {
  await authorize(services, caller, "stats.read");
  const table = await loadTable(services.db, "people");
  const today = chinaDay(Date.now());
  return { table: { key: table.key, name: table.name }, fields: statsFields(table, today), today };
}
