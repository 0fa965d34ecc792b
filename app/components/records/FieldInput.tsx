// One field of a record form, by its type's editor: text boxes, dictionary selects and check-box groups,
// a yes/no box, an address in parts, a document with live ID hints, and photo/attachment uploads.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldType } from "../../schema/field-types/registry.ts";
import { DocumentInput } from "./DocumentInput.tsx";
import { FileInput } from "./FileInput.tsx";
import { ADDRESS_PARTS, inputName } from "./form-values.ts";
import { border, control, ErrorText, type FieldInputProps, Label } from "./parts.tsx";

export function FieldInput(props: FieldInputProps) {
  const { t } = useTranslation();
  const { field, formId, defaults, error } = props;
  const id = `${formId}-${field.key}`;
  const name = inputName(field.key);
  const first = defaults[name]?.[0] ?? "";
  const described = error ? `${id}-error` : undefined;
  const editor = fieldType(field.type).editor;
  const placeholder = props.masked ? t("records.form.maskedPlaceholder", { value: props.masked }) : undefined;

  const single = (input: ReactNode, hint?: string) => (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={id} field={field} />
      {input}
      {hint && !error ? <p className="text-xs text-stone-500">{hint}</p> : null}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
  const common = {
    id,
    name,
    defaultValue: first,
    placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    className: `${control} ${border(error)}`,
  };

  const { placeholder: _none, ...withoutPlaceholder } = common;

  switch (editor) {
    case "textarea":
      return single(<textarea {...common} rows={3} maxLength={field.options.maxLength} />);
    case "number":
      return single(<input {...common} type="text" inputMode="decimal" />);
    case "date":
      return single(<input {...common} type="date" />);
    case "datetime":
      return single(<input {...common} type="datetime-local" />);
    case "phone":
      return single(<input {...common} type="tel" inputMode="tel" autoComplete="off" />);
    case "email":
      return single(<input {...common} type="email" inputMode="email" autoComplete="off" />);
    case "link":
      return single(
        <input {...common} type="text" placeholder={placeholder ?? "RY-000001"} autoComplete="off" />,
        t("records.form.linkHint"),
      );
    case "select":
      return single(
        <select {...withoutPlaceholder}>
          <option value="">{t("records.form.choose")}</option>
          {(props.dictionaries[field.options.dictionary ?? ""] ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>,
      );
    case "checkbox":
      return (
        <div className="flex min-w-0 flex-col gap-1">
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-stone-700">
            <input
              type="checkbox"
              id={id}
              name={name}
              defaultChecked={first === "on"}
              className="size-5 accent-brand-500"
            />
            {field.label}
          </label>
          <input
            type="hidden"
            name={inputName(field.key, "was")}
            value={defaults[inputName(field.key, "was")]?.[0] ?? ""}
          />
          <ErrorText id={`${id}-error`} error={error} />
        </div>
      );
    case "multiselect": {
      const chosen = new Set(defaults[name] ?? []);
      return (
        <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={described}>
          <Label field={field} as="legend" />
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {(props.dictionaries[field.options.dictionary ?? ""] ?? []).map((o) => (
              <label key={o.code} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={name}
                  value={o.code}
                  defaultChecked={chosen.has(o.code)}
                  className="size-5 accent-brand-500"
                />
                {o.label}
              </label>
            ))}
          </div>
          <ErrorText id={`${id}-error`} error={error} />
        </fieldset>
      );
    }
    case "address":
      return (
        <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={described}>
          <Label field={field} as="legend" />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
            {ADDRESS_PARTS.map((part) => (
              <input
                key={part}
                name={inputName(field.key, part)}
                defaultValue={defaults[inputName(field.key, part)]?.[0] ?? ""}
                placeholder={t(`records.address.${part}`)}
                aria-label={`${field.label} ${t(`records.address.${part}`)}`}
                className={`${control} ${border(error)} ${part === "text" ? "col-span-2 sm:col-span-5" : ""}`}
              />
            ))}
          </div>
          <ErrorText id={`${id}-error`} error={error} />
        </fieldset>
      );
    case "document":
      return <DocumentInput {...props} id={id} />;
    case "photo":
    case "files":
      return <FileInput {...props} id={id} multiple={editor === "files"} />;
    default:
      return single(<input {...common} type="text" maxLength={field.options.maxLength} autoComplete="off" />);
  }
}
