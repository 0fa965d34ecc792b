// 消息: the resident's in-site notices (the outcome of their proposals, later others), newest first,
// unread ones marked; each can be marked read, or all at once. Plain forms, so it works without JS.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import { formatMinute } from "../../components/format.ts";
import { metaT } from "../../components/site/meta.ts";
import { CsrfInput } from "../../components/ui.tsx";
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
        {unread > 1 ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="all" />
            <button
              type="submit"
              className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-[15px] hover:bg-stone-100"
            >
              {t("selfservice.inbox.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? <p className="text-stone-600">{t("selfservice.inbox.empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {items.map((m) => (
          <li
            key={m.id}
            data-message={m.id}
            className={`flex flex-col gap-2 rounded-lg border p-4 ${
              m.read ? "border-stone-200 bg-white" : "border-brand-500/40 bg-brand-50"
            }`}
          >
            <div className="flex flex-wrap items-center gap-2">
              {!m.read ? (
                <span className="rounded bg-brand-500 px-1.5 py-0.5 text-xs text-white">
                  {t("selfservice.inbox.new")}
                </span>
              ) : null}
              <h2 className="text-base font-semibold">{m.title}</h2>
            </div>
            <p className="text-[15px] whitespace-pre-line text-stone-700">{m.body}</p>
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-sm text-stone-500">{formatMinute(m.createdAt)}</span>
              {m.link ? (
                <Link
                  to={m.link}
                  className="inline-flex min-h-11 items-center text-[15px] text-brand-700 underline"
                >
                  {t("selfservice.inbox.open")}
                </Link>
              ) : null}
              {!m.read ? (
                <Form method="post" className="ml-auto">
                  <CsrfInput />
                  <input type="hidden" name="id" value={m.id} />
                  <button
                    type="submit"
                    className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-[15px] hover:bg-stone-100"
                  >
                    {t("selfservice.inbox.markRead")}
                  </button>
                </Form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
