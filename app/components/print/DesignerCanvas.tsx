// One label of the template drawn to scale with absolutely positioned boxes, the way the PDF lays it out:
// elements in drawing order, turned about their centre, clipped at the label's edge. Merge tags show as
// highlighted {{tags}} (or, when asked, a record's values). A click selects, a drag moves (snapped to
// 0.5 mm), the arrow keys nudge the selected element while the canvas has the focus.
import {
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { qrMatrix } from "../../print/codes.ts";
import { labelSize, type PrintElement, type PrintTemplate } from "../../print/template.ts";
import { canvasScale, dragTo, fillMerge, MM_PER_PT, mergeSegments, nudge } from "./designerModel.ts";

/** The canvas's zoom over the size that fits its room. */
const ZOOMS = [1, 1.5, 2, 3] as const;

const FONT = '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** Points to pixels at the canvas's scale (a drawn stroke at least a hairline). */
const ptPx = (pt: number, scale: number) => pt * MM_PER_PT * scale;

export function DesignerCanvas(props: {
  template: PrintTemplate;
  ids: readonly number[];
  selected: number | null;
  onSelect(id: number | null): void;
  onMove(index: number, position: { x: number; y: number }): void;
  editable: boolean;
  /** A record's values to fill the tags with; null shows the tags. */
  values: Record<string, string> | null;
  /** Elements with an error, outlined red. */
  faulty: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  const { template, ids, selected } = props;
  const label = labelSize(template);
  const holder = useRef<HTMLDivElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const [space, setSpace] = useState(480);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const measure = () => setSpace(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const [zoom, setZoom] = useState(1);
  const scale = canvasScale(label, { width: space, maxWidth: 560, maxHeight: 720 }) * zoom;
  const drag = useRef<{
    index: number;
    pointer: number;
    startX: number;
    startY: number;
    from: { x: number; y: number };
    moved: boolean;
  } | null>(null);

  function pointerDown(e: PointerEvent<HTMLDivElement>, index: number) {
    if (e.button !== 0) return;
    e.stopPropagation();
    props.onSelect(ids[index] ?? null);
    surface.current?.focus({ preventScroll: true });
    if (!props.editable) return;
    const el = template.elements[index]!;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = {
      index,
      pointer: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      from: { x: el.x, y: el.y },
      moved: false,
    };
  }

  function pointerMove(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    const dx = e.clientX - d.startX;
    const dy = e.clientY - d.startY;
    // A click that wobbles a pixel or two is still a click.
    if (!d.moved && Math.hypot(dx, dy) < 3) return;
    d.moved = true;
    const to = dragTo(d.from, dx, dy, scale);
    const el = template.elements[d.index];
    if (el && (el.x !== to.x || el.y !== to.y)) props.onMove(d.index, to);
  }

  function pointerUp(e: PointerEvent<HTMLDivElement>) {
    if (drag.current?.pointer === e.pointerId) drag.current = null;
  }

  function keyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Escape") {
      props.onSelect(null);
      return;
    }
    const index = selected === null ? -1 : ids.indexOf(selected);
    const el = template.elements[index];
    if (!el || !props.editable) return;
    const to = nudge(el, e.key, e.shiftKey);
    if (!to) return;
    e.preventDefault();
    props.onMove(index, to);
  }

  const selectedIndex = selected === null ? -1 : ids.indexOf(selected);
  const chosen = template.elements[selectedIndex];
  const width = label.width * scale;
  const height = label.height * scale;

  return (
    <div className="flex w-full min-w-0 flex-col gap-2">
      <div className="flex items-center justify-end gap-2">
        <label htmlFor="canvas-zoom" className="text-xs text-stone-600">
          {t("print.designer.canvas.zoom")}
        </label>
        <select
          id="canvas-zoom"
          value={zoom}
          onChange={(e) => setZoom(Number(e.target.value))}
          className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm"
        >
          {ZOOMS.map((z) => (
            <option key={z} value={z}>
              {z === 1 ? t("print.designer.canvas.fit") : `${z * 100}%`}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full min-w-0 rounded-md bg-stone-100 p-3 sm:p-4">
        {/* The room, measured apart from the scrolling box so that its scroll bars never change the scale. */}
        <div ref={holder} aria-hidden className="h-0 w-full" />
        <div
          className={`flex w-full min-w-0 overflow-auto ${zoom > 1 ? "max-h-[70vh]" : ""}`}
          style={{ justifyContent: "safe center" }}
        >
          <div
            ref={surface}
            role="application"
            aria-label={t("print.designer.canvas.label", {
              width: Math.round(label.width * 10) / 10,
              height: Math.round(label.height * 10) / 10,
            })}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes the focus so the arrow keys move the selected element
            tabIndex={0}
            onKeyDown={keyDown}
            onPointerDown={() => props.onSelect(null)}
            className="relative shrink-0 outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            style={{ width, height }}
            data-canvas
          >
            <div
              className="absolute inset-0 overflow-hidden bg-white shadow-md ring-1 ring-stone-300"
              style={{ fontFamily: FONT }}
            >
              {template.elements.map((el, i) => (
                <ElementBox
                  key={ids[i] ?? i}
                  el={el}
                  scale={scale}
                  values={props.values}
                  faulty={props.faulty.has(ids[i] ?? -1)}
                  editable={props.editable}
                  onPointerDown={(e) => pointerDown(e, i)}
                  onPointerMove={pointerMove}
                  onPointerUp={pointerUp}
                />
              ))}
            </div>
            {chosen ? <SelectionFrame el={chosen} scale={scale} /> : null}
          </div>
        </div>
      </div>
    </div>
  );
}

/** The selected element's frame, drawn over the label and not clipped by it. */
function SelectionFrame({ el, scale }: { el: PrintElement; scale: number }) {
  const line = el.type === "line";
  const style: CSSProperties = {
    left: el.x * scale - 2,
    top: el.y * scale - 2,
    width: Math.max(el.width * scale, line ? 0 : 2) + 4,
    height: Math.max(el.height * scale, 0) + 4,
    ...(el.rotate && !line ? { transform: `rotate(${el.rotate}deg)` } : {}),
  };
  return (
    <div
      aria-hidden
      className="pointer-events-none absolute rounded-sm border-2 border-sky-500 shadow-[0_0_0_1px_white]"
      style={style}
    />
  );
}

function ElementBox(props: {
  el: PrintElement;
  scale: number;
  values: Record<string, string> | null;
  faulty: boolean;
  editable: boolean;
  onPointerDown(e: PointerEvent<HTMLDivElement>): void;
  onPointerMove(e: PointerEvent<HTMLDivElement>): void;
  onPointerUp(e: PointerEvent<HTMLDivElement>): void;
}) {
  const { el, scale } = props;
  const line = el.type === "line";
  // A line's box may be 0 tall (or wide): it is grabbed by a band a few pixels around it.
  const pad = line ? 5 : 0;
  const style: CSSProperties = {
    left: el.x * scale - pad,
    top: el.y * scale - pad,
    width: el.width * scale + pad * 2,
    height: el.height * scale + pad * 2,
    touchAction: props.editable ? "none" : undefined,
    ...(el.rotate && !line ? { transform: `rotate(${el.rotate}deg)` } : {}),
  };
  return (
    <div
      data-element={el.type}
      onPointerDown={props.onPointerDown}
      onPointerMove={props.onPointerMove}
      onPointerUp={props.onPointerUp}
      onPointerCancel={props.onPointerUp}
      className={`absolute select-none ${props.editable ? "cursor-move" : "cursor-pointer"} ${
        props.faulty
          ? "outline-2 outline-red-500 outline-dashed"
          : "hover:outline hover:outline-1 hover:outline-sky-300"
      }`}
      style={style}
    >
      <Drawing el={el} scale={scale} values={props.values} pad={pad} />
    </div>
  );
}

function Drawing({
  el,
  scale,
  values,
  pad,
}: {
  el: PrintElement;
  scale: number;
  values: Record<string, string> | null;
  pad: number;
}) {
  const { t } = useTranslation();
  switch (el.type) {
    case "text":
      return <TextDrawing el={el} scale={scale} values={values} />;
    case "photo":
      return (
        <div
          className="flex size-full items-center justify-center bg-stone-100 text-stone-400"
          style={{
            border: `${Math.max(1, ptPx(0.6, scale))}px dashed ${el.borderColor}`,
            fontSize: Math.max(8, ptPx(9, scale)),
          }}
        >
          {t("print.designer.canvas.photo")}
        </div>
      );
    case "qr":
      return (
        <QrDrawing
          text={values ? fillMerge(el.text, values) : el.text}
          color={el.color}
          side={Math.min(el.width, el.height) * scale}
        />
      );
    case "barcode": {
      const text = values ? fillMerge(el.text, values) : el.text;
      return (
        <div className="flex size-full flex-col items-stretch justify-center">
          <div
            className="min-h-0 flex-1"
            style={{
              backgroundImage:
                "repeating-linear-gradient(90deg, #000 0 2px, transparent 2px 3px, #000 3px 4px, transparent 4px 6px, #000 6px 9px, transparent 9px 10px)",
            }}
          />
          {el.showText ? (
            <div
              className="truncate text-center leading-tight"
              style={{ fontSize: Math.max(7, Math.min(el.height * scale * 0.22, ptPx(9, scale))) }}
            >
              {text}
            </div>
          ) : null}
        </div>
      );
    }
    case "image":
      return el.src ? (
        <img
          src={el.src}
          alt=""
          draggable={false}
          className="pointer-events-none size-full"
          style={{ objectFit: el.fit }}
        />
      ) : (
        <div className="flex size-full items-center justify-center border border-dashed border-stone-400 bg-stone-50 text-xs text-stone-500">
          {t("print.designer.canvas.noImage")}
        </div>
      );
    case "line": {
      const stroke = Math.max(1, ptPx(el.strokeWidth, scale));
      const w = el.width * scale;
      const h = el.height * scale;
      return (
        <svg
          aria-hidden
          className="pointer-events-none absolute overflow-visible"
          style={{ left: pad, top: pad }}
          width={Math.max(w, 1)}
          height={Math.max(h, 1)}
        >
          <path
            d={`M0 0 L${w} ${h}`}
            stroke={el.color}
            strokeWidth={stroke}
            strokeDasharray={el.dash ? `${stroke * 3} ${stroke * 2}` : undefined}
            fill="none"
          />
        </svg>
      );
    }
    case "rect": {
      const stroke = el.strokeWidth > 0 ? Math.max(1, ptPx(el.strokeWidth, scale)) : 0;
      const radius = el.radius * scale;
      const inset = ptPx(el.strokeWidth * 2 + 2, scale);
      return (
        <div
          className="relative box-border size-full"
          style={{
            border: stroke ? `${stroke}px solid ${el.color}` : undefined,
            borderRadius: radius,
            backgroundColor: el.fill ?? undefined,
          }}
        >
          {el.double ? (
            <div
              className="absolute box-border"
              style={{
                inset: Math.max(0, inset - stroke),
                border: `${Math.max(1, ptPx(Math.max(0.4, el.strokeWidth / 2), scale))}px solid ${el.color}`,
                borderRadius: Math.max(0, radius - inset),
              }}
            />
          ) : null}
        </div>
      );
    }
    case "postcode": {
      const side = Math.min(el.height, el.width / el.boxes);
      const gap = el.boxes > 1 ? (el.width - side * el.boxes) / (el.boxes - 1) : 0;
      const digits = values ? [...fillMerge(el.text, values).replace(/\D/g, "").slice(0, el.boxes)] : [];
      return (
        <div className="flex size-full items-start">
          {Array.from({ length: el.boxes }, (_, i) => (
            <div
              key={i}
              className="box-border flex shrink-0 items-center justify-center leading-none"
              style={{
                width: side * scale,
                height: side * scale,
                marginRight: i < el.boxes - 1 ? gap * scale : 0,
                border: `${Math.max(1, ptPx(0.8, scale))}px solid ${el.color}`,
                fontSize: ptPx(el.fontSize, scale),
              }}
            >
              {digits[i] ?? ""}
            </div>
          ))}
        </div>
      );
    }
  }
}

const JUSTIFY = { top: "flex-start", middle: "center", bottom: "flex-end" } as const;
const START = { left: "flex-start", center: "center", right: "flex-end" } as const;
const INLINE = { top: "start", middle: "center", bottom: "end" } as const;

function TextDrawing({
  el,
  scale,
  values,
}: {
  el: PrintElement & { type: "text" };
  scale: number;
  values: Record<string, string> | null;
}) {
  const style: CSSProperties = {
    fontSize: ptPx(el.fontSize, scale),
    fontWeight: el.fontWeight,
    color: el.color,
    letterSpacing: ptPx(el.letterSpacing, scale),
    lineHeight: el.lineHeight,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  };
  const content = values
    ? fillMerge(el.text, values)
    : mergeSegments(el.text).map((s, i) =>
        s.tag === undefined ? (
          <span key={i}>{s.text}</span>
        ) : (
          <span key={i} className="rounded-sm bg-amber-300/40">
            {s.text}
          </span>
        ),
      );
  if (el.vertical)
    // Columns right to left; the text's alignment places the columns, the vertical one within a column.
    return (
      <div className="flex size-full overflow-hidden" style={{ justifyContent: START[el.align] }}>
        <div
          style={{
            ...style,
            writingMode: "vertical-rl",
            height: "100%",
            textAlign: INLINE[el.verticalAlign],
          }}
        >
          {content}
        </div>
      </div>
    );
  return (
    <div
      className="flex size-full flex-col overflow-hidden"
      style={{ justifyContent: JUSTIFY[el.verticalAlign], textAlign: el.align }}
    >
      <div style={style}>{content}</div>
    </div>
  );
}

function QrDrawing({ text, color, side }: { text: string; color: string; side: number }) {
  const { t } = useTranslation();
  const matrix = useMemo(() => qrMatrix(text), [text]);
  if (!matrix)
    return (
      <div
        className="flex items-center justify-center overflow-hidden border border-dashed border-stone-400 text-[10px] text-stone-500"
        style={{ width: side, height: side }}
      >
        {t("print.designer.canvas.qr")}
      </div>
    );
  return (
    <svg
      aria-hidden
      viewBox={`0 0 ${matrix.size} ${matrix.size}`}
      width={side}
      height={side}
      className="pointer-events-none block"
      shapeRendering="crispEdges"
    >
      <path d={matrix.path} fill={color} />
    </svg>
  );
}
