// One record: its fields (masked where sensitive, with reveal for those allowed), an edit form that
// refuses to overwrite someone else's newer save, its sub-table rows with an add form each, history and
// delete. One action, dispatching on the form's `intent`.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { buttonLink, PageHeader, StatusBadge } from "../../../components/admin/Page.tsx";
import { formatMinute, localMessage } from "../../../components/format.ts";
import { failureOf } from "../../../components/formErrors.tsx";
import {
  type FormInput,
  formDefaults,
  formInput,
  formValues,
} from "../../../components/records/form-values.ts";
import { formDictionaries, formFields } from "../../../components/records/load.server.ts";
import { listColumns } from "../../../components/records/options.ts";
import { RecordDetails } from "../../../components/records/RecordDetails.tsx";
import { RecordForm } from "../../../components/records/RecordForm.tsx";
import { SubTableCard, subFormId } from "../../../components/records/SubTableCard.tsx";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { getRecord, revealValue, subRowsOf } from "../../../people/records/read.server.ts";
import { deleteRecords } from "../../../people/records/recycle.server.ts";
import { createRecord, updateRecord } from "../../../people/records/write.server.ts";
import { getTable } from "../../../schema/edit-tables.server.ts";
import { subTablesOf } from "../../../schema/tables.server.ts";
import type { Route } from "./+types/record";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  return run(async () => {
    const record = await getRecord(services, caller, Number(params.id));
    const table = await getTable(services, caller, record.table.key);
    const subTables = table.kind === "main" ? await subTablesOf(services.db, table.id) : [];
    const [subs, dictionaries] = await Promise.all([
      subRowsOf(services, caller, record.id, subTables),
      formDictionaries(services, caller, [table, ...subTables]),
    ]);
    return {
      record,
      table: { key: table.key, name: table.name, kind: table.kind },
      fields: formFields(table),
      dictionaries,
      subs: subs.map((s) => ({
        table: { key: s.table.key, name: s.table.name },
        fields: formFields(s.table),
        columns: listColumns(s.table.fields),
        rows: s.rows,
      })),
    };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const id = Number(params.id);
  const form = await request.formData();
  const intent = form.get("intent");
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const input = formInput(form.entries());
  switch (intent) {
    case "update": {
      const version = text("version");
      return runForm(
        async () => {
          const table = await getTable(services, caller, (await getRecord(services, caller, id)).table.key);
          await updateRecord(services, caller, id, {
            ...(version ? { version } : {}),
            values: formValues(table.fields, input, "update"),
          });
          return { saved: Date.now() };
        },
        { form: "edit", values: { ...input, version: [version] } },
      );
    }
    case "updateField": {
      // Inline editing: only the one field named, so no other value is touched.
      const key = text("field");
      const version = text("version");
      return runForm(
        async () => {
          const table = await getTable(services, caller, (await getRecord(services, caller, id)).table.key);
          await updateRecord(services, caller, id, {
            ...(version ? { version } : {}),
            values: formValues(
              table.fields.filter((f) => f.key === key),
              input,
              "update",
            ),
          });
          return { saved: Date.now() };
        },
        { form: `inline-${key}`, values: input },
      );
    }
    case "reveal":
      return runForm(async () => ({ revealed: await revealValue(services, caller, id, text("field")) }));
    case "addSub": {
      const key = text("table");
      return runForm(
        async () => {
          const table = await getTable(services, caller, key);
          const row = await createRecord(services, caller, table.key, {
            parentId: id,
            values: formValues(table.fields, input, "create"),
          });
          return { added: row.systemId, at: Date.now() };
        },
        { form: subFormId(key), values: input },
      );
    }
    case "delete": {
      return runForm(
        async () => {
          const record = await getRecord(services, caller, id);
          await deleteRecords(services, caller, { ids: [id] });
          return redirect(
            record.parentId
              ? `/admin/records/${record.parentId}`
              : `/admin/data/${encodeURIComponent(record.table.key)}?deleted=${encodeURIComponent(record.systemId)}`,
          );
        },
        { form: "delete" },
      );
    }
    default:
      return runForm(async () => {
        throw invalid("未知操作 / Unknown operation");
      });
  }
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "record", loaderData?.record.systemId);
}

