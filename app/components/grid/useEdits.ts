// Saving what the grid changes. Every edit — one typed cell, a pasted range, a fill, a clear, a bulk
// "set value", an undo — is a batch of cells: grouped by record into one PATCH each (with the version
// the grid holds, so a save over someone else's newer change is refused), a few records at a time, with
// a progress note. While a cell saves it shows the new text; a refusal puts the old text back and the
// server's message on the cell. Saved batches go on the undo stack as the values they replaced.
import { useCallback, useRef, useState } from "react";
import type { GridRow } from "../../../analytics/query/results.ts";
import type { Lang } from "../../i18n/index.ts";
import { localMessage } from "../format.ts";
import { ApiError, type GridApi } from "./api.ts";
import { type CellInput, restoreInput } from "./cells.ts";
import type { GridField } from "./types.ts";
import type { RowWindows } from "./windows.ts";

/** Records saved at the same time. */
const PARALLEL = 4;

export type BatchKind = "edit" | "paste" | "fill" | "clear" | "set" | "undo";

/** One cell to write: the record, its row number (for messages), the field, what to send. */
export interface CellChange {
  row: GridRow;
  rowNumber: number;
  field: GridField;
  input: CellInput;
  /** Shown in the cell while it saves. */
  display: string;
}

/** A cell that was not written, and why (row number as the grid numbers rows, from 1). */
export interface CellProblem {
  rowNumber: number;
  column: string;
  reason: string;
}

export interface BatchReport {
  kind: BatchKind;
  saved: number;
  problems: CellProblem[];
  /** Undo: cells whose earlier value is masked here and could not be written back. */
  at: number;
}

interface UndoEntry {
  id: number;
  rowNumber: number;
  field: GridField;
  /** What to send to restore the value the batch replaced; null when it was masked. */
  before: CellInput | null;
}

interface UndoBatch {
  kind: BatchKind;
  entries: UndoEntry[];
}

export const cellKey = (id: number, key: string) => `${id}:${key}`;

export function useEdits(api: GridApi, windows: RowWindows, lang: Lang) {
  /** The newest version of each record this page saved (rows may have left the cache since). */
  const versions = useRef(new Map<number, number>());
  const undoStack = useRef<UndoBatch[]>([]);
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [progress, setProgress] = useState<{ kind: BatchKind; done: number; total: number } | null>(null);
  const [report, setReport] = useState<BatchReport | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const busy = useRef(false);

  const write = useCallback(
    async (kind: BatchKind, changes: readonly CellChange[], refused: CellProblem[] = []) => {
      const problems = [...refused];
      const byRecord = new Map<number, CellChange[]>();
      for (const change of changes)
        byRecord.set(change.row.id, [...(byRecord.get(change.row.id) ?? []), change]);
      const keys = changes.map((c) => cellKey(c.row.id, c.field.key));
      setPending(
        (now) =>
          new Map([...now, ...changes.map((c) => [cellKey(c.row.id, c.field.key), c.display] as const)]),
      );
      setErrors((now) => {
        const next = new Map(now);
        for (const key of keys) next.delete(key);
        return next;
      });
      const records = [...byRecord.entries()];
      const total = records.length;
      let done = 0;
      if (total > 1) setProgress({ kind, done, total });
      const undone: UndoEntry[] = [];
      const failed = new Map<string, string>();
      let saved = 0;

      const saveOne = async ([id, cells]: [number, CellChange[]]) => {
        const row = cells[0]!.row;
        // Versions only grow: the newer of the row as fetched and this page's own last save of it.
        const version = Math.max(versions.current.get(id) ?? 0, row.version);
        try {
          const answer = await api.saveRecord(
            id,
            version,
            Object.fromEntries(cells.map((c) => [c.field.key, c.input])),
          );
          versions.current.set(id, answer.version);
          windows.patchRow(id, (r) => ({
            ...r,
            version: answer.version,
            values: { ...r.values, ...answer.values },
            display: { ...r.display, ...answer.display },
            masked: answer.masked,
          }));
          saved += cells.length;
          for (const c of cells)
            undone.push({ id, rowNumber: c.rowNumber, field: c.field, before: restoreInput(c.field, row) });
        } catch (error) {
          const status = error instanceof ApiError ? error.status : 0;
          const message = error instanceof Error ? error.message : String(error);
          const fields = error instanceof ApiError ? error.fields : {};
          for (const c of cells) {
            const reason = localMessage(fields[c.field.key] ?? message, lang);
            failed.set(cellKey(id, c.field.key), reason);
            problems.push({ rowNumber: c.rowNumber, column: c.field.label, reason });
          }
          // A stale version: the grid's copy of the row is old; fetch it again.
          if (status === 409) windows.refresh();
        } finally {
          done += 1;
          if (total > 1) setProgress({ kind, done, total });
        }
      };

      const queue = records.slice();
      const workers = Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await saveOne(next);
      });
      await Promise.all(workers);

      setPending((now) => {
        const next = new Map(now);
        for (const key of keys) next.delete(key);
        return next;
      });
      if (failed.size > 0) setErrors((now) => new Map([...now, ...failed]));
      setProgress(null);
      if (kind !== "undo" && undone.length > 0) {
        undoStack.current.push({ kind, entries: undone });
        if (undoStack.current.length > 50) undoStack.current.shift();
      }
      setCanUndo(undoStack.current.length > 0);
      problems.sort((a, b) => a.rowNumber - b.rowNumber);
      // A single typed cell reports on the cell itself; batches say what happened.
      if (kind !== "edit" || problems.length > 0) setReport({ kind, saved, problems, at: Date.now() });
      return { saved, problems };
    },
    [api, windows, lang],
  );

  /** Serialises batches: a paste while another is saving waits for it. */
  const run = useCallback(
    async (kind: BatchKind, changes: readonly CellChange[], refused: CellProblem[] = []) => {
      if (busy.current) return null;
      busy.current = true;
      try {
        return await write(kind, changes, refused);
      } finally {
        busy.current = false;
      }
    },
    [write],
  );

  /** Write back the values the last batch replaced (each record checked against its version). */
  const undo = useCallback(
    async (lookup: (id: number) => GridRow | undefined, unmasked: (text: string) => string) => {
      const batch = undoStack.current.pop();
      setCanUndo(undoStack.current.length > 0);
      if (!batch) return null;
      const changes: CellChange[] = [];
      const refused: CellProblem[] = [];
      for (const entry of batch.entries) {
        const row = lookup(entry.id);
        if (entry.before === null) {
          refused.push({
            rowNumber: entry.rowNumber,
            column: entry.field.label,
            reason: unmasked(entry.field.label),
          });
          continue;
        }
        const base: GridRow =
          row ??
          ({
            id: entry.id,
            version: versions.current.get(entry.id) ?? 0,
            values: {},
            display: {},
            masked: [],
          } as unknown as GridRow);
        changes.push({
          row: base,
          rowNumber: entry.rowNumber,
          field: entry.field,
          input: entry.before,
          display: typeof entry.before === "string" ? entry.before : "",
        });
      }
      return run("undo", changes, refused);
    },
    [run],
  );

  const dismissError = useCallback((key: string) => {
    setErrors((now) => {
      if (!now.has(key)) return now;
      const next = new Map(now);
      next.delete(key);
      return next;
    });
  }, []);

  return { run, undo, canUndo, pending, errors, progress, report, setReport, dismissError, versions };
}
