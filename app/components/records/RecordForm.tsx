// A record form: every visible field of a table with its own input, the community/grid the record goes
// in when the caller's scope has several, and the domain's refusals beside the fields they concern.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldType } from "../../schema/field-types/registry.ts";
import { indented, type TreeRow } from "../admin/orgTree.ts";
import { localMessage } from "../format.ts";
import type { FormFailure } from "../formErrors.tsx";
import { useFormErrors } from "../formErrors.tsx";
import { Button, CsrfInput, Notice, Select } from "../ui.tsx";
import { useRoot } from "../useRoot.ts";
import { FieldInput } from "./FieldInput.tsx";
import { editableFields, type FormField, type FormInput } from "./form-values.ts";
import type { DictionaryOptions } from "./options.ts";
import { WIDE_EDITORS } from "./parts.tsx";

export interface PlaceChoice {
  options: readonly TreeRow[];
  /** A street admin must choose; others default to their own community. */
  required: boolean;
  defaultValue?: string;
}

export function RecordForm(props: {
  formId: string;
  intent: string;
  fields: readonly FormField[];
  dictionaries: DictionaryOptions;
  /** Starting values by input name (formDefaults), replaced by what was typed after a refusal. */
  defaults: FormInput;
  /** Field key → masked text, for sensitive inputs that start empty. */
  masked?: Record<string, string>;
  failure?: FormFailure<FormInput>;
  hidden?: Record<string, string>;
  place?: PlaceChoice;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const fields = editableFields(props.fields);
  const { lang } = useRoot();
  const shown = [...fields.map((f) => f.key), "orgId"];
  const errors = useFormErrors(props.failure, shown);
  // The domain's own sentence names the first problem; messages of fields this form lacks are added.
  const failure = props.failure?.error;
  const notice = failure
    ? [
        failure.message,
        ...Object.entries(failure.fields ?? {})
          .filter(([k]) => !shown.includes(k))
          .map(([, m]) => m),
      ]
        .map((m) => localMessage(m, lang))
        .join("；")
    : null;
  const defaults = props.failure?.values ?? props.defaults;
  // After a refusal the button is often far below the problem (long forms on phones): go to it.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!props.failure) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector("[role=alert]");
    target?.scrollIntoView({ block: "center" });
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement)
      target.focus({ preventScroll: true });
  }, [props.failure]);
  const place = props.place;
  const baseDepth = Math.min(...(place?.options.map((o) => o.depth) ?? [0]));
  return (
    <Form ref={formRef} method="post" className="flex flex-col gap-4" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {notice ? <Notice kind="error">{notice}</Notice> : null}
      {place && place.options.length > 0 ? (
        <div className="sm:max-w-sm">
          <Select
            label={t("records.form.place")}
            name="orgId"
            required={place.required}
            defaultValue={defaults.orgId?.[0] ?? place.defaultValue ?? ""}
            options={[
              ...(place.required || !place.defaultValue
                ? [{ value: "", label: t("records.form.choose") }]
                : []),
              ...place.options.map((o) => ({
                value: String(o.id),
                label: indented(o, t(`orgKinds.${o.kind}`), baseDepth),
              })),
            ]}
            error={errors.field("orgId")}
          />
        </div>
      ) : null}
      {fields.length === 0 ? <p className="text-sm text-stone-500">{t("records.form.noFields")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => (
          <div
            key={field.key}
            className={WIDE_EDITORS.has(fieldType(field.type).editor) ? "sm:col-span-2" : ""}
          >
            <FieldInput
              field={field}
              formId={props.formId}
              defaults={defaults}
              dictionaries={props.dictionaries}
              masked={props.masked?.[field.key]}
              error={errors.field(field.key)}
            />
          </div>
        ))}
      </div>
      <p className="text-xs text-stone-500">{t("records.form.requiredNote")}</p>
      <div>
        <Button disabled={props.busy}>{props.submitLabel}</Button>
      </div>
    </Form>
  );
}
