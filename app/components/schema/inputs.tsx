// Form controls for the schema pages, which hold many small forms at once: each control takes its own
// id (ui.tsx's Field derives it from the name, and here names repeat across forms), and the error or
// hint sits right under it.
import type { ChangeEvent, ReactNode } from "react";

export const control =
  "min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

function Wrap(props: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  srLabel?: boolean;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={props.id} className={props.srLabel ? "sr-only" : "text-sm font-medium text-stone-700"}>
        {props.label}
        {props.required ? <span className="text-red-600"> *</span> : null}
      </label>
      {props.children}
      {props.hint && !props.error ? <p className="text-xs text-stone-500">{props.hint}</p> : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput(props: {
  id: string;
  label: string;
  name: string;
  defaultValue?: string;
  error?: string;
  required?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  inputMode?: "text" | "numeric";
  /** Keep the label for screen readers only (compact inline forms). */
  srLabel?: boolean;
}) {
  return (
    <Wrap {...props}>
      <input
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        className={`${control} ${props.error ? "border-red-500" : "border-stone-300"}`}
      />
    </Wrap>
  );
}

export function SelectInput(props: {
  id: string;
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  required?: boolean;
  hint?: ReactNode;
  onChange?: (value: string) => void;
}) {
  return (
    <Wrap {...props}>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        onChange={
          props.onChange ? (e: ChangeEvent<HTMLSelectElement>) => props.onChange?.(e.target.value) : undefined
        }
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        className={`${control} ${props.error ? "border-red-500" : "border-stone-300"}`}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function Checkbox(props: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={props.name}
        defaultChecked={props.defaultChecked}
        className="size-4 accent-brand-500"
      />
      {props.label}
    </label>
  );
}

/** A small secondary button for row actions (move, toggle), still 44 px tall for fingers. */
export const smallButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-3 text-sm text-stone-700 hover:bg-stone-100 disabled:opacity-40";
