// Small shared building blocks: form fields with their error, buttons, notices, cards, CSRF input.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRoot } from "./useRoot.ts";

/** Every form that changes state carries this. */
export function CsrfInput() {
  return <input type="hidden" name="_csrf" value={useRoot().csrfToken} />;
}

export function Field(props: {
  label: string;
  name: string;
  type?: string;
  defaultValue?: string | number | null;
  error?: string;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  hint?: string;
  autoFocus?: boolean;
  inputMode?: "text" | "numeric" | "tel" | "email";
}) {
  const id = `f-${props.name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-700">
        {props.label}
        {props.required ? <span className="text-red-600"> *</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue ?? undefined}
        required={props.required}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        className={`min-h-11 rounded-md border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 ${
          props.error ? "border-red-500" : "border-stone-300"
        }`}
      />
      {props.hint && !props.error ? <p className="text-xs text-stone-500">{props.hint}</p> : null}
      {props.error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function Select(props: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  required?: boolean;
}) {
  const id = `f-${props.name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-700">
        {props.label}
        {props.required ? <span className="text-red-600"> *</span> : null}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base ${props.error ? "border-red-500" : "border-stone-300"}`}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? <p className="text-sm text-red-600">{props.error}</p> : null}
    </div>
  );
}

export function Button(props: {
  children: ReactNode;
  type?: "submit" | "button";
  variant?: "primary" | "secondary" | "danger";
  disabled?: boolean;
  name?: string;
  value?: string;
  onClick?: () => void;
}) {
  const styles = {
    primary: "bg-brand-500 text-white hover:bg-brand-600",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
    danger: "bg-red-600 text-white hover:bg-red-700",
  }[props.variant ?? "primary"];
  return (
    <button
      type={props.type ?? "submit"}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      onClick={props.onClick}
      className={`min-h-11 rounded-md px-4 py-2 text-sm font-medium disabled:opacity-50 ${styles}`}
    >
      {props.children}
    </button>
  );
}

export function Notice(props: { kind?: "error" | "success" | "info"; children: ReactNode }) {
  const styles = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-green-200 bg-green-50 text-green-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
  }[props.kind ?? "info"];
  return (
    <div
      role={props.kind === "error" ? "alert" : "status"}
      className={`rounded-md border px-4 py-3 text-sm ${styles}`}
    >
      {props.children}
    </div>
  );
}

export function Card(props: { title?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
      {props.title || props.actions ? (
        <header className="mb-3 flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{props.title}</h2>
          {props.actions}
        </header>
      ) : null}
      {props.children}
    </section>
  );
}

export function DemoBanner() {
  const { demo } = useRoot();
  if (!demo) return null;
  return <DemoBannerText />;
}

function DemoBannerText() {
  const { t } = useTranslation();
  return (
    <div
      data-testid="demo-banner"
      className="bg-amber-100 px-4 py-1.5 text-center text-xs text-amber-900 print:hidden"
    >
      {t("demo.banner")}
    </div>
  );
}

/** The error data an action returned (see runForm), if any. */
export type FormError =
  | { error: { code: string; message: string; fields?: Record<string, string> } }
  | undefined;
