// One notice's report: status and progress (refreshing while it sends), each channel's outcome by status,
// the content as written, and every recipient's message — masked address, status, reason — by channel and
// status, paged. Paused, resumed, cancelled or its failures resent from here.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation, useRevalidator } from "react-router";
import type { Channel } from "../../../../emails/channels/types.ts";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { cell, DataTable, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { subtleLink } from "../../../components/channels/controls.tsx";
import { formatMinute, localMessage } from "../../../components/format.ts";
import { failureOf, useFormErrors } from "../../../components/formErrors.tsx";
import { audienceNames } from "../../../components/notices/names.server.ts";
import {
  AudienceLabel,
  CampaignStatus,
  ProgressBar,
  progressOf,
} from "../../../components/notices/status.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { MESSAGE_STATUSES } from "../../../notify/campaign-input.ts";
import { controlCampaign, getCampaign, listCampaignMessages } from "../../../notify/campaigns.server.ts";
import type { Route } from "./+types/campaign";

const PAGE = 50;
const CHANNELS = ["email", "sms", "fax", "inbox"] as const;
const CONTROLS = ["pause", "resume", "cancel", "retry"] as const;
type ControlName = (typeof CONTROLS)[number];
/** Which controls a status offers (the server refuses the rest with a 409 anyway). */
const OFFERED: Record<string, readonly ControlName[]> = {
  scheduled: ["pause", "cancel"],
  queueing: ["pause", "cancel"],
  sending: ["pause", "cancel", "retry"],
  paused: ["resume", "cancel", "retry"],
  done: ["retry"],
};
const LIVE = ["queueing", "sending"];

function campaignId(param: string | undefined): number {
  if (!/^\d{1,15}$/.test(param ?? "")) throw invalid("群发编号无效 / Not a notice number");
  return Number(param);
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const id = await run(async () => campaignId(params.id));
  const search = new URL(request.url).searchParams;
  const status = MESSAGE_STATUSES.find((s) => s === search.get("status"));
  const channel = CHANNELS.find((c) => c === search.get("channel"));
  const offset = Math.max(0, Math.min(Number(search.get("offset")) || 0, 10_000_000));
  const campaign = await run(() => getCampaign(services, caller, id));
  const messages = await run(() =>
    listCampaignMessages(services, caller, id, {
      offset,
      limit: PAGE,
      ...(status ? { status } : {}),
      ...(channel ? { channel } : {}),
    }),
  );
  const names = await run(() => audienceNames(services, caller));
  return { campaign, messages, names, filter: { status: status ?? "", channel: channel ?? "", offset } };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const intent = CONTROLS.find((c) => c === form.get("intent"));
  return runForm(
    async () => {
      const id = campaignId(params.id);
      if (!intent) throw invalid("未知操作 / Unknown operation");
      await controlCampaign(context.services, caller, id, intent);
      return { done: intent };
    },
    { form: "control" },
  );
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${loaderData?.campaign.title ?? t("notices.title")} · ${t("admin.shell.console")}` }];
}

type LoaderData = Route.ComponentProps["loaderData"];

export default function CampaignPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { campaign, names } = loaderData;
  const progress = progressOf(campaign.counts);
  const done = actionData && "done" in actionData ? actionData.done : null;
  const errors = useFormErrors(failureOf(actionData, "control"), []);
  const live = LIVE.includes(campaign.status);
  useLiveRefresh(live);
  return (
    <div className="flex max-w-6xl flex-col gap-5">
      <PageHeader
        title={campaign.title}
        description={t("notices.report.created", {
          name: campaign.createdBy,
          time: formatMinute(campaign.createdAt),
        })}
        actions={
          <Link to="/admin/notices" className={subtleLink}>
            {t("notices.report.back")}
          </Link>
        }
      />
      {done ? <Notice kind="success">{t(`notices.report.done.${done}`)}</Notice> : null}
      {errors.notice}
      {campaign.error ? (
        <Notice kind="error">
          {t("notices.report.error", { error: localMessage(campaign.error, lang) })}
        </Notice>
      ) : null}
      <Card>
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
            <span data-campaign-status={campaign.status}>
              <CampaignStatus status={campaign.status} />
            </span>
            <span>
              {t("notices.report.total")}：<strong className="tabular-nums">{campaign.total}</strong>（
              <AudienceLabel audience={campaign.audience} names={names} />）
            </span>
            <span className="tabular-nums">
              {t("notices.report.sendAt")}：{formatMinute(campaign.sendAt)}
            </span>
            {campaign.finishedAt ? (
              <span className="tabular-nums">
                {t("notices.report.finishedAt", { time: formatMinute(campaign.finishedAt) })}
              </span>
            ) : null}
          </div>
          <div>
            <p className="mb-1 text-xs tabular-nums text-stone-600">
              {campaign.status === "queueing"
                ? t("notices.report.queueing", { queued: campaign.queued, total: campaign.total })
                : t("notices.progress", { done: progress.done, total: progress.total || campaign.total })}
            </p>
            <ProgressBar done={progress.done} total={progress.total || campaign.total} />
            {live ? <p className="mt-1 text-xs text-stone-500">{t("notices.report.live")}</p> : null}
          </div>
          <Controls status={campaign.status} />
        </div>
      </Card>
      <ChannelCounts campaign={campaign} />
      <MessageList data={loaderData} />
      <Card title={t("notices.report.content")}>
        <div className="flex flex-col gap-2 text-sm">
          <p className="font-medium">{campaign.content.subject}</p>
          <p className="whitespace-pre-wrap text-stone-700">{campaign.content.text}</p>
          {campaign.content.sms ? (
            <p className="whitespace-pre-wrap rounded-md bg-stone-50 p-2 text-stone-700">
              {t("notices.compose.sms")}：{campaign.content.sms}
            </p>
          ) : null}
        </div>
      </Card>
    </div>
  );
}

/** While a notice sends, its figures are read again every few seconds. */
function useLiveRefresh(live: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 3000);
    return () => clearInterval(timer);
  }, [live, revalidator]);
}

function Controls({ status }: { status: string }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const offered = OFFERED[status] ?? [];
  if (offered.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {offered.map((intent) => (
        <Form
          key={intent}
          method="post"
          onSubmit={(e) => {
            if (intent === "cancel" && !window.confirm(t("notices.report.confirmCancel"))) e.preventDefault();
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value={intent} />
          <button
            type="submit"
            disabled={busy}
            className={`min-h-11 rounded-md border px-4 text-sm font-medium disabled:opacity-50 ${
              intent === "cancel"
                ? "border-red-300 bg-white text-red-700 hover:bg-red-50"
                : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
            }`}
          >
            {t(`notices.report.${intent}`)}
          </button>
        </Form>
      ))}
    </div>
  );
}

function ChannelCounts({ campaign }: { campaign: LoaderData["campaign"] }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2 className="mb-3 text-base font-semibold">{t("notices.report.perChannel")}</h2>
      <DataTable
        caption={t("notices.report.perChannel")}
        head={[t("notices.report.channel"), ...MESSAGE_STATUSES.map((s) => t(`notices.messageStatus.${s}`))]}
      >
        {campaign.channels.map((channel: Channel) => (
          <tr key={channel} data-channel={channel}>
            <td className={`${cell} font-medium`}>{t(`channels.channel.${channel}`)}</td>
            {MESSAGE_STATUSES.map((s) => {
              const n = campaign.counts[channel]?.[s] ?? 0;
              return (
                <td
                  key={s}
                  data-status={s}
                  className={`${cell} tabular-nums ${n === 0 ? "text-stone-400" : ""}`}
                >
                  {n > 0 ? (
                    <Link to={`?channel=${channel}&status=${s}`} className="text-brand-700 hover:underline">
                      {n}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

const pageLink = (filter: { status: string; channel: string }, offset: number) => {
  const p = new URLSearchParams();
  if (filter.channel) p.set("channel", filter.channel);
  if (filter.status) p.set("status", filter.status);
  if (offset > 0) p.set("offset", String(offset));
  const s = p.toString();
  return s ? `?${s}` : "?";
};

function MessageList({ data }: { data: LoaderData }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { messages, filter, campaign } = data;
  const to = Math.min(filter.offset + messages.items.length, messages.total);
  return (
    <section>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-base font-semibold">{t("notices.report.messages")}</h2>
        <Form method="get" className="flex flex-wrap items-center gap-2">
          <select
            name="channel"
            defaultValue={filter.channel}
            aria-label={t("notices.report.channel")}
            className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm"
          >
            <option value="">{t("notices.report.allChannels")}</option>
            {campaign.channels.map((c) => (
              <option key={c} value={c}>
                {t(`channels.channel.${c}`)}
              </option>
            ))}
          </select>
          <select
            name="status"
            defaultValue={filter.status}
            aria-label={t("notices.report.head.status")}
            className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm"
          >
            <option value="">{t("notices.report.allStatuses")}</option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`notices.messageStatus.${s}`)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-sm hover:bg-stone-100"
          >
            {t("notices.report.apply")}
          </button>
        </Form>
      </div>
      {messages.items.length === 0 ? (
        <EmptyState>{t("notices.report.noMessages")}</EmptyState>
      ) : (
        <DataTable
          caption={t("notices.report.messages")}
          head={[
            t("notices.report.head.name"),
            t("notices.report.channel"),
            t("notices.report.head.address"),
            t("notices.report.head.status"),
            t("notices.report.head.reason"),
            t("notices.report.head.attempts"),
            t("notices.report.head.time"),
          ]}
        >
          {messages.items.map((m) => (
            <tr key={m.id} data-message={m.id} data-status={m.status}>
              <td className={`${cell} font-medium`}>
                {m.name}
                <span className="block text-xs font-normal text-stone-500">{m.systemId}</span>
              </td>
              <td className={cell}>{t(`channels.channel.${m.channel}`)}</td>
              <td className={`${cell} tabular-nums`}>{m.address ?? "—"}</td>
              <td className={cell}>{t(`notices.messageStatus.${m.status}`)}</td>
              <td
                className={`${cell} max-w-80 truncate whitespace-normal text-stone-600`}
                title={m.reason ?? ""}
              >
                {m.reason ? localMessage(m.reason, lang) : ""}
              </td>
              <td className={`${cell} tabular-nums`}>{m.attempts}</td>
              <td className={`${cell} tabular-nums`}>{formatMinute(m.sentAt ?? m.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {messages.total > PAGE ? (
        <div className="mt-3 flex flex-wrap items-center gap-5 text-sm">
          <span className="tabular-nums text-stone-600">
            {t("notices.report.page", { from: filter.offset + 1, to, total: messages.total })}
          </span>
          {filter.offset > 0 ? (
            <Link to={pageLink(filter, Math.max(0, filter.offset - PAGE))} className={subtleLink}>
              {t("notices.report.prev")}
            </Link>
          ) : null}
          {to < messages.total ? (
            <Link to={pageLink(filter, filter.offset + PAGE)} className={subtleLink}>
              {t("notices.report.next")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
