// 证件: document type and number. As an ID number is typed, the birth date, sex and age it carries show
// beside it, or what is wrong with it (a progressive enhancement: the server runs the same rules on save).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DOCUMENT_RULES, isDocumentType } from "../../people/identity/documents.ts";
import { localMessage } from "../format.ts";
import { useRoot } from "../useRoot.ts";
import { inputName } from "./form-values.ts";
import { idHint } from "./id-hint.ts";
import { control, ErrorText, type FieldInputProps } from "./parts.tsx";

export function DocumentInput(props: FieldInputProps & { id: string }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { field, defaults, error, id } = props;
  const typeName = inputName(field.key, "type");
  const numberName = inputName(field.key, "number");
  const allowed = (field.options.documentTypes ?? Object.keys(DOCUMENT_RULES)).filter(isDocumentType);
  const [type, setType] = useState(defaults[typeName]?.[0] || allowed[0] || "resident_id");
  const [number, setNumber] = useState(defaults[numberName]?.[0] ?? "");
  const hint = idHint(type, number);
  const described = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-stone-700">
        {field.label}
        {field.required ? <span className="text-red-600"> *</span> : null}
      </legend>
      <div className="grid gap-2 sm:grid-cols-[14rem_1fr]">
        <select
          name={typeName}
          value={type}
          onChange={(e) => setType(e.target.value)}
          aria-label={t("records.form.documentType")}
          className={`${control} border-stone-300`}
        >
          {allowed.map((code) => (
            <option key={code} value={code}>
              {lang === "en" ? DOCUMENT_RULES[code].label.en : DOCUMENT_RULES[code].label.zh}
            </option>
          ))}
        </select>
        <input
          id={id}
          name={numberName}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          placeholder={
            props.masked ? t("records.form.maskedPlaceholder", { value: props.masked }) : undefined
          }
          autoComplete="off"
          spellCheck={false}
          aria-label={t("records.form.documentNumber", { label: field.label })}
          aria-invalid={error || hint?.ok === false ? true : undefined}
          aria-describedby={described}
          className={`${control} font-mono ${error || hint?.ok === false ? "border-red-500" : "border-stone-300"}`}
        />
      </div>
      <p id={`${id}-hint`} aria-live="polite" className="min-h-5 text-sm">
        {hint?.ok ? (
          <span className="flex flex-wrap gap-x-4 text-stone-700" data-testid="id-hint">
            <span>
              {t("records.idHint.birthDate")} <b className="tabular-nums">{hint.birthDate}</b>
            </span>
            <span>
              {t("records.idHint.sex")} <b>{t(`records.idHint.${hint.sex}`)}</b>
            </span>
            <span>
              {t("records.idHint.age")}{" "}
              <b className="tabular-nums">{t("records.idHint.years", { count: hint.age })}</b>
            </span>
          </span>
        ) : hint && !error ? (
          <span className="text-red-600">{localMessage(hint.message, lang)}</span>
        ) : null}
      </p>
      <ErrorText id={`${id}-error`} error={error} />
    </fieldset>
  );
}
