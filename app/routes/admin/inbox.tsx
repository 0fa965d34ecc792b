// 站内信 of the console: the staff account's in-site messages (a notice's 站内信, a backup that failed, a
// proposal to review …), newest first, unread marked; each marked read, or all at once; "更早" pages back.
// The navigation's unread badge is the layout's (app/routes/admin/layout.tsx).
import { useTranslation } from "react-i18next";
import { Link, redirect } from "react-router";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { EmptyState, PageHeader } from "../../components/admin/Page.tsx";
import { InboxList, MarkAllReadForm } from "../../components/inbox/InboxList.tsx";
import { metaT } from "../../components/site/meta.ts";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import { listInbox, markAllRead, markRead } from "../../notify/inbox.server.ts";
import type { Route } from "./+types/inbox";

const PAGE = 50;

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const before = new URL(request.url).searchParams.get("before") ?? "";
  const paged = /^\d{1,15}$/.test(before);
  const inbox = await run(() =>
    listInbox(context.services, caller, { limit: PAGE, ...(paged ? { before } : {}) }),
  );
  return { ...inbox, paged, more: inbox.items.length === PAGE };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  return runForm(async () => {
    if (form.get("intent") === "all") await markAllRead(context.services, caller);
    else await markRead(context.services, caller, Number(form.get("id")));
    return redirect("/admin/inbox");
  });
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("channels.inbox.title")} · ${t("admin.shell.console")}` }];
}

export default function AdminInbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { unread, items, paged, more } = loaderData;
  const last = items.at(-1);
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <PageHeader
        title={t("channels.inbox.title")}
        description={unread > 0 ? t("channels.inbox.unread", { count: unread }) : t("channels.inbox.intro")}
        actions={unread > 1 ? <MarkAllReadForm /> : null}
      />
      {items.length === 0 ? (
        <EmptyState>{t(paged ? "channels.inbox.noMore" : "channels.inbox.empty")}</EmptyState>
      ) : (
        <InboxList items={items} />
      )}
      <div className="flex flex-wrap gap-3">
        {paged ? (
          <Link
            to="/admin/inbox"
            className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
          >
            {t("channels.inbox.newest")}
          </Link>
        ) : null}
        {more && last ? (
          <Link
            to={`/admin/inbox?before=${last.id}`}
            className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
          >
            {t("channels.inbox.older")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
