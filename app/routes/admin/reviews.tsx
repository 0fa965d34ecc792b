// 待审核的信息变更: residents' proposals in the reviewer's scope, by status with counts; each opens its
// review page.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { cell, DataTable, EmptyState, PageHeader } from "../../components/admin/Page.tsx";
import { formatMinute } from "../../components/format.ts";
import { StatusPill } from "../../components/selfservice/ProposalCard.tsx";
import { metaT } from "../../components/site/meta.ts";
import { requireStaff, run } from "../../core/route.server.ts";
import { listReviews } from "../../selfservice/review.server.ts";
import type { Route } from "./+types/reviews";

const TABS = ["pending", "approved", "rejected", "withdrawn"] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const status = new URL(request.url).searchParams.get("status") ?? undefined;
  return run(() => listReviews(context.services, caller, { status }));
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("selfservice.review.title")} · ${t("admin.shell.console")}` }];
}

export default function Reviews({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { status, counts, items } = loaderData;
  return (
    <div>
      <PageHeader title={t("selfservice.review.title")} description={t("selfservice.review.intro")} />
      <nav aria-label={t("selfservice.review.status")} className="mb-4 flex flex-wrap gap-2">
        {TABS.map((tab) => (
          <Link
            key={tab}
            to={tab === "pending" ? "/admin/reviews" : `/admin/reviews?status=${tab}`}
            aria-current={status === tab ? "page" : undefined}
            className={`inline-flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm ${
              status === tab
                ? "border-brand-500 bg-brand-50 font-semibold text-brand-700"
                : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100"
            }`}
          >
            {t(`selfservice.review.tabs.${tab}`)}
            <span className="rounded-full bg-stone-100 px-2 text-xs text-stone-700">{counts[tab]}</span>
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState>{t("selfservice.review.none")}</EmptyState>
      ) : (
        <DataTable
          caption={t("selfservice.review.title")}
          head={[
            t("selfservice.review.person"),
            t("selfservice.review.org"),
            t("selfservice.review.fields"),
            t("selfservice.review.submitted"),
            t("selfservice.review.status"),
            "",
          ]}
        >
          {items.map((item) => (
            <tr key={item.id} data-request={item.id}>
              <td className={cell}>
                <span className="font-medium">{item.account}</span>{" "}
                <span className="font-mono text-xs text-stone-500">{item.systemId}</span>
              </td>
              <td className={cell}>{item.orgName}</td>
              <td className={`${cell} whitespace-normal`}>{item.fields.join("、")}</td>
              <td className={cell}>{formatMinute(item.createdAt)}</td>
              <td className={cell}>
                <StatusPill status={item.status} />
              </td>
              <td className={cell}>
                <Link
                  to={`/admin/reviews/${item.id}`}
                  className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline"
                >
                  {t(item.status === "pending" ? "selfservice.review.open" : "selfservice.review.view")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
