// 发件箱: what the notices would have sent while a channel is not configured (and always in the demo) —
// to whom (masked), the subject and text, an email's HTML in a sandboxed frame on demand, and the .eml
// file a mail program opens. Newest first, by channel, "更早" pages back.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { subtleLink } from "../../../components/channels/controls.tsx";
import { formatMinute } from "../../../components/format.ts";
import { metaT } from "../../../components/site/meta.ts";
import { requireStaff, run } from "../../../core/route.server.ts";
import { listOutbox, type OutboxItem } from "../../../notify/outbox.server.ts";
import type { Route } from "./+types/outbox";

const PAGE = 30;
const FILTERS = ["", "email", "sms", "fax"] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const params = new URL(request.url).searchParams;
  const channel = FILTERS.find((c) => c && c === params.get("channel")) ?? "";
  const before = params.get("before") ?? "";
  const items = await run(() =>
    listOutbox(context.services, caller, {
      limit: PAGE,
      ...(channel ? { channel } : {}),
      ...(/^\d{1,15}$/.test(before) ? { before } : {}),
    }),
  );
  return { items, channel, paged: /^\d{1,15}$/.test(before), more: items.length === PAGE };
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("channels.outbox.title")} · ${t("admin.shell.console")}` }];
}

const query = (channel: string, before?: number) => {
  const p = new URLSearchParams();
  if (channel) p.set("channel", channel);
  if (before) p.set("before", String(before));
  const s = p.toString();
  return s ? `?${s}` : "";
};

export default function OutboxPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, channel, paged, more } = loaderData;
  const last = items.at(-1);
  return (
    <div className="flex max-w-5xl flex-col gap-5">
      <PageHeader
        title={t("channels.outbox.title")}
        description={t("channels.outbox.intro")}
        actions={
          <Link to="/admin/notices" className={subtleLink}>
            {t("channels.back")}
          </Link>
        }
      />
      <nav aria-label={t("channels.outbox.filter")} className="flex flex-wrap gap-2">
        {FILTERS.map((c) => (
          <Link
            key={c || "all"}
            to={`/admin/notices/outbox${query(c)}`}
            aria-current={channel === c ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm ${
              channel === c
                ? "border-brand-500 bg-brand-50 font-semibold text-brand-700"
                : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100"
            }`}
          >
            {c ? t(`channels.channel.${c}`) : t("channels.outbox.all")}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState>{t(paged ? "channels.outbox.noMore" : "channels.outbox.empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((item) => (
            <OutboxEntry key={item.id} item={item} />
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-3">
        {paged ? (
          <Link to={`/admin/notices/outbox${query(channel)}`} className={subtleLink}>
            {t("channels.outbox.newest")}
          </Link>
        ) : null}
        {more && last ? (
          <Link to={`/admin/notices/outbox${query(channel, last.id)}`} className={subtleLink}>
            {t("channels.outbox.older")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function OutboxEntry({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const [showHtml, setShowHtml] = useState(false);
  return (
    <li data-outbox={item.id} className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">
          {t(`channels.channel.${item.channel}`)}
        </span>
        <span className="font-medium">{item.name}</span>
        {item.address ? <span className="font-mono text-stone-600">{item.address}</span> : null}
        <span className="ml-auto text-stone-500 tabular-nums">
          {item.sentAt ? formatMinute(item.sentAt) : ""}
        </span>
      </div>
      {item.subject ? <h2 className="text-base font-semibold">{item.subject}</h2> : null}
      <p className="text-sm text-stone-600">
        {t("channels.outbox.campaign")}{" "}
        <Link to={`/admin/notices/${item.campaign.id}`} className="text-brand-700 hover:underline">
          {item.campaign.title}
        </Link>
      </p>
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{t("channels.outbox.text")}</summary>
        <pre className="mt-1 max-h-96 overflow-auto rounded-md bg-stone-50 p-3 font-[inherit] text-sm whitespace-pre-wrap text-stone-800">
          {item.text}
        </pre>
      </details>
      {item.html ? (
        <details className="text-sm" onToggle={(e) => setShowHtml(e.currentTarget.open)}>
          <summary className="min-h-11 cursor-pointer py-2 text-brand-700">
            {t("channels.outbox.html")}
          </summary>
          {showHtml ? (
            <iframe
              title={t("channels.outbox.htmlTitle", { subject: item.subject })}
              srcDoc={item.html}
              sandbox=""
              referrerPolicy="no-referrer"
              className="mt-1 h-[32rem] w-full rounded-md border border-stone-200 bg-white"
            />
          ) : null}
        </details>
      ) : null}
      {item.file ? (
        <div>
          <a
            href={`/admin/notices/outbox/${item.id}`}
            download
            className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
          >
            {t(item.channel === "email" ? "channels.outbox.downloadEml" : "channels.outbox.download")}
          </a>
        </div>
      ) : null}
    </li>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
