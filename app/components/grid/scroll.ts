// A million rows of 32 px are 32 million pixels, more than browsers let an element be (Firefox stops near
// 17.9 million). Past MAX_BODY_HEIGHT the grid's scroll area is compressed: the scrollbar spans a body
// of MAX_BODY_HEIGHT and each real pixel scrolled moves `ratio` pixels through the rows. TanStack
// Virtual keeps working in row pixels: it is handed a view of the scroll element whose scrollTop and
// scrollHeight are in row pixels, and its writes are scaled back. Below the limit the ratio is 1 and
// nothing changes.
import {
  observeElementOffset,
  type Rect,
  type Virtualizer,
  type VirtualizerOptions,
} from "@tanstack/react-virtual";

export const MAX_BODY_HEIGHT = 15_000_000;

export interface ScrollScale {
  /** Height the body really gets in the page. */
  bodyHeight: number;
  /** Row pixels per real pixel scrolled (1 when the rows fit). */
  ratio: number;
}

/**
 * The body's real height and the ratio for `rowsHeight` of rows between a sticky header and footer
 * (`chrome` px together) in a scroll area `viewport` px tall: the last row is reached exactly when the
 * scrollbar is at the end.
 */
export function scrollScale(rowsHeight: number, chrome: number, viewport: number): ScrollScale {
  if (rowsHeight <= MAX_BODY_HEIGHT) return { bodyHeight: rowsHeight, ratio: 1 };
  const realMax = MAX_BODY_HEIGHT + chrome - viewport;
  const virtualMax = rowsHeight + chrome - viewport;
  return { bodyHeight: MAX_BODY_HEIGHT, ratio: realMax > 0 ? virtualMax / realMax : 1 };
}

/** Where a row starting at `start` (row pixels) sits in the real body, given the virtual offset. */
export function realTop(start: number, offset: number, ratio: number): number {
  return ratio === 1 ? start : start - offset + offset / ratio;
}

export interface ScaledScrollOptions {
  /** The real scroll element. */
  element: () => HTMLElement | null;
  /** The current ratio and the rows' height in row pixels. */
  scale: () => ScrollScale;
  rowsHeight: () => number;
  /** Height of the sticky header inside the scroll area (rows disappear under it). */
  header: number;
  /** Height of the sticky footer row at the bottom of the scroll area (0 when there is none). */
  footer: () => number;
}

type Options = Pick<
  VirtualizerOptions<HTMLElement, Element>,
  "getScrollElement" | "observeElementRect" | "observeElementOffset" | "scrollToFn"
>;

/** The options that make a TanStack virtualizer scroll through the compressed body in row pixels. */
export function scaledScrollOptions(opts: ScaledScrollOptions): Options {
  let view: { element: HTMLElement; proxy: HTMLElement } | null = null;
  const proxyOf = (element: HTMLElement): HTMLElement => {
    if (view?.element === element) return view.proxy;
    const proxy = new Proxy(element, {
      get(target, prop) {
        if (prop === "scrollTop") return target.scrollTop * opts.scale().ratio;
        if (prop === "scrollHeight") return opts.rowsHeight() + opts.header + opts.footer();
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    view = { element, proxy };
    return proxy;
  };
  return {
    getScrollElement: () => {
      const element = opts.element();
      return element ? proxyOf(element) : null;
    },
    // The rows' viewport is the scroll area less the sticky header and footer.
    observeElementRect: (instance: Virtualizer<HTMLElement, Element>, cb: (rect: Rect) => void) => {
      const element = opts.element();
      if (!element) return;
      const report = () =>
        cb({
          width: element.clientWidth,
          height: Math.max(0, element.clientHeight - opts.header - opts.footer()),
        });
      report();
      const win = instance.targetWindow;
      if (!win?.ResizeObserver) return;
      const observer = new win.ResizeObserver(report);
      observer.observe(element);
      return () => observer.disconnect();
    },
    observeElementOffset,
    scrollToFn: (offset, { adjustments = 0, behavior }) => {
      const element = opts.element();
      element?.scrollTo({ top: (offset + adjustments) / opts.scale().ratio, behavior });
    },
  };
}
