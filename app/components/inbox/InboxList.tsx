// An account's in-site messages 站内信, newest first, unread ones marked, each with 标为已读, and the
// 全部标为已读 button: shared by the resident's 消息 page (/sns/inbox) and the console's (/admin/inbox).
// Plain forms posting `id` (one message) or `intent=all` to the page's action, so they work without JS.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { InboxMessage } from "../../notify/inbox.server.ts";
import { formatMinute } from "../format.ts";
import { CsrfInput } from "../ui.tsx";

const button = "min-h-11 rounded-md border border-stone-300 bg-white px-4 text-[15px] hover:bg-stone-100";

export function MarkAllReadForm() {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="all" />
      <button type="submit" className={button}>
        {t("selfservice.inbox.markAllRead")}
      </button>
    </Form>
  );
}

export function InboxList({ items }: { items: readonly InboxMessage[] }) {
  const { t } = useTranslation();
  return (
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
                <button type="submit" className={button}>
                  {t("selfservice.inbox.markRead")}
                </button>
              </Form>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
