// Every visible field of a record as label and text. Masked values carry a 显示 button for those allowed
// to reveal them: a POST (never a URL), answered with the full text once, and logged by the domain.
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { CsrfInput } from "../ui.tsx";
import { FieldValue } from "./FieldValue.tsx";
import type { FormField } from "./form-values.ts";
import { InlineEdit, type InlineEditProps } from "./InlineEdit.tsx";
import type { DictionaryOptions } from "./options.ts";

export function RecordDetails(props: {
  fields: readonly FormField[];
  values: Record<string, unknown>;
  display: Record<string, string>;
  masked: readonly string[];
  canReveal: boolean;
  revealed?: { field: string; text: string } | null;
  /** Dictionary options by key, for coloured choices. */
  dictionaries?: DictionaryOptions;
  /** Present when the reader may edit: what each field's inline form needs. */
  inline?: Omit<InlineEditProps, "field" | "masked" | "error"> & { errors: Record<string, string> };
}) {
  const { t } = useTranslation();
  return (
    <dl className="flex flex-col text-sm">
      {props.fields.map((field) => {
        const masked = props.masked.includes(field.key);
        const shown = props.revealed?.field === field.key ? props.revealed.text : null;
        return (
          <div
            key={field.key}
            className="grid grid-cols-[6.5rem_1fr] gap-3 border-b border-stone-100 py-2 last:border-0 sm:grid-cols-[10rem_1fr] sm:gap-6"
          >
            <dt className="text-stone-500">{field.label}</dt>
            <dd className="flex min-w-0 flex-wrap items-center gap-2">
              {shown !== null ? (
                <>
                  <span className="font-mono break-all" data-testid="revealed">
                    {shown}
                  </span>
                  <span className="text-xs text-amber-700">{t("records.record.revealedOnce")}</span>
                </>
              ) : (
                <FieldValue
                  field={field}
                  value={props.values[field.key]}
                  display={props.display[field.key] ?? ""}
                  options={
                    field.options.dictionary ? props.dictionaries?.[field.options.dictionary] : undefined
                  }
                />
              )}
              {masked && shown === null && props.canReveal ? (
                <Form method="post" className="inline">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="reveal" />
                  <input type="hidden" name="field" value={field.key} />
                  <button
                    type="submit"
                    className="min-h-9 rounded-md border border-stone-300 px-2 text-xs text-stone-700 hover:bg-stone-100"
                    aria-label={t("records.record.revealNamed", { label: field.label })}
                  >
                    {t("records.record.reveal")}
                  </button>
                </Form>
              ) : null}
              {props.inline ? (
                <InlineEdit
                  {...props.inline}
                  field={field}
                  masked={masked ? props.display[field.key] : undefined}
                  error={props.inline.errors[field.key]}
                />
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
