// The records of one table in the caller's scope: search, a community/grid filter, pages, and moving
// selected records to the recycle bin. A plain, fast list; the spreadsheet-like grid comes later.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useNavigation, useSearchParams } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { buttonLink, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { useFormErrors } from "../../../components/formErrors.tsx";
import { listColumns, placeOptions } from "../../../components/records/options.ts";
import { RecordRows } from "../../../components/records/RecordRows.tsx";
import { idsOf } from "../../../components/records/result.ts";
import { SearchForm } from "../../../components/records/SearchForm.tsx";
import { Button, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { listOrgs } from "../../../org/tree.server.ts";
import { listRecords } from "../../../people/records/read.server.ts";
import { deleteRecords } from "../../../people/records/recycle.server.ts";
import type { Route } from "./+types/list";

const FILTERS = ["q", "orgId", "page"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const search = new URL(request.url).searchParams;
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : [])));
  const [page, orgs] = await run(() =>
    Promise.all([
      listRecords(context.services, caller, params.table, filters),
      listOrgs(context.services, caller),
    ]),
  );
  const { table } = page;
  return {
    table: { key: table.key, name: table.name, kind: table.kind },
    columns: listColumns(table.fields),
    rows: page.rows,
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    places: placeOptions(orgs),
    filters: filters as Partial<Record<(typeof FILTERS)[number], string>>,
  };
}

/**
 * Whole ID and mobile numbers are searched by POST and answered in the page, never put in the URL
 * (where browser history and server logs would keep them). Names and system IDs go in the URL as usual.
 */
const looksLikeNumber = (q: string) =>
  !/^[A-Z]{1,4}\d?-\d{6,}$/i.test(q.replace(/\s+/g, "")) && /\d{6,}/.test(q.replace(/[\s-]+/g, ""));

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return runForm(async () => {
    if (intent === "search") {
      const q = text("q");
      const orgId = text("orgId");
      if (!looksLikeNumber(q)) {
        const query = new URLSearchParams(Object.entries({ q, orgId }).filter(([, v]) => v !== ""));
        const suffix = query.size > 0 ? `?${query}` : "";
        return redirect(`/admin/data/${encodeURIComponent(params.table)}${suffix}`);
      }
      const found = await listRecords(context.services, caller, params.table, {
        q,
        ...(orgId ? { orgId } : {}),
        pageSize: 200,
      });
      return { search: { q, orgId, rows: found.rows, total: found.total } };
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

export default function RecordList({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actions = useRoot().user?.actions ?? [];
  const busy = useNavigation().state === "submitting";
  const { table, columns, total, page, pageSize, places, filters } = loaderData;
  const search = actionData && "search" in actionData ? actionData.search : null;
  const deleted = actionData && "deleted" in actionData ? actionData.deleted : null;
  const errors = useFormErrors(actionData, []);
  const rows = search ? search.rows : loaderData.rows;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...filters, page: String(n) }).filter(([k, v]) => v && !(k === "page" && v === "1")),
    );
    return `?${query}`;
  };
  const canDelete = actions.includes("record.delete");
  // Set by the record page after it moved one record to the recycle bin.
  const movedOne = useSearchParams()[0].get("deleted");
  return (
    <>
      <PageHeader
        title={table.name}
        description={
          search
            ? t("records.list.found", { count: search.total })
            : t("records.list.count", { count: total })
        }
        actions={
          <>
            {actions.includes("schema.read") ? (
              <Link to={`/admin/tables/${table.key}`} className={buttonLink.secondary}>
                {t("records.list.fields")}
              </Link>
            ) : null}
            {canDelete && table.kind === "main" ? (
              <Link to={`/admin/recycle?table=${table.key}`} className={buttonLink.secondary}>
                {t("records.list.recycle")}
              </Link>
            ) : null}
            {actions.includes("record.write") && table.kind === "main" ? (
              <Link to={`/admin/data/${table.key}/new`} className={buttonLink.primary}>
                + {t("records.list.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <SearchForm
        q={search?.q ?? filters.q ?? ""}
        orgId={search?.orgId ?? filters.orgId ?? ""}
        places={places}
        clearTo={search || filters.q || filters.orgId ? `/admin/data/${table.key}` : null}
        busy={busy}
      />
      <div className="mb-3 flex flex-col gap-3">
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
      {rows.length === 0 ? (
        <EmptyState>
          {search || filters.q || filters.orgId ? t("records.list.noMatch") : t("records.list.empty")}
        </EmptyState>
      ) : (
        <>
          {canDelete ? (
            <Form method="post" id="bulk" className="mb-3 flex items-center gap-3">
              <CsrfInput />
              <input type="hidden" name="intent" value="delete" />
              <Button variant="secondary" disabled={busy}>
                {t("records.list.deleteSelected")}
              </Button>
              <span className="text-xs text-stone-500">{t("records.list.deleteHint")}</span>
            </Form>
          ) : null}
          <RecordRows
            rows={rows}
            columns={columns}
            caption={table.name}
            selectForm={canDelete ? "bulk" : undefined}
          />
          {search ? null : (
            <nav
              className="mt-4 flex items-center justify-between gap-3 text-sm"
              aria-label={t("records.list.pages")}
            >
              {page > 1 ? (
                <Link to={pageLink(page - 1)} className={buttonLink.secondary} rel="prev">
                  ← {t("records.list.prev")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-stone-600 tabular-nums">{t("records.list.pageOf", { page, pages })}</span>
              {page < pages ? (
                <Link to={pageLink(page + 1)} className={buttonLink.secondary} rel="next">
                  {t("records.list.next")} →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
