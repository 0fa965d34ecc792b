// Form controls of the notice settings pages (渠道设置, 定时规则, 退订登记), which hold several forms at
// once: each control takes its own id (names repeat across forms), its hint or error right under it.
import type { ChangeEvent, ReactNode, RefObject } from "react";

export const control =
  "min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

const border = (error?: string) => (error ? "border-red-500" : "border-stone-300");

export function Wrap(props: {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium text-stone-700">
        {props.label}
        {props.required ? <span className="text-red-600"> *</span> : null}
      </label>
      {props.children}
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-xs text-stone-500">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function Input(props: {
  id: string;
  label: ReactNode;
  name: string;
  type?: "text" | "password" | "number" | "time" | "email" | "url";
  defaultValue?: string | number;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "tel" | "email" | "url";
  min?: number;
  max?: number;
  disabled?: boolean;
}) {
  return (
    <Wrap id={props.id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.required}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        className={`${control} ${border(props.error)} disabled:bg-stone-100`}
      />
    </Wrap>
  );
}

export function SelectBox(props: {
  id: string;
  label: ReactNode;
  name: string;
  options: { value: string; label: string }[];
  value?: string;
  defaultValue?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  onChange?: (value: string) => void;
}) {
  return (
    <Wrap id={props.id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <select
        id={props.id}
        name={props.name}
        value={props.value}
        defaultValue={props.value === undefined ? props.defaultValue : undefined}
        required={props.required}
        onChange={
          props.onChange ? (e: ChangeEvent<HTMLSelectElement>) => props.onChange?.(e.target.value) : undefined
        }
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        className={`${control} ${border(props.error)}`}
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

export function Check(props: {
  name: string;
  label: ReactNode;
  value?: string;
  defaultChecked?: boolean;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  hint?: ReactNode;
}) {
  return (
    <div className="flex flex-col">
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name={props.name}
          value={props.value ?? "1"}
          defaultChecked={props.checked === undefined ? props.defaultChecked : undefined}
          checked={props.checked}
          onChange={props.onChange ? (e) => props.onChange?.(e.target.checked) : undefined}
          className="size-5 accent-brand-500"
        />
        {props.label}
      </label>
      {props.hint ? <p className="-mt-1 text-xs text-stone-500">{props.hint}</p> : null}
    </div>
  );
}

export function TextArea(props: {
  id: string;
  label: ReactNode;
  name: string;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  onFocus?: () => void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  return (
    <Wrap id={props.id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <textarea
        id={props.id}
        name={props.name}
        ref={props.textareaRef}
        value={props.value}
        defaultValue={props.value === undefined ? props.defaultValue : undefined}
        onChange={props.onChange ? (e) => props.onChange?.(e.target.value) : undefined}
        onFocus={props.onFocus}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        className={`${control} ${border(props.error)} font-[inherit]`}
      />
    </Wrap>
  );
}

/** A link back to the notices' list, for the header of each notice page. */
export const subtleLink = "inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline";
