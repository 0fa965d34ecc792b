// 消息: the resident's in-site notices (the outcome of their proposals, later others), newest first,
// unread ones marked; each can be marked read, or all at once. Plain forms, so it works without JS.
import { useTranslation } from "react-i18next";
import { redirect } from "react-router";
import { InboxList, MarkAllReadForm } from "../../components/inbox/InboxList.tsx";
import { metaT } from "../../components/site/meta.ts";
import { requireCaller, run, runForm } from "../../core/route.server.ts";
import { listInbox, markAllRead, markRead } from "../../notify/inbox.server.ts";
import type { Route } from "./+types/inbox";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = requireCaller(context, request);
  return run(() => listInbox(context.services, caller));
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = requireCaller(context, request);
  const form = await request.formData();
  return runForm(async () => {
    if (form.get("intent") === "all") await markAllRead(context.services, caller);
    else await markRead(context.services, caller, Number(form.get("id")));
    return redirect("/sns/inbox");
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: metaT(matches)("selfservice.meta.inbox") }];
}

export default function SnsInbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { unread, items } = loaderData;
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t("selfservice.inbox.title")}</h1>
          {unread > 0 ? (
            <p className="text-stone-600">{t("selfservice.inbox.unread", { count: unread })}</p>
          ) : null}
        </div>
        {unread > 1 ? <MarkAllReadForm /> : null}
      </div>
      {items.length === 0 ? <p className="text-stone-600">{t("selfservice.inbox.empty")}</p> : null}
      <InboxList items={items} />
    </div>
  );
}
