// Inline editing of one value on the record page: a small 修改 toggle beside the value opens that field's
// input in place, and saving sends just that field (with the version, so a stale save is refused).
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldType } from "../../schema/field-types/registry.ts";
import { Button, CsrfInput } from "../ui.tsx";
import { FieldInput } from "./FieldInput.tsx";
import type { FormField, FormInput } from "./form-values.ts";
import type { DictionaryOptions } from "./options.ts";

export interface InlineEditProps {
  field: FormField;
  version: number;
  defaults: FormInput;
  dictionaries: DictionaryOptions;
  masked?: string;
  /** The refusal of this field's inline form, if the last save of it was refused. */
  error?: string;
  busy: boolean;
}

export function InlineEdit(props: InlineEditProps) {
  const { t } = useTranslation();
  const { field } = props;
  if (fieldType(field.type).readOnly) return null;
  return (
    <details open={props.error ? true : undefined} className="ml-auto open:ml-0 open:w-full">
      <summary
        className="inline-flex min-h-9 cursor-pointer items-center px-1 text-xs text-stone-500 select-none hover:text-brand-700"
        aria-label={t("records.record.editNamed", { label: field.label })}
      >
        {t("records.record.editInline")}
      </summary>
      <Form method="post" preventScrollReset className="mt-1 flex flex-col gap-2 rounded-md bg-stone-50 p-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="updateField" />
        <input type="hidden" name="field" value={field.key} />
        <input type="hidden" name="version" value={props.version} />
        <FieldInput
          field={field}
          formId={`inline-${field.key}`}
          defaults={props.defaults}
          dictionaries={props.dictionaries}
          masked={props.masked}
          error={props.error}
        />
        <div>
          <Button variant="secondary" disabled={props.busy}>
            {t("records.record.save")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
