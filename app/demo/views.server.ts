// The demo street office's shared saved views 保存的查询, the lists an office keeps and sends notices to:
// 独居老人 (lonely elderly), 低保户, 残疾人 — shared street-wide, so each community sees its own people.
import { loadActorByUsername } from "../auth/actor.server.ts";
import type { Services } from "../core/services.server.ts";
import { createView } from "../query/views.server.ts";
import { PERSON_TABLE_KEY } from "../schema/builtin/person-table.ts";
import { loadDictionaries } from "../schema/dictionaries.server.ts";
import { loadTable } from "../schema/tables.server.ts";

const VIEWS = [
  { name: "独居老人", label: "独居老人" },
  { name: "低保户", label: "低保户" },
  { name: "残疾人", label: "残疾人" },
];

export async function seedDemoViews(services: Services): Promise<void> {
  const actor = await loadActorByUsername(services.db, "admin");
  if (!actor) return;
  const caller = { actor, ip: null, via: "system" as const };
  const table = await loadTable(services.db, PERSON_TABLE_KEY);
  const field = table.fields.find((f) => f.key === "specialGroups");
  const dictionary = field?.options.dictionary;
  if (!dictionary) return;
  const options = (await loadDictionaries(services.db)).get(dictionary)?.options ?? [];
  for (const view of VIEWS) {
    const code = options.find((o) => o.label === view.label)?.code;
    if (!code) continue;
    await createView(services, caller, table.key, {
      name: view.name,
      share: "org",
      orgId: actor.orgId,
      definition: { facets: { specialGroups: [code] }, sort: [{ field: "birthDate", dir: "asc" }] },
    });
  }
}
