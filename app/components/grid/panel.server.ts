// What the grid's side panel shows of one record: every visible field (masked where sensitive), the rows
// of its sub-tables, the options of the dictionaries they use (for coloured choices) and its latest
// changes. Read with the reader's rights; the full record page stays one link away.
import type { Caller, Services } from "../../core/services.server.ts";
import { recordHistory } from "../../people/records/history.server.ts";
import { getRecord, subRowsOf } from "../../people/records/read.server.ts";
import { getTable } from "../../schema/edit-tables.server.ts";
import { subTablesOf } from "../../schema/tables.server.ts";
import { formDictionaries, formFields } from "../records/load.server.ts";
import { listColumns } from "../records/options.ts";

/** Changes the panel lists; the history page has them all. */
const RECENT = 5;

export async function recordPanel(services: Services, caller: Caller, id: number) {
  const record = await getRecord(services, caller, id);
  const table = await getTable(services, caller, record.table.key);
  const subTables = table.kind === "main" ? await subTablesOf(services.db, table.id) : [];
  const [subs, dictionaries, history] = await Promise.all([
    subRowsOf(services, caller, record.id, subTables),
    formDictionaries(services, caller, [table, ...subTables]),
    recordHistory(services, caller, record.id),
  ]);
  return {
    record,
    fields: formFields(table),
    dictionaries,
    subs: subs.map((s) => ({
      table: { key: s.table.key, name: s.table.name },
      columns: listColumns(s.table.fields, 4),
      rows: s.rows,
    })),
    history: history.entries.slice(0, RECENT),
    historyCount: history.entries.length,
  };
}

export type RecordPanelData = Awaited<ReturnType<typeof recordPanel>>;
