// The rows the grid has fetched, in blocks of BLOCK rows: which blocks a visible range needs, fetching
// the missing ones (neighbours merged into one request), dropping requests nobody needs any more, and
// forgetting the blocks furthest away once MAX_BLOCKS are kept. A new query starts a new generation:
// answers to an older one are ignored. No React here; useRowWindows wires it to the grid.
import type { GridRow, RowWindow } from "../../../analytics/query/results.ts";
import { isAbort } from "./api.ts";

export const BLOCK = 100;
/** Rows a single request may ask for (the API allows 500). */
const MAX_REQUEST_BLOCKS = 2;
/** Blocks kept in memory (≈ 5 000 rows). */
const MAX_BLOCKS = 50;
/** Blocks around the visible range worth fetching ahead. */
const AHEAD = 1;

export type FetchWindow = (offset: number, limit: number, signal: AbortSignal) => Promise<RowWindow>;

/** Runs of consecutive missing blocks from `first` to `last`, each at most `maxRun` blocks long. */
export function missingRuns(
  first: number,
  last: number,
  missing: (block: number) => boolean,
  maxRun = MAX_REQUEST_BLOCKS,
): [number, number][] {
  const runs: [number, number][] = [];
  let start: number | null = null;
  for (let b = first; b <= last; b++) {
    if (missing(b)) {
      if (start === null) start = b;
      if (b - start + 1 === maxRun) {
        runs.push([start, b]);
        start = null;
      }
    } else if (start !== null) {
      runs.push([start, b - 1]);
      start = null;
    }
  }
  if (start !== null) runs.push([start, last]);
  return runs;
}

export class RowWindows {
  total: number;
  /** Set when the last request failed (cleared by the next success). */
  error: unknown = null;
  private blocks = new Map<number, GridRow[]>();
  /** Blocks shown while a fresher copy is fetched. */
  private stale = new Set<number>();
  private inflight = new Map<number, AbortController>();
  private generation = 0;
  private range: [number, number] = [0, 0];

  constructor(
    private fetchWindow: FetchWindow,
    private onChange: () => void,
    first?: RowWindow,
  ) {
    this.total = first?.total ?? 0;
    if (first) this.store(first);
  }

  /** The row at `index`, or undefined while its block is loading. */
  rowAt(index: number): GridRow | undefined {
    return this.blocks.get(Math.floor(index / BLOCK))?.[index % BLOCK];
  }

  loading(): boolean {
    return this.inflight.size > 0;
  }

  /** Rows `start`…`end` (inclusive) are on screen: fetch what they and their neighbours lack. */
  want(start: number, end: number): void {
    if (this.total === 0 && this.blocks.size > 0) return;
    this.range = [start, end];
    const lastBlock = Math.max(0, Math.ceil(this.total / BLOCK) - 1);
    const first = Math.max(0, Math.floor(start / BLOCK) - AHEAD);
    const last = Math.min(lastBlock, Math.floor(end / BLOCK) + AHEAD);
    // Requests for blocks far from here are dropped: the user has scrolled past them.
    for (const [block, controller] of this.inflight)
      if (block < first - 1 || block > last + 1) {
        controller.abort();
        this.inflight.delete(block);
      }
    const runs = missingRuns(
      first,
      last,
      (b) => (!this.blocks.has(b) || this.stale.has(b)) && !this.inflight.has(b),
    );
    for (const [from, to] of runs) this.request(from, to);
  }

  /** The query changed: forget everything and start again from the top (or from `first`). */
  reset(first?: RowWindow): void {
    this.generation++;
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
    this.blocks.clear();
    this.stale.clear();
    this.error = null;
    if (first) {
      this.total = first.total;
      this.store(first);
    }
    this.onChange();
  }

  /** Refetch what is on screen (after a bulk change), showing the old rows until the answers come. */
  refresh(): void {
    this.generation++;
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
    this.stale = new Set(this.blocks.keys());
    const [start, end] = this.range;
    this.want(start, end);
  }

  /** Replace a row in place (after a save), wherever it is cached. */
  patchRow(id: number, patch: (row: GridRow) => GridRow): void {
    let changed = false;
    for (const [block, rows] of this.blocks) {
      const at = rows.findIndex((r) => r.id === id);
      if (at < 0) continue;
      const next = rows.slice();
      next[at] = patch(rows[at]!);
      this.blocks.set(block, next);
      changed = true;
    }
    if (changed) this.onChange();
  }

  /** Rows currently cached, for "select all loaded" and lookups by id. */
  cachedRows(): GridRow[] {
    return [...this.blocks.values()].flat();
  }

  dispose(): void {
    this.generation++;
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
  }

  private request(from: number, to: number): void {
    const controller = new AbortController();
    const generation = this.generation;
    for (let b = from; b <= to; b++) this.inflight.set(b, controller);
    const offset = from * BLOCK;
    const limit = (to - from + 1) * BLOCK;
    this.fetchWindow(offset, limit, controller.signal).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.release(from, to, controller);
        this.error = null;
        this.total = answer.total;
        this.store(answer);
        this.onChange();
      },
      (error) => {
        this.release(from, to, controller);
        if (generation !== this.generation || isAbort(error)) return;
        this.error = error;
        this.onChange();
      },
    );
  }

  private release(from: number, to: number, controller: AbortController) {
    for (let b = from; b <= to; b++) if (this.inflight.get(b) === controller) this.inflight.delete(b);
  }

  private store(answer: RowWindow): void {
    const firstBlock = Math.floor(answer.offset / BLOCK);
    const skip = answer.offset % BLOCK;
    // Answers are block-aligned except a first window handed over by the page, which starts at 0.
    if (skip !== 0) return;
    for (let i = 0; i * BLOCK < answer.rows.length; i++) {
      const rows = answer.rows.slice(i * BLOCK, (i + 1) * BLOCK);
      const block = firstBlock + i;
      const complete = rows.length === BLOCK || answer.offset + (i + 1) * BLOCK >= answer.total;
      if (complete) {
        this.blocks.delete(block);
        this.blocks.set(block, rows);
        this.stale.delete(block);
      }
    }
    // An empty answer for a block past the end (rows were removed meanwhile) is remembered as empty.
    if (answer.rows.length === 0) this.blocks.set(firstBlock, []);
    this.evict();
  }

  private evict(): void {
    if (this.blocks.size <= MAX_BLOCKS) return;
    const centre = Math.floor((this.range[0] + this.range[1]) / 2 / BLOCK);
    const far = [...this.blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const block of far.slice(0, this.blocks.size - MAX_BLOCKS)) {
      this.blocks.delete(block);
      this.stale.delete(block);
    }
  }
}