export default function RecordPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { lang, user } = useRoot();
  const actions = user?.actions ?? [];
  const busy = useNavigation().state === "submitting";
  const { record, table, fields, dictionaries, subs } = loaderData;
  const data = actionData as Record<string, unknown> | undefined;
  const saved = data && "saved" in data;
  const added = data && "added" in data ? String(data.added) : null;
  const revealed = data && "revealed" in data ? (data.revealed as { field: string; text: string }) : null;
  const editFailure = failureOf<FormInput>(actionData, "edit");
  const deleteFailure = failureOf<FormInput>(actionData, "delete");
  const otherFailure =
    data && "error" in data && !("form" in data) ? (data as { error: { message: string } }) : null;
  const inBin = record.deletedAt !== null;
  const canWrite = actions.includes("record.write") && !inBin;
  const name = record.display.name || (fields[0] ? record.display[fields[0].key] : "") || "";
  const masked = Object.fromEntries(record.masked.map((k) => [k, record.display[k] ?? ""]));
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{record.systemId}</span>
            {name ? <span>{name}</span> : null}
            {inBin ? <StatusBadge tone="red">{t("records.record.inBin")}</StatusBadge> : null}
          </span>
        }
        description={[
          record.orgName,
          t("records.record.version", { version: record.version }),
          t("records.record.updatedAt", { date: formatMinute(record.updatedAt) }),
        ].join(" · ")}
        actions={
          <>
            {record.parentId ? (
              <Link
                to={`/admin/records/${record.parentId}`}
                className="text-sm text-brand-700 hover:underline"
              >
                ← {t("records.record.parent")}
              </Link>
            ) : (
              <Link to={`/admin/data/${table.key}`} className="text-sm text-brand-700 hover:underline">
                ← {t("records.backToList", { table: table.name })}
              </Link>
            )}
            <Link to={`/admin/records/${record.id}/history`} className={buttonLink.secondary}>
              {t("records.record.history")}
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-4">
        {inBin ? (
          <Notice>
            {t("records.record.inBinText")}{" "}
            <Link to={`/admin/recycle?table=${table.key}`} className="underline">
              {t("records.recycle.title")}
            </Link>
          </Notice>
        ) : null}
        {otherFailure ? <Notice kind="error">{localMessage(otherFailure.error.message, lang)}</Notice> : null}
        <Card title={t("records.record.details", { table: table.name })}>
          <RecordDetails
            fields={fields}
            values={record.values}
            display={record.display}
            masked={record.masked}
            canReveal={actions.includes("record.reveal")}
            revealed={revealed}
            dictionaries={dictionaries}
            inline={
              canWrite
                ? {
                    version: record.version,
                    defaults: formDefaults(fields, record.values, record.masked),
                    dictionaries,
                    busy,
                    errors: inlineErrors(actionData),
                  }
                : undefined
            }
          />
        </Card>
        {canWrite ? (
          <Card>
            {saved ? (
              <div className="mb-4">
                <Notice kind="success">{t("records.record.saved")}</Notice>
              </div>
            ) : null}
            {/* Closed at first so the record reads first on a phone; open again after a refusal. */}
            <details open={editFailure !== undefined} className="group">
              <summary className="flex min-h-11 cursor-pointer items-center text-base font-semibold">
                {t("records.record.edit")}
              </summary>
              <div className="mt-3">
                <RecordForm
                  key={record.version}
                  formId="edit"
                  intent="update"
                  fields={fields}
                  dictionaries={dictionaries}
                  defaults={formDefaults(fields, record.values, record.masked)}
                  masked={masked}
                  failure={editFailure}
                  hidden={{ version: editFailure?.values?.version?.[0] ?? String(record.version) }}
                  submitLabel={t("records.record.save")}
                  busy={busy}
                />
              </div>
            </details>
          </Card>
        ) : null}
        {added ? <Notice kind="success">{t("records.record.added", { id: added })}</Notice> : null}
        {subs.map((s) => (
          <SubTableCard
            key={s.table.key}
            {...s}
            dictionaries={dictionaries}
            failure={failureOf<FormInput>(actionData, subFormId(s.table.key))}
            resetKey={added ?? ""}
            canWrite={canWrite}
            busy={busy}
          />
        ))}
        {actions.includes("record.delete") && !inBin ? (
          <Card title={t("records.record.delete")}>
            <Form method="post" className="flex flex-col gap-3">
              <CsrfInput />
              <input type="hidden" name="intent" value="delete" />
              <p className="text-sm text-stone-600">{t("records.record.deleteText")}</p>
              {deleteFailure ? (
                <Notice kind="error">{localMessage(deleteFailure.error.message, lang)}</Notice>
              ) : null}
              <div>
                <Button variant="danger" disabled={busy}>
                  {t("records.record.deleteSubmit")}
                </Button>
              </div>
            </Form>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}

/** The refusal of an inline form, by field key, with the message that names the problem. */
function inlineErrors(actionData: unknown): Record<string, string> {
  const failure = actionData as {
    form?: string;
    error?: { message: string; fields?: Record<string, string> };
  };
  if (!failure?.form?.startsWith("inline-") || !failure.error) return {};
  const key = failure.form.slice("inline-".length);
  return { [key]: failure.error.fields?.[key] ?? failure.error.message };
}
