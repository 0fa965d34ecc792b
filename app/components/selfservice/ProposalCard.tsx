// One proposal as its resident sees it: status, each field before → proposed, and the outcome (what was
// updated, or why it was rejected). Photos show as thumbnails from the resident's own file route.
import { useTranslation } from "react-i18next";
import type { ChangeView, RequestView } from "../../selfservice/present.server.ts";
import { formatMinute } from "../format.ts";

export const ownFileUrl = (id: string, thumb = false) =>
  `/sns/profile/files/${encodeURIComponent(id)}${thumb ? "?thumb=1" : ""}`;

const TONES: Record<RequestView["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-800",
  rejected: "bg-red-100 text-red-800",
  withdrawn: "bg-stone-100 text-stone-700",
};

export function StatusPill({ status }: { status: RequestView["status"] }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-flex rounded px-2 py-0.5 text-sm font-medium ${TONES[status]}`}>
      {t(`selfservice.status.${status}`)}
    </span>
  );
}

/** A value as text, or a small picture when it is a photo. */
export function ChangeValue(props: {
  change: ChangeView;
  which: "old" | "new" | "current";
  fileUrl: typeof ownFileUrl;
}) {
  const { t } = useTranslation();
  const { change, which } = props;
  const photo = change.photo?.[which];
  if (change.photo)
    return photo ? (
      <img
        src={props.fileUrl(photo, true)}
        alt={`${change.label} ${t(`selfservice.review.${which === "old" ? "photoOld" : "photoNew"}`)}`}
        className="h-28 w-24 rounded border border-stone-200 object-cover"
      />
    ) : (
      <span className="text-stone-400">{t("selfservice.empty")}</span>
    );
  const text = change[which];
  return text ? (
    <span className="break-words">{text}</span>
  ) : (
    <span className="text-stone-400">{t("selfservice.empty")}</span>
  );
}

export function ProposalCard({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const applied = request.changes.filter((c) => c.applied === true).map((c) => c.label);
  const skipped = request.changes.filter((c) => c.applied === false).map((c) => c.label);
  return (
    <article
      className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4"
      data-request={request.id}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <StatusPill status={request.status} />
        <span className="text-sm text-stone-500">{formatMinute(request.decidedAt ?? request.createdAt)}</span>
      </header>
      <ul className="flex flex-col gap-3">
        {request.changes.map((c) => (
          <li key={c.field} className="flex flex-col gap-1">
            <span className="text-sm font-medium text-stone-700">{c.label}</span>
            <div className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 text-[15px]">
              <span className="text-stone-500">{t("selfservice.profile.from")}</span>
              <ChangeValue change={c} which="old" fileUrl={ownFileUrl} />
              <span className="text-stone-500">{t("selfservice.profile.to")}</span>
              <ChangeValue change={c} which="new" fileUrl={ownFileUrl} />
            </div>
          </li>
        ))}
      </ul>
      {request.status === "approved" ? (
        <p className="text-[15px] text-green-800">
          {t("selfservice.profile.applied")}：{applied.join("、") || "—"}
          {skipped.length > 0 ? `；${t("selfservice.profile.skipped")}：${skipped.join("、")}` : ""}
        </p>
      ) : null}
      {request.status === "rejected" && request.reason ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-[15px] text-red-800">
          {t("selfservice.profile.reason", { reason: request.reason })}
        </p>
      ) : null}
    </article>
  );
}
