// The designer's small controls, each editing one value of the template as it is typed: numbers in mm
// or pt (kept as typed until they are a number in range), colours, choices and switches, with their
// message under them. Touch-sized like the rest of the console.
import { type ReactNode, type RefObject, useEffect, useState } from "react";
import { control } from "../channels/controls.tsx";

const border = (error?: string) => (error ? "border-red-500" : "border-stone-300");

export function FieldWrap(props: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${props.className ?? ""}`}>
      <label htmlFor={props.id} className="text-xs font-medium text-stone-600">
        {props.label}
      </label>
      {props.children}
      {props.hint && !props.error ? <p className="text-xs text-stone-500">{props.hint}</p> : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="text-xs text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

const show = (n: number) => String(Math.round(n * 100) / 100);

/**
 * A number as typed: passed on once it reads as a number within min…max (an integer if asked); shown red
 * meanwhile, and set back to the last good value when left.
 */
export function NumberField(props: {
  id: string;
  label: ReactNode;
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  className?: string;
}) {
  const [text, setText] = useState(show(props.value));
  useEffect(() => {
    setText((typed) => (Number(typed) === props.value && typed.trim() !== "" ? typed : show(props.value)));
  }, [props.value]);
  const n = Number(text);
  const good =
    text.trim() !== "" &&
    Number.isFinite(n) &&
    n >= props.min &&
    n <= props.max &&
    (!props.integer || Number.isInteger(n));
  const range = `${props.min} – ${props.max}`;
  return (
    <FieldWrap
      id={props.id}
      label={props.label}
      error={props.error}
      hint={good ? props.hint : range}
      className={props.className}
    >
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 0.5}
        disabled={props.disabled}
        aria-invalid={!good || props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const v = Number(typed);
          if (
            typed.trim() !== "" &&
            Number.isFinite(v) &&
            v >= props.min &&
            v <= props.max &&
            (!props.integer || Number.isInteger(v))
          )
            props.onChange(v);
        }}
        onBlur={() => setText(show(props.value))}
        className={`${control} ${good ? border(props.error) : "border-red-500"} tabular-nums disabled:bg-stone-100`}
      />
    </FieldWrap>
  );
}

export function TextField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <FieldWrap
      id={props.id}
      label={props.label}
      error={props.error}
      hint={props.hint}
      className={props.className}
    >
      <input
        id={props.id}
        type="text"
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        required={props.required}
        disabled={props.disabled}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        className={`${control} ${border(props.error)} disabled:bg-stone-100`}
      />
    </FieldWrap>
  );
}

export function AreaField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  rows?: number;
  maxLength?: number;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  areaRef?: RefObject<HTMLTextAreaElement | null>;
  onSelect?: () => void;
  className?: string;
}) {
  return (
    <FieldWrap
      id={props.id}
      label={props.label}
      error={props.error}
      hint={props.hint}
      className={props.className}
    >
      <textarea
        id={props.id}
        ref={props.areaRef}
        value={props.value}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onSelect={props.onSelect}
        className={`${control} ${border(props.error)} font-[inherit] disabled:bg-stone-100`}
      />
    </FieldWrap>
  );
}

export function ChoiceField<V extends string | number>(props: {
  id: string;
  label: ReactNode;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <FieldWrap
      id={props.id}
      label={props.label}
      error={props.error}
      hint={props.hint}
      className={props.className}
    >
      <select
        id={props.id}
        value={String(props.value)}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => {
          const found = props.options.find((o) => String(o.value) === e.target.value);
          if (found) props.onChange(found.value);
        }}
        className={`${control} ${border(props.error)} disabled:bg-stone-100`}
      >
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrap>
  );
}

export function ColourField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: string;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <FieldWrap id={props.id} label={props.label} error={props.error} className={props.className}>
      <div className="flex items-center gap-2">
        <input
          id={props.id}
          type="color"
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
          className="h-11 w-14 shrink-0 cursor-pointer rounded-md border border-stone-300 bg-white p-1 disabled:cursor-default"
        />
        <span className="font-mono text-xs text-stone-500">{props.value}</span>
      </div>
    </FieldWrap>
  );
}

export function CheckField(props: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <label htmlFor={props.id} className={`flex min-h-11 items-center gap-2 text-sm ${props.className ?? ""}`}>
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        className="size-5 accent-brand-500"
      />
      {props.label}
    </label>
  );
}
