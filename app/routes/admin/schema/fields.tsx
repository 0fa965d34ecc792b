// The fields of one table in display order; staff who may change the design add, rename, flag, move,
// remove and restore fields, and rename the table. One action, dispatching on the form's `intent`.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { failureOf, useFormErrors } from "../../../components/formErrors.tsx";
import { AddFieldForm } from "../../../components/schema/AddFieldForm.tsx";
import { DoneNotice } from "../../../components/schema/DoneNotice.tsx";
import { FieldList } from "../../../components/schema/FieldList.tsx";
import { type Done, doneOf } from "../../../components/schema/formResult.ts";
import { RemovedFields } from "../../../components/schema/RemovedFields.tsx";
import { RenameTableForm } from "../../../components/schema/TableForms.tsx";
import { Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { listDictionaries } from "../../../schema/dictionaries.server.ts";
import {
  addField,
  moveField,
  removeField,
  restoreField,
  updateField,
} from "../../../schema/edit-fields.server.ts";
import { getTable, listTables, renameTable } from "../../../schema/edit-tables.server.ts";
import { FIELD_TYPE_IDS, fieldType } from "../../../schema/field-types/registry.ts";
import type { Route } from "./+types/fields";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const [table, tables, dictionaries] = await run(() =>
    Promise.all([
      getTable(context.services, caller, params.table),
      listTables(context.services, caller),
      listDictionaries(context.services, caller),
    ]),
  );
  return {
    table,
    parentName: tables.find((x) => x.id === table.parentId)?.name ?? null,
    tables: tables.map((x) => ({ value: x.key, label: x.name })),
    dictionaries: dictionaries.map((d) => ({ value: d.key, label: d.name })),
    types: FIELD_TYPE_IDS.map((id) => {
      const { readOnly, sensitiveByDefault } = fieldType(id);
      return { id, readOnly, sensitiveByDefault };
    }),
  };
}

/** Option boxes of the add form; left empty they mean "not given", not "" or 0. */

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { _csrf, intent, fieldId, ...fields } = formToObject(await request.formData());
  const { services } = context;
  const id = Number(fieldId);
  // The page holds one form per field; the failure goes back to the one that was sent.
  const form =
    intent === "addField"
      ? "add"
      : intent === "renameTable"
        ? "table"
        : intent === "restoreField"
          ? `removed-${fieldId}`
          : intent === "updateField" || intent === "moveField" || intent === "removeField"
            ? `field-${fieldId}`
            : "page";
  return runForm(
    async (): Promise<Done> => {
      const at = Date.now();
      switch (intent) {
        case "addField": {
          const field = await addField(services, caller, params.table, fields);
          return { done: "added", name: field.label, at };
        }
        case "updateField": {
          const field = await updateField(services, caller, id, fields);
          return { done: fields.label !== undefined ? "renamed" : "updated", name: field.label, at };
        }
        case "moveField": {
          const table = await moveField(services, caller, id, fields);
          return { done: "moved", name: table.fields.find((f) => f.id === id)?.label ?? "", at };
        }
        case "removeField":
          return { done: "removed", name: (await removeField(services, caller, id)).label, at };
        case "restoreField":
          return { done: "restored", name: (await restoreField(services, caller, id)).label, at };
        case "renameTable":
          return {
            done: "tableRenamed",
            name: (await renameTable(services, caller, params.table, fields)).name,
            at,
          };
        default:
          throw invalid("未知操作 / Unknown operation");
      }
    },
    { form, values: fields },
  );
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "fields", loaderData?.table.name);
}

export default function Fields({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canWrite = useRoot().user?.actions.includes("schema.write") ?? false;
  const { table, parentName } = loaderData;
  const done = doneOf(actionData);
  const pageErrors = useFormErrors(failureOf(actionData, "page"), []);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {table.name}
            <span className="text-base font-normal text-stone-500">{t("admin.titles.fields")}</span>
          </span>
        }
        description={[
          parentName ? t("schema.fields.subOf", { name: parentName }) : null,
          t("schema.fields.count", { count: table.fields.length }),
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <>
            <Link to="/admin/tables" className="text-sm text-brand-700 hover:underline">
              ← {t("schema.fields.back")}
            </Link>
            {canWrite ? (
              <a href="#add-field" className="text-sm text-brand-700 hover:underline">
                + {t("schema.fields.add")}
              </a>
            ) : null}
            {table.kind === "main" ? (
              <Link to={`/admin/data/${table.key}`} className="text-sm text-brand-700 hover:underline">
                {t("schema.fields.records")}
              </Link>
            ) : null}
          </>
        }
      />
      {done ? <DoneNotice text={t(`schema.fields.done.${done.done}`, { name: done.name })} /> : null}
      {pageErrors.notice}
      {canWrite ? null : <Notice>{t("schema.readOnly")}</Notice>}
      <FieldList
        fields={table.fields}
        types={loaderData.types}
        dictionaries={loaderData.dictionaries}
        tables={loaderData.tables}
        canWrite={canWrite}
        actionData={actionData}
      />
      <RemovedFields fields={table.allFields} canWrite={canWrite} actionData={actionData} />
      {canWrite ? (
        <>
          <AddFieldForm
            types={loaderData.types}
            dictionaries={loaderData.dictionaries}
            tables={loaderData.tables}
            actionData={actionData}
          />
          <RenameTableForm name={table.name} actionData={actionData} />
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
