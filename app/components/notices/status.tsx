// How a notice's state reads in the console: its status badge, who it goes to, and how far it got.
import { useTranslation } from "react-i18next";
import type { Channel } from "../../../emails/channels/types.ts";
import { StatusBadge } from "../admin/Page.tsx";

const TONE: Record<string, "green" | "stone" | "red"> = {
  done: "green",
  sending: "green",
  failed: "red",
  cancelled: "stone",
  paused: "stone",
  scheduled: "stone",
  queueing: "stone",
};

export function CampaignStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[status] ?? "stone"}>{t(`notices.status.${status}`)}</StatusBadge>;
}

/** The names the loader found for the views and groups notices go to. */
export interface AudienceNames {
  views: Record<string, string>;
  groups: Record<string, string>;
}

/** "view:3" → 视图「独居老人」; the campaign list stores a short description of its audience. */
export function AudienceLabel({ audience, names }: { audience: string; names: AudienceNames }) {
  const { t } = useTranslation();
  const [kind, value = ""] = audience.split(":");
  if (kind === "view")
    return (
      <>
        {names.views[value]
          ? t("notices.audience.view", { name: names.views[value] })
          : t("notices.audience.viewGone")}
      </>
    );
  if (kind === "group")
    return (
      <>
        {names.groups[value]
          ? t("notices.audience.group", { name: names.groups[value] })
          : t("notices.audience.groupGone")}
      </>
    );
  if (kind === "selection") return <>{t("notices.audience.selection", { count: Number(value) })}</>;
  return <>{t("notices.audience.filter")}</>;
}

type Counts = Partial<Record<Channel, Partial<Record<string, number>>>>;

/** Messages that reached an end (sent, failed, bounced, opted out, cancelled) against all of them. */
export function progressOf(counts: Counts): { done: number; total: number; sent: number } {
  let done = 0;
  let total = 0;
  let sent = 0;
  for (const byStatus of Object.values(counts)) {
    for (const [status, n = 0] of Object.entries(byStatus ?? {})) {
      total += n;
      if (status !== "queued" && status !== "sending") done += n;
      if (status === "sent") sent += n;
    }
  }
  return { done, total, sent };
}

export function ProgressBar({ done, total }: { done: number; total: number }) {
  const share = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div
      className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={share}
    >
      <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${share}%` }} />
    </div>
  );
}
