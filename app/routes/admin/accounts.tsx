// Accounts in the caller's scope: search and filter (a GET form), masked phones, links to edit.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { listAccounts } from "../../auth/accounts.server.ts";
import { ROLES } from "../../auth/permissions.ts";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { orgLabel } from "../../components/admin/orgTree.ts";
import {
  buttonLink,
  cell,
  DataTable,
  EmptyState,
  PageHeader,
  StatusBadge,
} from "../../components/admin/Page.tsx";
import { formatMinute, maskMobile } from "../../components/format.ts";
import { useRoot } from "../../components/useRoot.ts";
import { requireStaff, run } from "../../core/route.server.ts";
import { listOrgs } from "../../org/tree.server.ts";
import type { Route } from "./+types/accounts";

const FILTERS = ["q", "role", "status"] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const params = new URL(request.url).searchParams;
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  const [accounts, orgs] = await run(() =>
    Promise.all([listAccounts(context.services, caller, filters), listOrgs(context.services, caller)]),
  );
  return { accounts, orgs, filters: filters as Partial<Record<(typeof FILTERS)[number], string>> };
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "accounts");
}

const control =
  "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

export default function Accounts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canWrite = useRoot().user?.actions.includes("account.write") ?? false;
  const { accounts, filters } = loaderData;
  const orgs = new Map(loaderData.orgs.map((o) => [o.id, o]));
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title={t("admin.titles.accounts")}
        description={t("admin.accounts.count", { count: accounts.length })}
        actions={
          canWrite ? (
            <Link to="/admin/accounts/new" className={buttonLink.primary}>
              + {t("admin.accounts.newAccount")}
            </Link>
          ) : null
        }
      />
      <Form
        method="get"
        role="search"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-end sm:p-4"
      >
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium text-stone-700 sm:col-span-1">
          {t("admin.accounts.search")}
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder={t("admin.accounts.searchPlaceholder")}
            className={control}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          {t("admin.accounts.role")}
          <select name="role" defaultValue={filters.role ?? ""} className={control}>
            <option value="">{t("admin.accounts.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
          {t("admin.accounts.status")}
          <select name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">{t("admin.accounts.allStatuses")}</option>
            <option value="active">{t("admin.accounts.active")}</option>
            <option value="disabled">{t("admin.accounts.disabled")}</option>
          </select>
        </label>
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          <button type="submit" className={`${buttonLink.primary} flex-1 sm:flex-none`}>
            {t("admin.accounts.filter")}
          </button>
          {filtered ? (
            <Link to="/admin/accounts" className={`${buttonLink.secondary} flex-1 sm:flex-none`}>
              {t("admin.accounts.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {accounts.length === 0 ? (
        <EmptyState>{t("admin.accounts.empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("admin.titles.accounts")}
          head={[
            t("admin.accounts.username"),
            t("admin.accounts.displayName"),
            t("admin.accounts.mobile"),
            t("admin.accounts.role"),
            t("admin.accounts.org"),
            t("admin.accounts.status"),
            t("admin.accounts.lastLogin"),
          ]}
        >
          {accounts.map((a) => (
            <tr key={a.id} className="hover:bg-stone-50">
              <td className={cell}>
                <Link to={`/admin/accounts/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.username}
                </Link>
              </td>
              <td className={cell}>{a.displayName}</td>
              <td className={`${cell} tabular-nums`}>{maskMobile(a.mobile) || "—"}</td>
              <td className={cell}>{t(`roles.${a.role}`)}</td>
              <td className={cell}>{orgLabel(a.orgPath, orgs) || a.orgName}</td>
              <td className={cell}>
                <StatusBadge tone={a.status === "active" ? "green" : "stone"}>
                  {t(`admin.accounts.${a.status}`)}
                </StatusBadge>
              </td>
              <td className={`${cell} text-stone-600 tabular-nums`}>
                {a.lastLoginAt ? formatMinute(a.lastLoginAt) : t("admin.accounts.never")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
