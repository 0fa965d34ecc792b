// One record, reached for an action: the role may do it, and the record lies inside the caller's scope.
import { authorize } from "../../auth/access.server.ts";
import type { Action } from "../../auth/permissions.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { loadTable, type TableDef } from "../../schema/tables.server.ts";
import { fetchRecordRow, type RecordRow } from "./repository.server.ts";

export async function reachRecord(
  services: Services,
  caller: Caller,
  id: number,
  action: Action,
): Promise<{ row: RecordRow; table: TableDef }> {
  await authorize(services, caller, action);
  const row = await fetchRecordRow(services.db, id);
  const table = await loadTable(services.db, Number(row.table_id));
  await authorize(services, caller, action, { orgPath: row.org_path, type: table.key, id: row.system_id });
  return { row, table };
}
