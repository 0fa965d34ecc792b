// Pieces every record-form input shares: the control style, the label with its required mark, the
// error line under an input, and the props each input gets.
import type { FormField, FormInput } from "./form-values.ts";
import type { DictionaryOptions } from "./options.ts";

export const control =
  "min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

export interface FieldInputProps {
  field: FormField;
  /** Makes element ids unique when several record forms share a page. */
  formId: string;
  defaults: FormInput;
  dictionaries: DictionaryOptions;
  /** The masked value, shown as the placeholder of an input that starts empty. */
  masked?: string;
  error?: string;
}

/** Editors that need the full width of the form. */
export const WIDE_EDITORS = new Set(["textarea", "multiselect", "document", "address", "files", "photo"]);

export function Label(props: { htmlFor?: string; field: FormField; as?: "legend" }) {
  const text = (
    <>
      {props.field.label}
      {props.field.required ? <span className="text-red-600"> *</span> : null}
    </>
  );
  if (props.as === "legend")
    return <legend className="mb-1 text-sm font-medium text-stone-700">{text}</legend>;
  return (
    <label htmlFor={props.htmlFor} className="text-sm font-medium text-stone-700">
      {text}
    </label>
  );
}

export function ErrorText(props: { id: string; error?: string }) {
  return props.error ? (
    <p id={props.id} className="text-sm text-red-600">
      {props.error}
    </p>
  ) : null;
}

export const border = (error?: string) => (error ? "border-red-500" : "border-stone-300");
