// The recycle bin 回收站 of one table: deleted records with the day they will be purged, restore, and
// permanent deletion in two steps (preview what goes with them, then a reason and the count typed).
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { buttonLink, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { formatMinute } from "../../../components/format.ts";
import { useFormErrors } from "../../../components/formErrors.tsx";
import { listColumns } from "../../../components/records/options.ts";
import { PurgeConfirm, type PurgePreviewView } from "../../../components/records/PurgeConfirm.tsx";
import { control } from "../../../components/records/parts.tsx";
import { RecordRows } from "../../../components/records/RecordRows.tsx";
import { idsOf } from "../../../components/records/result.ts";
import { Button, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import {
  listRecycleBin,
  purgePreview,
  purgeRecords,
  restoreRecords,
} from "../../../people/records/recycle.server.ts";
import { PERSON_TABLE_KEY } from "../../../schema/builtin/person-table.ts";
import { listTables } from "../../../schema/edit-tables.server.ts";
import type { Route } from "./+types/recycle";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const key = new URL(request.url).searchParams.get("table") || PERSON_TABLE_KEY;
  const [bin, tables] = await run(() =>
    Promise.all([listRecycleBin(context.services, caller, key), listTables(context.services, caller)]),
  );
  return {
    table: { key: bin.table.key, name: bin.table.name },
    columns: listColumns(bin.table.fields, 3),
    rows: bin.rows,
    retentionDays: bin.retentionDays,
    // Main tables first; sub-table rows deleted on their own can be restored from their table's bin.
    tables: [...tables.filter((x) => x.kind === "main"), ...tables.filter((x) => x.kind === "sub")].map(
      (x) => ({ key: x.key, name: x.name, sub: x.kind === "sub" }),
    ),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const form = await request.formData();
  const ids = idsOf(form);
  const intent = form.get("intent");
  if (intent === "purge") {
    const reason = String(form.get("reason") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const result = await runForm(async () => ({
      purged: await purgeRecords(services, caller, { ids, reason, confirm }),
    }));
    if ("purged" in result) return result;
    // Refused (no reason, wrong count): show the same preview again with the problem beside it.
    const preview = await run(() => purgePreview(services, caller, { ids }));
    return data({ ...result.data, form: "purge", preview }, result.init ?? undefined);
  }
  return runForm(async () => {
    if (intent === "restore") return { restored: await restoreRecords(services, caller, { ids }) };
    if (intent === "preview") return { preview: await purgePreview(services, caller, { ids }) };
    throw invalid("未知操作 / Unknown operation");
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "recycle");
}

export default function Recycle({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actions = useRoot().user?.actions ?? [];
  const busy = useNavigation().state === "submitting";
  const { table, columns, rows, retentionDays, tables } = loaderData;
  const result = (actionData ?? {}) as {
    restored?: number;
    purged?: number;
    preview?: PurgePreviewView;
    form?: string;
  };
  const purgeFailure = result.form === "purge" ? actionData : undefined;
  const errors = useFormErrors(purgeFailure ? undefined : actionData, []);
  const here = `/admin/recycle?table=${table.key}`;
  return (
    <>
      <PageHeader
        title={t("records.recycle.title")}
        description={t("records.recycle.retention", { days: retentionDays })}
      />
      <Form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4"
      >
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium text-stone-700 sm:flex-none">
          {t("records.recycle.table")}
          <select name="table" defaultValue={table.key} className={`${control} border-stone-300`}>
            {tables.map((x) => (
              <option key={x.key} value={x.key}>
                {x.sub ? t("records.recycle.subTable", { name: x.name }) : x.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={`${buttonLink.secondary} min-h-11`}>
          {t("records.recycle.show")}
        </button>
      </Form>
      <div className="mb-4 flex flex-col gap-3">
        {result.restored !== undefined ? (
          <Notice kind="success">{t("records.recycle.restored", { count: result.restored })}</Notice>
        ) : null}
        {result.purged !== undefined ? (
          <Notice kind="success">{t("records.recycle.purged", { count: result.purged })}</Notice>
        ) : null}
        {errors.notice}
        {result.preview ? (
          <PurgeConfirm preview={result.preview} failure={purgeFailure} cancelTo={here} busy={busy} />
        ) : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t("records.recycle.empty", { table: table.name })}</EmptyState>
      ) : (
        <>
          <Form method="post" id="bin" className="mb-3 flex flex-wrap items-center gap-2">
            <CsrfInput />
            <Button name="intent" value="restore" variant="secondary" disabled={busy}>
              {t("records.recycle.restore")}
            </Button>
            {actions.includes("record.purge") ? (
              <Button name="intent" value="preview" variant="danger" disabled={busy}>
                {t("records.recycle.purge")}
              </Button>
            ) : null}
          </Form>
          <RecordRows
            rows={rows}
            columns={columns}
            caption={t("records.recycle.caption", { table: table.name })}
            selectForm="bin"
            extra={{
              head: [t("records.recycle.deletedAt"), t("records.recycle.purgeAt")],
              cells: (row) => [
                row.deletedAt ? formatMinute(row.deletedAt) : "",
                formatMinute(row.purgeAt).slice(0, 10),
              ],
            }}
          />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
