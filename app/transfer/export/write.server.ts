// Writing the sheets of an export: the main table in the selection's order, ~2000 records a batch read
// from the store, then each asked-for sub-table with the rows of the records that were exported.
import type { Services } from "../../core/services.server.ts";
import type { FieldDef, TableDef } from "../../schema/tables.server.ts";
import type { Cell, ExportColumn, ExportRow } from "./columns.ts";
import { orgNamer, readRecords, readSubRows, recordOpener } from "./rows.server.ts";
import type { Selection } from "./selection.server.ts";
import { type SheetSink, throwIfAborted } from "./sink.ts";

/** Records read from the store at a time. */
export const BATCH = 2000;

interface Paint {
  row(at: number): string | null;
  cells(at: number): (string | null)[] | null;
}

/** Row colours and the cell colours of the columns that have cell rules, by place in the selection. */
function painter(selection: Selection, columns: readonly ExportColumn[]): Paint {
  const ruled = columns.flatMap((c, index) => {
    const values = c.key ? selection.cellColours.get(c.key) : undefined;
    return values ? [{ index, values }] : [];
  });
  return {
    row: (at) => selection.colours[at] ?? null,
    cells(at) {
      let out: (string | null)[] | null = null;
      for (const { index, values } of ruled) {
        const colour = values[at];
        if (!colour) continue;
        out ??= new Array(columns.length).fill(null);
        out[index] = colour;
      }
      return out;
    },
  };
}

async function writeSheet(
  sink: SheetSink,
  name: string,
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ExportRow[]>,
  paint: Paint | null,
  signal: AbortSignal | undefined,
): Promise<number> {
  let begun = false;
  let written = 0;
  for await (const rows of batches) {
    const cells: Cell[][] = rows.map((row) => columns.map((c) => c.cell(row)));
    if (!begun) sink.begin(name, columns, cells);
    begun = true;
    for (let i = 0; i < rows.length; i++) {
      const at = rows[i]!.at;
      sink.row(cells[i]!, paint ? paint.row(at) : null, paint ? paint.cells(at) : null);
    }
    written += rows.length;
    await sink.flush(signal);
  }
  // An export that matched nothing still has its header row.
  if (!begun) sink.begin(name, columns, []);
  return written;
}

export interface MainSheet {
  table: TableDef;
  /** The reader's scope path: the store re-checks what the replica chose. */
  scopePath: string;
  columns: ExportColumn[];
  fields: readonly FieldDef[];
  /** Whether the 所属组织 column is exported (its names are looked up then). */
  withOrg: boolean;
  selection: Selection;
}

/** The main sheet; returns the ids it wrote, in order (their sub-table rows follow on other sheets). */
export async function writeMainSheet(
  services: Services,
  sink: SheetSink,
  sheet: MainSheet,
  signal: AbortSignal | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<number[]> {
  const { table, selection } = sheet;
  const open = recordOpener(services, table, sheet.fields);
  const ids = selection.ids;
  const written: number[] = [];
  const names = sheet.withOrg ? orgNamer(services) : null;
  async function* batches(): AsyncGenerator<ExportRow[]> {
    for (let start = 0; start < ids.length; start += BATCH) {
      throwIfAborted(signal);
      const slice = ids.slice(start, start + BATCH);
      const stored = await readRecords(services, table, sheet.scopePath, slice);
      const orgName = names ? await names(stored.values()) : () => "";
      const rows: ExportRow[] = [];
      for (let i = 0; i < slice.length; i++) {
        // Gone from the store since the replica looked (deleted, purged, moved out of scope): left out.
        const record = stored.get(slice[i]!);
        if (!record) continue;
        written.push(slice[i]!);
        rows.push({
          at: start + i,
          systemId: record.system_id,
          version: Number(record.version),
          parentSystemId: null,
          orgName: orgName(record),
          values: open(record),
        });
      }
      yield rows;
      onProgress(Math.min(ids.length, start + BATCH), ids.length);
    }
  }
  await writeSheet(sink, table.name, sheet.columns, batches(), painter(selection, sheet.columns), signal);
  return written;
}

/** A sub-table's rows under the exported records, in their order, each naming its parent's 系统编号. */
export async function writeSubSheet(
  services: Services,
  sink: SheetSink,
  sub: { table: TableDef; columns: ExportColumn[]; fields: readonly FieldDef[] },
  parentIds: readonly number[],
  signal: AbortSignal | undefined,
): Promise<number> {
  const open = recordOpener(services, sub.table, sub.fields);
  async function* batches(): AsyncGenerator<ExportRow[]> {
    for (let start = 0; start < parentIds.length; start += BATCH) {
      throwIfAborted(signal);
      const stored = await readSubRows(services, sub.table, parentIds.slice(start, start + BATCH));
      yield stored.map((record) => ({
        at: -1,
        systemId: record.system_id,
        version: Number(record.version),
        parentSystemId: record.parent_system_id,
        orgName: "",
        values: open(record),
      }));
    }
  }
  return writeSheet(sink, sub.table.name, sub.columns, batches(), null, signal);
}
