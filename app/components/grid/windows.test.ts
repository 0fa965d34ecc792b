import { describe, expect, it } from "vitest";
import type { RowWindow } from "../../../analytics/query/results.ts";
import { row } from "./grid.test-support.ts";
import { BLOCK, missingRuns, RowWindows } from "./windows.ts";

/** A fake server of `total` rows that records what was asked and answers when told. */
function server(total: number) {
  const asked: { offset: number; limit: number; signal: AbortSignal; answer: () => void }[] = [];
  const fetch = (offset: number, limit: number, signal: AbortSignal) =>
    new Promise<RowWindow>((resolve, reject) => {
      signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      asked.push({
        offset,
        limit,
        signal,
        answer: () =>
          resolve({
            total,
            offset,
            rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
              row(offset + i + 1),
            ),
          }),
      });
    });
  return { asked, fetch };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("row windows", () => {
  it("groups missing blocks into requests of at most two", () => {
    const have = new Set([2, 5]);
    expect(missingRuns(0, 7, (b) => !have.has(b))).toEqual([
      [0, 1],
      [3, 4],
      [6, 7],
    ]);
    expect(missingRuns(0, 4, () => true)).toEqual([
      [0, 1],
      [2, 3],
      [4, 4],
    ]);
  });

  it("starts with the page's first window and fetches what scrolling far down needs", async () => {
    const { asked, fetch } = server(1_000_000);
    let changes = 0;
    const first: RowWindow = {
      total: 1_000_000,
      offset: 0,
      rows: Array.from({ length: BLOCK }, (_, i) => row(i + 1)),
    };
    const windows = new RowWindows(fetch, () => changes++, first);
    expect(windows.rowAt(0)?.id).toBe(1);
    expect(windows.rowAt(BLOCK)).toBeUndefined();

    windows.want(500_010, 500_040);
    // The visible block and one on each side; nothing near the top.
    expect(asked.map((a) => [a.offset, a.limit])).toEqual([
      [499_900, 200],
      [500_100, 100],
    ]);
    for (const a of asked) a.answer();
    await settle();
    expect(windows.rowAt(500_010)?.id).toBe(500_011);
    expect(changes).toBeGreaterThan(0);
    // Asking again for what is there asks nothing.
    const before = asked.length;
    windows.want(500_010, 500_040);
    expect(asked.length).toBe(before);
  });

  it("drops requests for rows scrolled past, and ignores answers to an older query", async () => {
    const { asked, fetch } = server(100_000);
    const windows = new RowWindows(fetch, () => {});
    windows.want(10_000, 10_030);
    const far = asked.slice();
    windows.want(80_000, 80_030);
    expect(far.every((a) => a.signal.aborted)).toBe(true);

    windows.reset();
    const old = asked.filter((a) => !a.signal.aborted);
    expect(old).toHaveLength(0);
    windows.want(0, 30);
    const fresh = asked.at(-1)!;
    fresh.answer();
    await settle();
    expect(windows.rowAt(0)?.id).toBe(1);
  });

  it("patches a saved row in place and keeps showing old rows while refreshing", async () => {
    const { asked, fetch } = server(300);
    const windows = new RowWindows(fetch, () => {}, {
      total: 300,
      offset: 0,
      rows: Array.from({ length: BLOCK }, (_, i) => row(i + 1)),
    });
    windows.want(0, 20);
    windows.patchRow(5, (r) => ({ ...r, version: 2 }));
    expect(windows.rowAt(4)?.version).toBe(2);
    for (const a of asked) a.answer();
    await settle();
    const count = asked.length;
    windows.refresh();
    expect(asked.length).toBeGreaterThan(count);
    expect(windows.rowAt(4)).toBeDefined();
  });
});
