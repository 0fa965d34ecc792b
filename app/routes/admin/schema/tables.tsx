// Data tables: main tables with their sub-tables indented below; create a main table or a sub-table.
import { useTranslation } from "react-i18next";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { DoneNotice } from "../../../components/schema/DoneNotice.tsx";
import { doneOf } from "../../../components/schema/formResult.ts";
import { CreateTableForms } from "../../../components/schema/TableForms.tsx";
import { TableList } from "../../../components/schema/TableList.tsx";
import { Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { createTable, listTables } from "../../../schema/edit-tables.server.ts";
import type { Route } from "./+types/tables";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return { tables: await run(() => listTables(context.services, caller)) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { _csrf, form, ...fields } = formToObject(await request.formData());
  // Two forms post here: "main" (name only) and "sub" (name and parent main table).
  const which = form === "sub" ? "sub" : "main";
  const input = which === "sub" ? fields : { name: fields.name };
  return runForm(
    async () => {
      // createTable reads a missing parent as "a main table"; from the sub-table form that is a mistake.
      if (which === "sub" && !fields.parent?.trim())
        throw invalid("请选择主表 / Choose a main table", { parent: "请选择主表 / Choose a main table" });
      const table = await createTable(context.services, caller, input);
      return { done: "created", name: table.name, at: Date.now(), link: `/admin/tables/${table.key}` };
    },
    { form: which, values: fields },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "tables");
}

export default function Tables({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canWrite = useRoot().user?.actions.includes("schema.write") ?? false;
  const { tables } = loaderData;
  const done = doneOf(actionData);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <PageHeader
        title={t("admin.titles.tables")}
        description={
          <>
            <span className="block">{t("schema.tables.intro")}</span>
            <span className="block">{t("schema.tables.subExplain")}</span>
          </>
        }
      />
      {done ? (
        <DoneNotice
          text={t("schema.tables.created", { name: done.name })}
          link={done.link}
          linkText={t("schema.tables.openFields")}
        />
      ) : null}
      {canWrite ? null : <Notice>{t("schema.readOnly")}</Notice>}
      {tables.length === 0 ? (
        <EmptyState>{t("schema.tables.empty")}</EmptyState>
      ) : (
        <TableList tables={tables} />
      )}
      {canWrite ? (
        <CreateTableForms mains={tables.filter((x) => x.kind === "main")} actionData={actionData} />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
