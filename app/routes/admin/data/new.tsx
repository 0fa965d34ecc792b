// A new record of a main table: every visible field, the community or grid it belongs to, live hints
// from the ID number. The domain checks everything again and fills birth date and sex from the number.
import { useTranslation } from "react-i18next";
import { Link, redirect, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { failureOf } from "../../../components/formErrors.tsx";
import { type FormInput, formInput, formValues } from "../../../components/records/form-values.ts";
import { formDictionaries, formFields, placeChoice } from "../../../components/records/load.server.ts";
import { RecordForm } from "../../../components/records/RecordForm.tsx";
import { Card, Notice } from "../../../components/ui.tsx";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { createRecord } from "../../../people/records/write.server.ts";
import { getTable } from "../../../schema/edit-tables.server.ts";
import type { Route } from "./+types/new";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(async () => {
    const table = await getTable(context.services, caller, params.table);
    const [dictionaries, place] = await Promise.all([
      formDictionaries(context.services, caller, [table]),
      placeChoice(context.services, caller),
    ]);
    return {
      table: { key: table.key, name: table.name, kind: table.kind },
      fields: formFields(table),
      dictionaries,
      place,
    };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const input = formInput(form.entries());
  const orgId = String(form.get("orgId") ?? "").trim();
  return runForm(
    async () => {
      const table = await getTable(context.services, caller, params.table);
      const record = await createRecord(context.services, caller, table.key, {
        ...(orgId ? { orgId } : {}),
        values: formValues(table.fields, input, "create"),
      });
      return redirect(`/admin/records/${record.id}`);
    },
    { form: "new", values: { ...input, orgId: [orgId] } },
  );
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "recordNew", loaderData?.table.name);
}

export default function NewRecord({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { table, fields, dictionaries, place } = loaderData;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("records.new.title", { table: table.name })}
        description={fields.some((f) => f.type === "document") ? t("records.new.intro") : undefined}
        actions={
          <Link to={`/admin/data/${table.key}`} className="text-sm text-brand-700 hover:underline">
            ← {t("records.backToList", { table: table.name })}
          </Link>
        }
      />
      <Card>
        {table.kind === "sub" ? (
          <Notice>{t("records.new.subTable")}</Notice>
        ) : (
          <RecordForm
            formId="new"
            intent="create"
            fields={fields}
            dictionaries={dictionaries}
            defaults={{}}
            failure={failureOf<FormInput>(actionData, "new")}
            place={place}
            submitLabel={t("records.new.submit")}
            busy={busy}
          />
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
