// The auditor's log viewer: filters (a GET form: action, actor, person, community, time), a page of rows,
// pagination, .xlsx and CSV export of the same filter. No filter takes an ID or phone number (URLs).
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { AUDIT_EVENT_TYPES } from "../../audit/events.ts";
import { auditOrgChoices, searchAudit } from "../../audit/query.server.ts";
import { AuditTable } from "../../components/admin/AuditTable.tsx";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { buttonLink, EmptyState, PageHeader } from "../../components/admin/Page.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { requireStaff, run } from "../../core/route.server.ts";
import type { Route } from "./+types/audit";

const FILTERS = ["event", "actor", "person", "org", "from", "to"] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const params = new URL(request.url).searchParams;
  const input = Object.fromEntries([...FILTERS, "page"].map((k) => [k, params.get(k) ?? ""]));
  return run(async () => ({
    ...(await searchAudit(context.services, caller, input)),
    orgs: await auditOrgChoices(context.services, caller),
  }));
}

/** Event types by their group (the part before the dot), in the catalogue's order. */
const EVENT_GROUPS = [...new Set(AUDIT_EVENT_TYPES.map((e) => e.split(".")[0]!))].map((group) => ({
  group,
  events: AUDIT_EVENT_TYPES.filter((e) => e.startsWith(`${group}.`)),
}));

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "audit");
}

const control =
  "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

function query(filter: Record<string, unknown>, page?: number): string {
  const params = new URLSearchParams();
  for (const k of [...FILTERS, "format"]) if (filter[k]) params.set(k, String(filter[k]));
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canExport = useRoot().user?.actions.includes("audit.export") ?? false;
  const { entries, total, page, pageSize, filter, orgs } = loaderData;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = FILTERS.some((k) => filter[k]);
  return (
    <>
      <PageHeader
        title={t("admin.titles.audit")}
        description={t("admin.audit.total", { count: total })}
        actions={
          canExport ? (
            <div className="flex gap-2">
              <a
                href={`/admin/audit/export${query({ ...filter, format: "xlsx" })}`}
                download
                className={buttonLink.secondary}
              >
                ⤓ {t("admin.audit.exportXlsx")}
              </a>
              <a href={`/admin/audit/export${query(filter)}`} download className={buttonLink.secondary}>
                ⤓ {t("admin.audit.export")}
              </a>
            </div>
          ) : null
        }
      />
      <Form
        method="get"
        role="search"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4 lg:grid-cols-4 lg:items-end"
      >
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium text-stone-700 lg:col-span-1">
          {t("admin.audit.event")}
          <select name="event" defaultValue={filter.event ?? ""} className={control}>
            <option value="">{t("admin.audit.allEvents")}</option>
            {EVENT_GROUPS.map(({ group, events }) => (
              <optgroup key={group} label={t(`admin.audit.groups.${group}`, { defaultValue: group })}>
                <option value={`${group}.`}>
                  {t("admin.audit.wholeGroup", {
                    group: t(`admin.audit.groups.${group}`, { defaultValue: group }),
                  })}
                </option>
                {events.map((e) => (
                  <option key={e} value={e}>
                    {t(`admin.events.${e}`, { defaultValue: e })}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium text-stone-700 lg:col-span-1">
          {t("admin.audit.actor")}
          <input
            name="actor"
            defaultValue={filter.actor ?? ""}
            placeholder={t("admin.audit.actorPlaceholder")}
            autoComplete="off"
            className={control}
          />
        </label>
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium text-stone-700 lg:col-span-1">
          {t("admin.audit.person")}
          <input
            name="person"
            defaultValue={filter.person ?? ""}
            placeholder={t("admin.audit.personPlaceholder")}
            // A filter lands in the URL: the browser refuses to send anything with an ID or phone number in it.
            pattern="[A-Za-z]{1,10}-[0-9]{1,12}|(?!.*[0-9]{6}).*"
            title={t("admin.audit.personHint")}
            maxLength={50}
            autoComplete="off"
            className={control}
          />
        </label>
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium text-stone-700 lg:col-span-1">
          {t("admin.audit.org")}
          <select name="org" defaultValue={filter.org ?? ""} className={control}>
            <option value="">{t("admin.audit.allOrgs")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {"\u3000".repeat(Math.max(0, o.depth - 1))}
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          {t("admin.audit.from")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={control} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          {t("admin.audit.to")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={control} />
        </label>
        <div className="col-span-2 flex gap-2 lg:col-span-1">
          <button type="submit" className={`${buttonLink.primary} flex-1 lg:flex-none`}>
            {t("admin.audit.filter")}
          </button>
          {filtered ? (
            <Link to="/admin/audit" className={`${buttonLink.secondary} flex-1 lg:flex-none`}>
              {t("admin.audit.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {entries.length === 0 ? (
        <EmptyState>{t("admin.audit.empty")}</EmptyState>
      ) : (
        <>
          <AuditTable entries={entries} />
          <nav
            className="mt-4 flex items-center justify-between gap-2 text-sm"
            aria-label={t("admin.audit.page", { page, pages })}
          >
            {page > 1 ? (
              <Link to={query(filter, page - 1) || "?"} className={buttonLink.secondary}>
                ← {t("common.prev")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-stone-500">{t("admin.audit.page", { page, pages })}</span>
            {page < pages ? (
              <Link to={query(filter, page + 1)} className={buttonLink.secondary}>
                {t("common.next")} →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
