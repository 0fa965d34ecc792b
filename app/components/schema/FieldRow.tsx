// One field of a table: what it is (label, type, flags, dictionary or formula) and, for staff who may
// change the design, its actions. Everything is a plain form and a <details>, so it works without JS.
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { residentAccess, residentCeiling } from "../../schema/resident-access.ts";
import type { FieldDef } from "../../schema/tables.server.ts";
import { StatusBadge } from "../admin/Page.tsx";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { Button, CsrfInput } from "../ui.tsx";
import { smallButton, TextInput } from "./inputs.tsx";

export interface FieldRowProps {
  field: FieldDef;
  /** Dictionary names by key, for choice fields. */
  dictionaries: Record<string, string>;
  /** Table names by key, for link fields. */
  tables: Record<string, string>;
  readOnlyType: boolean;
  first: boolean;
  last: boolean;
  canWrite: boolean;
  actionData: unknown;
}

export function FieldRow(props: FieldRowProps) {
  const { t } = useTranslation();
  const { field } = props;
  return (
    <li className="flex flex-col gap-1 px-3 py-2 sm:px-4" data-field={field.key}>
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 pt-1.5">
          <span className={`font-medium ${field.hidden ? "text-stone-500" : "text-stone-900"}`}>
            {field.label}
          </span>
          <span className="text-sm text-stone-500">{t(`fieldTypes.${field.type}`)}</span>
          <FieldFlags field={field} />
          <FieldDetail {...props} />
        </div>
        {props.canWrite ? <MoveButtons {...props} /> : null}
      </div>
      {props.canWrite ? <FieldActions {...props} /> : null}
    </li>
  );
}

function FieldFlags({ field }: { field: FieldDef }) {
  const { t } = useTranslation();
  const flags = [
    field.required ? <StatusBadge tone="green">{t("schema.flags.required")}</StatusBadge> : null,
    field.sensitive ? <StatusBadge tone="red">{t("schema.flags.sensitive")}</StatusBadge> : null,
    field.hidden ? <StatusBadge tone="stone">{t("schema.flags.hidden")}</StatusBadge> : null,
    field.builtin ? <StatusBadge tone="stone">{t("schema.flags.builtin")}</StatusBadge> : null,
    residentAccess(field) !== "none" ? (
      <StatusBadge tone="green">
        {t(
          residentAccess(field) === "editable" ? "selfservice.design.editable" : "selfservice.design.visible",
        )}
      </StatusBadge>
    ) : null,
  ].filter(Boolean);
  if (flags.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {flags.map((flag, i) => (
        <span key={i}>{flag}</span>
      ))}
    </div>
  );
}

function FieldDetail({ field, dictionaries, tables }: FieldRowProps) {
  const { t } = useTranslation();
  const { dictionary, formula, linkTable } = field.options;
  if ((field.type === "choice" || field.type === "multichoice") && dictionary)
    return (
      <p className="text-sm text-stone-600">
        <span className="text-stone-500">{t("schema.fields.dictionary")}</span>{" "}
        <Link to={`/admin/dictionaries/${dictionary}`} className="text-brand-700 hover:underline">
          {dictionaries[dictionary] ?? dictionary}
        </Link>
      </p>
    );
  if (field.type === "formula" && formula)
    return (
      <p className="text-sm break-all text-stone-600">
        <span className="text-stone-500">{t("schema.fields.formula")}</span>{" "}
        <code className="rounded bg-stone-100 px-1">{formula}</code>
      </p>
    );
  if (field.type === "link" && linkTable)
    return (
      <p className="text-sm text-stone-600">
        <span className="text-stone-500">{t("schema.fields.linkTable")}</span>{" "}
        {tables[linkTable] ?? linkTable}
      </p>
    );
  return null;
}

function Hidden(props: { intent: string; fieldId: number }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="fieldId" value={props.fieldId} />
    </>
  );
}

function MoveButtons({ field, first, last }: FieldRowProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" preventScrollReset className="flex shrink-0 gap-1">
      <Hidden intent="moveField" fieldId={field.id} />
      <button
        type="submit"
        name="direction"
        value="up"
        disabled={first || busy}
        aria-label={t("schema.fields.moveUpLabel", { name: field.label })}
        title={t("schema.fields.moveUp")}
        className={`${smallButton} w-11 px-0 sm:h-9 sm:min-h-0 sm:w-9`}
      >
        ↑
      </button>
      <button
        type="submit"
        name="direction"
        value="down"
        disabled={last || busy}
        aria-label={t("schema.fields.moveDownLabel", { name: field.label })}
        title={t("schema.fields.moveDown")}
        className={`${smallButton} w-11 px-0 sm:h-9 sm:min-h-0 sm:w-9`}
      >
        ↓
      </button>
    </Form>
  );
}

