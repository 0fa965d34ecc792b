// The editor that opens in a cell: a text box for text, numbers, dates, phones and addresses (each with
// the keyboard a phone should show), a text box with the dictionary's options for a single choice, a
// list of check boxes for a multiple choice, and a yes/no list for a check box. Enter or Tab commits,
// Esc cancels; the grid checks the value and keeps the editor open with the message if it is refused.
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CellInput } from "./cells.ts";
import type { GridField } from "./types.ts";

export type CommitMove = "down" | "up" | "right" | "left" | "none";

export interface CellEditorProps {
  field: GridField;
  start: CellInput;
  /** The editor was opened by typing this character (it replaces the value). */
  typed: boolean;
  options: readonly { code: string; label: string }[];
  error?: string;
  onCommit(input: CellInput, move: CommitMove): void;
  /** What the editor holds so far (a click on another cell commits it). */
  onDraft?(input: CellInput): void;
  onCancel(): void;
}

const inputMode = (editor: string) =>
  editor === "number" ? "decimal" : editor === "phone" ? "tel" : editor === "email" ? "email" : undefined;

const placeholders: Record<string, string> = { date: "YYYY-MM-DD", datetime: "YYYY-MM-DD HH:mm" };

export function CellEditor(props: CellEditorProps) {
  if (props.field.editor === "multiselect" && !props.typed) return <MultiEditor {...props} />;
  return <TextEditor {...props} />;
}

function moveOf(e: KeyboardEvent): CommitMove | null {
  if (e.key === "Enter" && !e.altKey) return e.shiftKey ? "up" : "down";
  if (e.key === "Tab") return e.shiftKey ? "left" : "right";
  return null;
}

function TextEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { field } = props;
  const listId = useId();
  const errorId = useId();
  const initial =
    typeof props.start === "string"
      ? props.start
      : typeof props.start === "boolean"
        ? props.start
          ? t("grid.yes")
          : t("grid.no")
        : Array.isArray(props.start)
          ? props.start.join("、")
          : "";
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  // Focus at once (a layout effect): the key that opened the editor types into it.
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }, []);
  const choices =
    field.editor === "select" || field.editor === "multiselect"
      ? props.options.map((o) => o.label)
      : field.editor === "checkbox"
        ? [t("grid.yes"), t("grid.no")]
        : [];
  const commit = (move: CommitMove) => {
    finished.current = true;
    props.onCommit(field.editor === "checkbox" && text.trim() === "" ? "" : text, move);
  };
  return (
    <>
      <input
        ref={ref}
        value={text}
        onChange={(e) => {
          finished.current = false;
          setText(e.target.value);
          props.onDraft?.(e.target.value);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          const move = moveOf(e);
          if (move) {
            e.preventDefault();
            commit(move);
          } else if (e.key === "Escape") {
            e.preventDefault();
            finished.current = true;
            props.onCancel();
          }
        }}
        onBlur={() => {
          if (!finished.current) commit("none");
        }}
        onCopy={(e) => e.stopPropagation()}
        onPaste={(e) => e.stopPropagation()}
        list={choices.length > 0 ? listId : undefined}
        inputMode={inputMode(field.editor)}
        placeholder={placeholders[field.editor]}
        autoComplete="off"
        spellCheck={false}
        aria-label={t("grid.editing", { label: field.label })}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className={`h-full w-full min-w-0 bg-white px-2 text-sm outline-none ring-2 ring-inset ${
          props.error ? "ring-red-500" : "ring-brand-500"
        }`}
      />
      {choices.length > 0 ? (
        <datalist id={listId}>
          {choices.map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
      ) : null}
      {props.error ? <CellMessage id={errorId} text={props.error} /> : null}
    </>
  );
}

/** The message under a cell (editor refusals and server refusals alike). */
export function CellMessage(props: { id?: string; text: string }) {
  return (
    <span
      id={props.id}
      role="alert"
      className="absolute top-full left-0 z-30 mt-0.5 w-max max-w-72 rounded border border-red-200 bg-red-50 px-2 py-1 text-xs whitespace-normal text-red-800 shadow"
    >
      {props.text}
    </span>
  );
}

function MultiEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { field } = props;
  const errorId = useId();
  const [chosen, setChosen] = useState<Set<string>>(new Set(Array.isArray(props.start) ? props.start : []));
  const [at, setAt] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const finished = useRef(false);
  useEffect(() => ref.current?.focus(), []);
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setChosen(next);
    props.onDraft?.(props.options.map((o) => o.code).filter((c) => next.has(c)));
  };
  const commit = (move: CommitMove) => {
    finished.current = true;
    props.onCommit(
      props.options.map((o) => o.code).filter((c) => chosen.has(c)),
      move,
    );
  };
  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={-1}
      aria-multiselectable="true"
      aria-label={t("grid.editing", { label: field.label })}
      aria-activedescendant={props.options[at] ? `${errorId}-o${at}` : undefined}
      aria-describedby={props.error ? errorId : undefined}
      onKeyDown={(e) => {
        e.stopPropagation();
        const move = moveOf(e);
        if (move) {
          e.preventDefault();
          commit(move);
        } else if (e.key === "Escape") {
          e.preventDefault();
          finished.current = true;
          props.onCancel();
        } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          setAt((i) => Math.max(0, Math.min(props.options.length - 1, i + (e.key === "ArrowDown" ? 1 : -1))));
        } else if (e.key === " ") {
          e.preventDefault();
          const option = props.options[at];
          if (option) toggle(option.code);
        }
      }}
      onBlur={(e) => {
        if (!finished.current && !e.currentTarget.contains(e.relatedTarget as Node | null)) commit("none");
      }}
      className="absolute top-0 left-0 z-30 max-h-64 min-w-full overflow-auto rounded-b-md border border-brand-500 bg-white py-1 text-sm shadow-lg outline-none"
    >
      {props.options.map((o, i) => (
        <div
          key={o.code}
          id={`${errorId}-o${i}`}
          role="option"
          aria-selected={chosen.has(o.code)}
          tabIndex={-1}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setAt(i);
            toggle(o.code);
          }}
          onKeyDown={() => {}}
          className={`flex cursor-pointer items-center gap-2 px-2 py-1 whitespace-nowrap ${i === at ? "bg-brand-50" : ""}`}
        >
          <input
            type="checkbox"
            readOnly
            tabIndex={-1}
            checked={chosen.has(o.code)}
            className="accent-brand-500"
          />
          {o.label}
        </div>
      ))}
      <div className="border-t border-stone-100 px-2 pt-1 text-xs text-stone-500">{t("grid.multiHint")}</div>
      {props.error ? <CellMessage id={errorId} text={props.error} /> : null}
    </div>
  );
}
