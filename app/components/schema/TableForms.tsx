// Creating tables: a main table by name, or a sub-table (附属表) under a chosen main table.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { TableSummary } from "../../schema/tables.server.ts";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { Button, Card, CsrfInput } from "../ui.tsx";
import { doneOf } from "./formResult.ts";
import { SelectInput, TextInput } from "./inputs.tsx";

export function CreateTableForms(props: { mains: TableSummary[]; actionData: unknown }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const mainFailure = failureOf(props.actionData, "main");
  const subFailure = failureOf(props.actionData, "sub");
  const main = useFormErrors(mainFailure, ["name"]);
  const sub = useFormErrors(subFailure, ["name", "parent"]);
  // Remount after a success so the boxes empty; after a failure keep what was typed.
  const key = doneOf(props.actionData)?.at ?? 0;
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      <Card title={t("schema.tables.newMain")}>
        <Form key={`main-${key}`} method="post" className="flex flex-col gap-3">
          <CsrfInput />
          <input type="hidden" name="form" value="main" />
          <p className="text-sm text-stone-600">{t("schema.tables.newMainHint")}</p>
          {main.notice}
          <TextInput
            id="main-name"
            name="name"
            label={t("schema.tables.name")}
            placeholder={t("schema.tables.mainPlaceholder")}
            defaultValue={mainFailure?.values?.name}
            error={main.field("name")}
            required
          />
          <div>
            <Button disabled={busy}>{t("schema.tables.create")}</Button>
          </div>
        </Form>
      </Card>
      <Card title={t("schema.tables.newSub")}>
        <Form key={`sub-${key}`} method="post" className="flex flex-col gap-3">
          <CsrfInput />
          <input type="hidden" name="form" value="sub" />
          {sub.notice}
          <SelectInput
            id="sub-parent"
            name="parent"
            label={t("schema.tables.parent")}
            options={props.mains.map((m) => ({ value: m.key, label: m.name }))}
            defaultValue={subFailure?.values?.parent ?? props.mains[0]?.key}
            error={sub.field("parent")}
            required
          />
          <TextInput
            id="sub-name"
            name="name"
            label={t("schema.tables.subName")}
            placeholder={t("schema.tables.subPlaceholder")}
            defaultValue={subFailure?.values?.name}
            error={sub.field("name")}
            required
          />
          <div>
            <Button disabled={busy}>{t("schema.tables.create")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

/** Renaming a table; its key (in URLs and the API) stays as it was. */
export function RenameTableForm(props: { name: string; actionData: unknown }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failure = failureOf(props.actionData, "table");
  const errors = useFormErrors(failure, ["name"]);
  return (
    <Card title={t("schema.fields.renameTable")}>
      <Form key={props.name} method="post" preventScrollReset className="flex flex-col gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="renameTable" />
        {errors.notice}
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextInput
              id="table-name"
              name="name"
              label={t("schema.fields.tableName")}
              defaultValue={failure?.values?.name ?? props.name}
              error={errors.field("name")}
              required
            />
          </div>
          <Button variant="secondary" disabled={busy}>
            {t("schema.fields.save")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
