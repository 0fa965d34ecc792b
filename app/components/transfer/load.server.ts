// What the import wizard's page needs from the server: the table and which of its fields a column may
// fill or records may be matched by, whether it has a unique document field, and the communities and
// grids in the reader's scope (where rows without a community may go). Only for those who may import.
import { authorize } from "../../auth/access.server.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { listOrgs } from "../../org/tree.server.ts";
import { getTable } from "../../schema/edit-tables.server.ts";
import { importable } from "../../transfer/import/header.ts";
import { placeOptions } from "../records/options.ts";
import type { ImportWizardProps } from "./ImportWizard.tsx";

export async function loadImportPage(
  services: Services,
  caller: Caller,
  tableKey: string,
  jobParam: string | null,
): Promise<ImportWizardProps> {
  await authorize(services, caller, "record.write");
  const table = await getTable(services, caller, tableKey);
  const orgs = await listOrgs(services, caller);
  return {
    table: { key: table.key, name: table.name },
    fields: table.fields.map((f) => ({
      key: f.key,
      label: f.label,
      importable: importable(f),
      // The unique document field is offered as its own key (证件号码) beside 系统编号.
      keyable: importable(f) && !(f.type === "document" && f.options.unique),
    })),
    places: placeOptions(orgs).map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
    hasDocument: table.fields.some((f) => f.type === "document" && f.options.unique),
    initialJob: jobParam && /^[1-9]\d{0,14}$/.test(jobParam) ? Number(jobParam) : null,
  };
}
