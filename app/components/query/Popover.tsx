// A button that opens a panel: Esc or a click outside closes it and focus returns to the button. On a
// phone the panel is a sheet along the bottom of the screen; from sm up it hangs under the button.
import { type ReactNode, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";

export function Popover(props: {
  /** What the panel is, for screen readers. */
  label: string;
  button: ReactNode;
  children: (close: () => void) => ReactNode;
  align?: "start" | "end";
  /** Wider panel (forms, tables). */
  wide?: boolean;
  buttonClassName?: string;
  /** Called when the panel opens (to load what it shows). */
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const onOpen = useRef(props.onOpen);
  onOpen.current = props.onOpen;

  // From sm up the panel hangs under the button; moved sideways when it would leave the window.
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel || window.innerWidth < 640) {
      setShift(0);
      return;
    }
    panel.style.transform = "";
    const { left, right } = panel.getBoundingClientRect();
    const margin = 8;
    const width = window.innerWidth;
    setShift(left < margin ? margin - left : right > width - margin ? width - margin - right : 0);
  }, [open]);

  const close = useCallback((focusButton = true) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    onOpen.current?.();
    const first = panelRef.current?.querySelector<HTMLElement>(
      "input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex='-1'])",
    );
    first?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && !panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, close]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Esc anywhere inside closes the panel
    <div
      className="relative inline-block"
      onKeyDown={(e) => {
        if (open && e.key === "Escape") {
          e.stopPropagation();
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        className={
          props.buttonClassName ??
          "flex min-h-10 items-center gap-1.5 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 aria-expanded:bg-stone-100"
        }
      >
        {props.button}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={id}
          role="dialog"
          aria-label={props.label}
          style={shift ? { transform: `translateX(${shift}px)` } : undefined}
          className={`fixed inset-x-2 bottom-2 z-40 max-h-[80vh] overflow-auto rounded-lg border border-stone-200 bg-white p-3 shadow-xl sm:absolute sm:inset-x-auto sm:bottom-auto sm:mt-2 sm:max-h-[70vh] ${
            props.align === "end" ? "sm:right-0" : "sm:left-0"
          } ${props.wide ? "sm:w-[32rem]" : "sm:w-80"}`}
        >
          {props.children(() => close())}
        </div>
      ) : null}
    </div>
  );
}
