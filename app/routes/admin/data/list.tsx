// The records of one table as a spreadsheet-like grid (SPEC §A3): every matching record behind one
// scrollbar, filters, sorting, columns, editing in place, paste from Excel, bulk actions and a side
// panel per record. The loader sends the table as the grid sees it and the first rows, so the page
// reads before its script runs; the grid then talks to the JSON API. A saved view may be named by its
// short id (?view=12); filters live in the page, never in its URL.
//
// Without JavaScript the page still searches (POST, so a whole ID or phone number stays out of the
// URL) and moves ticked records to the recycle bin.
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { queryWindow } from "../../../../analytics/query/index.server.ts";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { buttonLink, PageHeader } from "../../../components/admin/Page.tsx";
import { useFormErrors } from "../../../components/formErrors.tsx";
import { GridView } from "../../../components/grid/GridView.tsx";
import { loadGridPage } from "../../../components/grid/load.server.ts";
import { BLOCK } from "../../../components/grid/windows.ts";
import { idsOf } from "../../../components/records/result.ts";
import { Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { langFromCookie } from "../../../i18n/index.ts";
import { deleteRecords } from "../../../people/records/recycle.server.ts";
import type { Route } from "./+types/list";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const viewParam = new URL(request.url).searchParams.get("view");
  const viewId = viewParam && /^[1-9]\d{0,9}$/.test(viewParam) ? Number(viewParam) : null;
  const lang = langFromCookie(request.headers.get("cookie"));
  return run(() => loadGridPage(context.services, caller, params.table, viewId, lang));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  return runForm(async () => {
    if (intent === "search") {
      // Quick search without JavaScript: the rows come back in the page, the words never in a URL.
      const q = String(form.get("q") ?? "").trim();
      const query = q ? { search: q } : {};
      const first = await queryWindow(context.services, caller, params.table, {
        query,
        offset: 0,
        limit: BLOCK,
      });
      return { search: { q, first }, at: Date.now() };
    }
    if (intent === "delete") {
      return { deleted: await deleteRecords(context.services, caller, { ids: idsOf(form) }), at: Date.now() };
    }
    throw invalid("未知操作 / Unknown operation");
  });
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "records", loaderData?.table.name);
}

export default function RecordGrid({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actions = useRoot().user?.actions ?? [];
  const { table, palette, view, first } = loaderData;
  const search = actionData && "search" in actionData ? actionData.search : null;
  const deleted = actionData && "deleted" in actionData ? actionData.deleted : null;
  const errors = useFormErrors(actionData, []);
  // Set by the record page after it moved one record to the recycle bin.
  const movedOne = useSearchParams()[0].get("deleted");
  const initialView = search
    ? { ...(view?.definition ?? {}), search: search.q || undefined }
    : (view?.definition ?? {});
  const rows = search ? search.first : first;
  return (
    <>
      <PageHeader
        title={table.name}
        description={t("records.list.count", { count: rows.total })}
        actions={
          <>
            {actions.includes("schema.read") ? (
              <Link to={`/admin/tables/${table.key}`} className={buttonLink.secondary}>
                {t("records.list.fields")}
              </Link>
            ) : null}
            {table.can.delete && table.kind === "main" ? (
              <Link to={`/admin/recycle?table=${table.key}`} className={buttonLink.secondary}>
                {t("records.list.recycle")}
              </Link>
            ) : null}
            {table.can.write && table.kind === "main" ? (
              <Link to={`/admin/data/${table.key}/new`} className={buttonLink.primary}>
                + {t("records.list.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="mb-3 flex flex-col gap-3 empty:hidden">
        {movedOne && deleted === null ? (
          <Notice kind="success">
            {t("records.list.deletedOne", { id: movedOne })}{" "}
            <Link to={`/admin/recycle?table=${table.key}`} className="underline">
              {t("records.list.recycle")}
            </Link>
          </Notice>
        ) : null}
        {deleted !== null ? (
          <Notice kind="success">
            {t("records.list.deleted", { count: deleted })}{" "}
            <Link to={`/admin/recycle?table=${table.key}`} className="underline">
              {t("records.list.recycle")}
            </Link>
          </Notice>
        ) : null}
        {errors.notice}
      </div>
      <GridView
        // A search posted without script (or another saved view) starts the grid afresh.
        key={`${view?.id ?? ""}:${actionData && "at" in actionData ? actionData.at : ""}`}
        table={table}
        palette={palette}
        initialView={initialView}
        savedView={view ? { id: view.id, name: view.name } : null}
        first={rows}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
