// The label's elements, the top one first (the last drawn): select one, then bring it forward, send it
// backward, duplicate or delete it; and a button to add each kind of element. A picture is chosen
// before its element is added, so an image element always starts with one.
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ELEMENT_TYPES, type ElementType, type PrintElement } from "../../print/template.ts";
import { readImageFile } from "./imageFile.ts";

const ICON: Record<ElementType, string> = {
  text: "T",
  photo: "▣",
  qr: "▦",
  barcode: "║",
  image: "▨",
  line: "╱",
  rect: "▢",
  postcode: "□",
};

export function ElementList(props: {
  elements: readonly PrintElement[];
  ids: readonly number[];
  selected: number | null;
  faulty: ReadonlySet<number>;
  editable: boolean;
  onSelect(id: number): void;
  onMove(index: number, by: number): void;
  onDuplicate(index: number): void;
  onRemove(index: number): void;
  onAdd(type: ElementType): void;
  /** An image element with its picture (pixel size for its proportions). */
  onAddImage(src: string, size: { width: number; height: number }): void;
}) {
  const { t } = useTranslation();
  const k = (key: string) => t(`print.designer.elements.${key}`);
  const picker = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const count = props.elements.length;
  const order = props.elements.map((el, index) => ({ el, index })).reverse();
  const nameOf = (el: PrintElement) => el.name || t(`print.designer.types.${el.type}`);
  return (
    <div className="flex flex-col gap-3">
      {count === 0 ? (
        <p className="text-sm text-stone-500">{k("empty")}</p>
      ) : (
        <>
          <p className="text-xs text-stone-500">{k("order")}</p>
          <ul className="flex max-h-[28rem] flex-col gap-1 overflow-y-auto" data-element-list>
            {order.map(({ el, index }) => {
              const id = props.ids[index]!;
              const chosen = props.selected === id;
              const faulty = props.faulty.has(id);
              return (
                <li
                  key={id}
                  className={`flex flex-col rounded-md border ${
                    chosen
                      ? "border-sky-400 bg-sky-50"
                      : faulty
                        ? "border-red-300 bg-red-50"
                        : "border-stone-200"
                  }`}
                  data-element-row={index}
                >
                  <button
                    type="button"
                    onClick={() => props.onSelect(id)}
                    aria-pressed={chosen}
                    className="flex min-h-11 w-full min-w-0 items-center gap-2 px-2 text-left text-sm"
                  >
                    <span aria-hidden className="w-5 shrink-0 text-center font-mono text-stone-500">
                      {ICON[el.type]}
                    </span>
                    <span className="min-w-0 flex-1 truncate">
                      {el.name || <span className="text-stone-400">{k("unnamed")}</span>}
                    </span>
                    <span className="hidden shrink-0 text-xs text-stone-400 sm:inline">
                      {t(`print.designer.types.${el.type}`)}
                    </span>
                    {faulty ? (
                      <span className="shrink-0 text-xs font-medium text-red-600" title={k("hasError")}>
                        !<span className="sr-only">{k("hasError")}</span>
                      </span>
                    ) : null}
                  </button>
                  {props.editable && chosen ? (
                    <div className="flex flex-wrap gap-1 border-t border-sky-200 px-1 py-1">
                      <RowButton onClick={() => props.onMove(index, 1)} disabled={index === count - 1}>
                        ↑ {k("up")}
                      </RowButton>
                      <RowButton onClick={() => props.onMove(index, -1)} disabled={index === 0}>
                        ↓ {k("down")}
                      </RowButton>
                      <RowButton onClick={() => props.onDuplicate(index)}>{k("duplicate")}</RowButton>
                      <RowButton
                        danger
                        onClick={() => {
                          if (
                            window.confirm(t("print.designer.elements.confirmRemove", { name: nameOf(el) }))
                          )
                            props.onRemove(index);
                        }}
                      >
                        {k("remove")}
                      </RowButton>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {props.editable ? (
        <div>
          <p className="mb-2 text-sm font-medium text-stone-700">{k("add")}</p>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-2">
            {ELEMENT_TYPES.map((type) => (
              <button
                key={type}
                type="button"
                data-add={type}
                aria-label={t("print.designer.elements.addType", { type: t(`print.designer.types.${type}`) })}
                onClick={() => {
                  setProblem(null);
                  if (type === "image") picker.current?.click();
                  else props.onAdd(type);
                }}
                className="flex min-h-11 items-center justify-center gap-1.5 rounded-md border border-stone-300 bg-white px-2 text-sm hover:bg-brand-50"
              >
                <span aria-hidden className="font-mono text-stone-500">
                  {ICON[type]}
                </span>
                {t(`print.designer.types.${type}`)}
              </button>
            ))}
          </div>
          <input
            ref={picker}
            type="file"
            accept="image/png,image/jpeg"
            className="hidden"
            tabIndex={-1}
            aria-hidden
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              const read = await readImageFile(file);
              input.value = "";
              if (!read.ok) {
                setProblem(t(`print.designer.inspector.${read.reason}`));
                return;
              }
              setProblem(null);
              props.onAddImage(read.src, { width: read.width, height: read.height });
            }}
          />
          {problem ? (
            <p className="mt-2 text-sm text-red-600" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function RowButton(props: { onClick(): void; disabled?: boolean; danger?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={props.onClick}
      disabled={props.disabled}
      className={`min-h-10 rounded-md px-2 text-xs font-medium disabled:opacity-30 ${
        props.danger ? "text-red-700 hover:bg-red-50" : "text-stone-700 hover:bg-white"
      }`}
    >
      {props.children}
    </button>
  );
}