/** Built-in identity fields cannot be removed (the domain refuses too); hiding them is offered instead. */
const removable = (f: FieldDef) => !(f.builtin && (f.required || f.options.unique === true));

function FieldActions(props: FieldRowProps) {
  const { t } = useTranslation();
  const { field } = props;
  const failure = failureOf(props.actionData, `field-${field.id}`);
  const errors = useFormErrors(failure, ["label", "formula"]);
  const busy = useNavigation().state === "submitting";
  const id = `field-${field.id}`;
  const toggles: { name: string; set: boolean; on: string; off: string }[] = [
    { name: "hidden", set: field.hidden, on: "schema.fields.hide", off: "schema.fields.show" },
    ...(props.readOnlyType
      ? []
      : [
          {
            name: "required",
            set: field.required,
            on: "schema.fields.require",
            off: "schema.fields.unrequire",
          },
        ]),
    {
      name: "sensitive",
      set: field.sensitive,
      on: "schema.fields.markSensitive",
      off: "schema.fields.unmarkSensitive",
    },
    ...residentToggles(field),
  ];
  return (
    <details open={failure ? true : undefined} className="group rounded-md">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700 select-none sm:min-h-7">
        {t("schema.fields.edit")}
      </summary>
      <div className="mt-1 flex flex-col gap-3 rounded-md border border-stone-200 bg-stone-50 p-3">
        {errors.notice}
        <Form key={field.label} method="post" preventScrollReset className="flex items-end gap-2">
          <Hidden intent="updateField" fieldId={field.id} />
          <div className="min-w-0 flex-1">
            <TextInput
              id={`${id}-label`}
              name="label"
              label={t("schema.fields.label")}
              defaultValue={failure?.values?.label ?? field.label}
              error={errors.field("label")}
            />
          </div>
          <Button variant="secondary" disabled={busy}>
            {t("schema.fields.rename")}
          </Button>
        </Form>
        {field.type === "formula" ? (
          <Form key={field.options.formula} method="post" preventScrollReset className="flex items-end gap-2">
            <Hidden intent="updateField" fieldId={field.id} />
            <div className="min-w-0 flex-1">
              <TextInput
                id={`${id}-formula`}
                name="formula"
                label={t("schema.fields.formula")}
                defaultValue={failure?.values?.formula ?? field.options.formula}
                hint={t("schema.fields.formulaHint")}
                error={errors.field("formula")}
              />
            </div>
            <Button variant="secondary" disabled={busy}>
              {t("schema.fields.save")}
            </Button>
          </Form>
        ) : null}
        <Form method="post" preventScrollReset className="flex flex-col gap-1">
          <Hidden intent="updateField" fieldId={field.id} />
          <div className="flex flex-wrap gap-2">
            {toggles.map((toggle) => (
              <button
                key={toggle.name}
                type="submit"
                name={toggle.name}
                value={toggle.set ? "" : "on"}
                disabled={busy}
                className={smallButton}
              >
                {t(toggle.set ? toggle.off : toggle.on)}
              </button>
            ))}
          </div>
          <p className="text-xs text-stone-500">{t("schema.fields.flagsHint")}</p>
          {residentCeiling(field.type) !== "none" ? (
            <p className="text-xs text-stone-500">{t("selfservice.design.hint")}</p>
          ) : null}
        </Form>
        {removable(field) ? (
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-red-700 select-none">
              {t("schema.fields.remove")}
            </summary>
            <Form method="post" preventScrollReset className="flex flex-col gap-2">
              <Hidden intent="removeField" fieldId={field.id} />
              <p className="text-sm text-stone-600">{t("schema.fields.removeText")}</p>
              <div>
                <Button variant="danger" disabled={busy}>
                  {t("schema.fields.removeConfirm", { name: field.label })}
                </Button>
              </div>
            </Form>
          </details>
        ) : null}
      </div>
    </details>
  );
}

/** What residents linked to a record may do with the field, as far as its type allows (resident-access.ts). */
function residentToggles(field: FieldDef) {
  const ceiling = residentCeiling(field.type);
  const access = residentAccess(field);
  if (ceiling === "none") return [];
  const visible = {
    name: "residentVisible",
    set: access !== "none",
    on: "selfservice.design.show",
    off: "selfservice.design.hide",
  };
  if (ceiling !== "editable") return [visible];
  return [
    visible,
    {
      name: "residentEditable",
      set: access === "editable",
      on: "selfservice.design.allowEdit",
      off: "selfservice.design.denyEdit",
    },
  ];
}
