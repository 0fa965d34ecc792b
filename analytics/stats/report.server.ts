// A pivot-table report (报表): its definition run live or as of a moment, in the reader's scope.
import type { Caller, Services } from "../../app/core/services.server.ts";
import { resolveMoment } from "../../app/stats/moment.ts";
import type { PivotResult } from "../../app/stats/results.ts";
import type { ReportDefinition } from "../../app/stats/spec.ts";
import { fromRecords } from "../query/compile.ts";
import { statKey } from "./keys.ts";
import { measureOf } from "./measures.ts";
import { pivotTable } from "./pivot.ts";
import { openSource } from "./source.server.ts";

export async function runReport(
  services: Services,
  caller: Caller,
  definition: ReportDefinition,
  options: { name: string; asOf?: string },
): Promise<PivotResult> {
  const moment = resolveMoment(options.asOf ?? definition.asOf);
  const groups = [...definition.rows, ...definition.columns];
  const source = await openSource(services, caller, definition, moment, {
    groups,
    measures: definition.measures,
  });
  const { compiled } = source;
  const rows = definition.rows.map((g) => statKey(compiled, g, source.orgs));
  const columns = definition.columns.map((g) => statKey(compiled, g, source.orgs));
  const measures = definition.measures.map((m) => measureOf(compiled, m));
  const table = await pivotTable(source.read, fromRecords(compiled.needsMarks), compiled.where, {
    rows,
    columns,
    measures: measures.map((m) => m.sql),
    subtotals: definition.subtotals,
    totals: definition.totals,
  });
  return {
    name: options.name,
    moment,
    rowFields: rows.map((k) => ({ key: k.key, label: k.label })),
    columnFields: columns.map((k) => ({ key: k.key, label: k.label })),
    measures: measures.map((m) => m.measure),
    columns: table.columns,
    rows: table.rows,
    empty: table.matched === 0,
  };
}
