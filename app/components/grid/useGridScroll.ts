// What of the grid is in the page. Rows: TanStack Virtual over every matching row, compressed past what
// a browser can scroll, fetching the rows it comes to. Columns: the frozen ones always, the others only
// where the grid is scrolled to (plus two either side), so a table of many fields costs what its
// visible part costs.
import { useVirtualizer } from "@tanstack/react-virtual";
import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./columns.ts";
import type { ColumnLayout } from "./layout.ts";
import { realTop, scaledScrollOptions, scrollScale } from "./scroll.ts";
import { BLOCK } from "./windows.ts";

export function useRowScroll(
  total: number,
  footerHeight: number,
  want: (start: number, end: number) => void,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(640);
  const rowsHeight = total * ROW_HEIGHT;
  const scale = scrollScale(rowsHeight, HEADER_HEIGHT + footerHeight, viewport);
  const live = useRef({ scale, rowsHeight, footerHeight });
  live.current = { scale, rowsHeight, footerHeight };
  const earlyTop = useScrollBeforeMount(scrollRef, "scrollTop");
  const scrollOptions = useMemo(
    () =>
      scaledScrollOptions({
        element: () => scrollRef.current,
        scale: () => live.current.scale,
        rowsHeight: () => live.current.rowsHeight,
        header: HEADER_HEIGHT,
        footer: () => live.current.footerHeight,
      }),
    [],
  );
  const virtualizer = useVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1200, height: 640 },
    ...scrollOptions,
  });
  useRestoreScroll(scrollRef, "scrollTop", earlyTop);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  // Rows sit in a layer placed at the first row of their block of 100, each row at a small offset in
  // it; in a compressed body the layer follows every scroll event directly (no render needed), so
  // rows move with the scrollbar at `ratio` times its speed.
  const base = Math.floor(firstIndex / BLOCK) * BLOCK * ROW_HEIGHT;
  const layerRef = useRef<HTMLDivElement>(null);
  const layerTop = (scrollTop: number) => realTop(base, scrollTop * scale.ratio, scale.ratio);
  const placeLayer = useRef(layerTop);
  placeLayer.current = layerTop;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || scale.ratio === 1) return;
    const follow = () => {
      if (layerRef.current)
        layerRef.current.style.transform = `translateY(${placeLayer.current(element.scrollTop)}px)`;
    };
    element.addEventListener("scroll", follow, { passive: true });
    return () => element.removeEventListener("scroll", follow);
  }, [scale.ratio]);
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0 || items.length === 0) want(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total, want, items.length]);
  const pageRows = Math.max(1, Math.floor((viewport - HEADER_HEIGHT - footerHeight) / ROW_HEIGHT) - 1);
  const focus = () => scrollRef.current?.focus({ preventScroll: true });

  return {
    scrollRef,
    virtualizer,
    items,
    base,
    layerRef,
    layerTop,
    bodyHeight: scale.bodyHeight,
    pageRows,
    focus,
  };
}

/**
 * Layout indices of the columns in the page: the frozen ones are 0…firstCenter-1, the others
 * fromCol…toCol. `keep` (a layout index) stays in the page even when scrolled away (an open editor).
 */
export function useColumnRange(
  scrollRef: RefObject<HTMLDivElement | null>,
  layout: ColumnLayout[],
  frozenWidth: number,
  keep: number | null,
) {
  const firstCenter = (() => {
    const at = layout.findIndex((c) => c.sticky === null);
    return at < 0 ? layout.length : at;
  })();
  const centerCols = layout.slice(firstCenter);
  const earlyLeft = useScrollBeforeMount(scrollRef, "scrollLeft");
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: centerCols.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => centerCols[i]?.width ?? 120,
    getItemKey: (i) => `${centerCols[i]?.key}:${centerCols[i]?.width}`,
    paddingStart: frozenWidth,
    overscan: 2,
    initialRect: { width: 1200, height: 640 },
  });
  useRestoreScroll(scrollRef, "scrollLeft", earlyLeft);
  const columnItems = columnVirtualizer.getVirtualItems();
  let fromCol = firstCenter + (columnItems[0]?.index ?? 0);
  let toCol = firstCenter + (columnItems[columnItems.length - 1]?.index ?? -1);
  if (keep !== null && keep >= firstCenter) {
    fromCol = Math.min(fromCol, keep);
    toCol = Math.max(toCol, keep);
  }
  /** Width of the columns scrolled past (left of fromCol, right of the frozen ones). */
  const spacer = fromCol < layout.length ? layout[fromCol]!.left - frozenWidth : 0;
  return { firstCenter, fromCol, toCol, spacer };
}

type ScrollAxis = "scrollTop" | "scrollLeft";

/**
 * Where the server-rendered grid was scrolled to before the page became interactive (a user may
 * scroll it while the script loads). Call before the virtualizer: its mount puts the element back at
 * its initial offset, and useRestoreScroll (called after it) undoes that.
 */
function useScrollBeforeMount(scrollRef: RefObject<HTMLDivElement | null>, axis: ScrollAxis) {
  const early = useRef(0);
  useLayoutEffect(() => {
    early.current = scrollRef.current?.[axis] ?? 0;
  }, [scrollRef, axis]);
  return early;
}

function useRestoreScroll(
  scrollRef: RefObject<HTMLDivElement | null>,
  axis: ScrollAxis,
  early: RefObject<number>,
) {
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && early.current > 0 && element[axis] !== early.current) element[axis] = early.current;
  }, [scrollRef, axis, early]);
}
