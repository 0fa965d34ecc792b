// 群发通知: every notice in the caller's scope, newest first — its status, channels, recipients and how far
// sending got — with the way to a new one and to the rules, groups, outbox and channel settings.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useRevalidator } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { buttonLink, cell, DataTable, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { subtleLink } from "../../../components/channels/controls.tsx";
import { formatMinute } from "../../../components/format.ts";
import { audienceNames } from "../../../components/notices/names.server.ts";
import {
  AudienceLabel,
  CampaignStatus,
  ProgressBar,
  progressOf,
} from "../../../components/notices/status.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { useRoot } from "../../../components/useRoot.ts";
import { requireStaff, run } from "../../../core/route.server.ts";
import { listCampaigns } from "../../../notify/campaigns.server.ts";
import type { Route } from "./+types/list";

const PAGE = 30;
const ACTIVE = ["queueing", "sending"];

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const before = new URL(request.url).searchParams.get("before") ?? "";
  const paged = /^\d{1,15}$/.test(before);
  const campaigns = await run(() =>
    listCampaigns(context.services, caller, { limit: PAGE, ...(paged ? { before } : {}) }),
  );
  const names = await run(() => audienceNames(context.services, caller));
  return {
    campaigns: campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      channels: c.channels,
      audience: c.audience,
      rule: c.rule,
      sendAt: c.sendAt,
      createdBy: c.createdBy,
      total: c.total,
      progress: progressOf(c.counts),
    })),
    names,
    paged,
    more: campaigns.length === PAGE,
  };
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("notices.title")} · ${t("admin.shell.console")}` }];
}

export default function NoticesPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { campaigns, names, paged, more } = loaderData;
  const configure = useRoot().user?.actions.includes("notice.configure") ?? false;
  const revalidator = useRevalidator();
  const active = campaigns.some((c) => ACTIVE.includes(c.status));
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 4000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  const last = campaigns.at(-1);
  return (
    <div className="flex max-w-6xl flex-col gap-5">
      <PageHeader
        title={t("notices.title")}
        description={t("notices.intro")}
        actions={
          <Link to="/admin/notices/new" className={buttonLink.primary}>
            {t("notices.new")}
          </Link>
        }
      />
      <nav className="flex flex-wrap gap-x-5" aria-label={t("notices.title")}>
        <Link to="/admin/notices/rules" className={subtleLink}>
          {t("notices.nav.rules")}
        </Link>
        <Link to="/admin/notices/groups" className={subtleLink}>
          {t("notices.nav.groups")}
        </Link>
        <Link to="/admin/notices/outbox" className={subtleLink}>
          {t("notices.nav.outbox")}
        </Link>
        {configure ? (
          <Link to="/admin/notices/settings" className={subtleLink}>
            {t("notices.nav.settings")}
          </Link>
        ) : null}
      </nav>
      {campaigns.length === 0 ? (
        <EmptyState
          action={
            paged ? null : (
              <Link to="/admin/notices/new" className={buttonLink.secondary}>
                {t("notices.new")}
              </Link>
            )
          }
        >
          {t("notices.empty")}
        </EmptyState>
      ) : (
        <DataTable
          caption={t("notices.title")}
          head={[
            t("notices.head.title"),
            t("notices.head.status"),
            t("notices.head.progress"),
            t("notices.head.channels"),
            t("notices.head.audience"),
            t("notices.head.time"),
          ]}
        >
          {campaigns.map((c) => (
            <tr key={c.id} data-campaign={c.id} className="hover:bg-stone-50">
              <td className={`${cell} max-w-72 truncate font-medium`}>
                <Link to={`/admin/notices/${c.id}`} className="text-brand-700 hover:underline">
                  {c.title}
                </Link>
                <span className="block text-xs font-normal text-stone-500">
                  {c.rule ? t("notices.byRule") : c.createdBy}
                </span>
              </td>
              <td className={cell}>
                <CampaignStatus status={c.status} />
              </td>
              <td className={`${cell} w-40`}>
                <span className="text-xs tabular-nums text-stone-600">
                  {t("notices.progress", { done: c.progress.done, total: c.progress.total || c.total })}
                </span>
                <ProgressBar done={c.progress.done} total={c.progress.total || c.total} />
              </td>
              <td className={cell}>{c.channels.map((ch) => t(`channels.channel.${ch}`)).join("、")}</td>
              <td className={cell}>
                <AudienceLabel audience={c.audience} names={names} />
              </td>
              <td className={`${cell} tabular-nums`}>{formatMinute(c.sendAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="flex gap-5">
        {paged ? (
          <Link to="/admin/notices" className={subtleLink}>
            {t("notices.newest")}
          </Link>
        ) : null}
        {more && last ? (
          <Link to={`/admin/notices?before=${last.id}`} className={subtleLink}>
            {t("notices.older")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
