// One resident's proposal under review: each field before → proposed (photos side by side), what the
// record holds now where someone changed it meanwhile (such fields cannot be applied), then approve the
// ticked fields or reject with a reason. Plain forms posting to this action.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useNavigation, useSearchParams } from "react-router";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { PageHeader } from "../../components/admin/Page.tsx";
import { formatMinute } from "../../components/format.ts";
import { failureOf, useFormErrors } from "../../components/formErrors.tsx";
import { fileUrl } from "../../components/records/FileInput.tsx";
import { ChangeValue, StatusPill } from "../../components/selfservice/ProposalCard.tsx";
import { metaT } from "../../components/site/meta.ts";
import { Button, CsrfInput, Notice } from "../../components/ui.tsx";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import type { ChangeView, RequestView } from "../../selfservice/present.server.ts";
import { approveReview, getReview, rejectReview } from "../../selfservice/review.server.ts";
import type { Route } from "./+types/review";

const reviewId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : 0);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => getReview(context.services, caller, reviewId(params.id)));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const id = reviewId(params.id);
  // The revision the reviewer saw (absent: whatever is pending now).
  const revision = form.get("revision") || undefined;
  if (form.get("intent") === "reject")
    return runForm(
      async () => {
        await rejectReview(context.services, caller, id, { revision, reason: form.get("reason") });
        return redirect(`/admin/reviews/${id}?done=rejected`);
      },
      { form: "reject", values: { reason: String(form.get("reason") ?? "") } },
    );
  return runForm(
    async () => {
      const fields = form.getAll("fields").map(String);
      await approveReview(context.services, caller, id, { revision, fields });
      return redirect(`/admin/reviews/${id}?done=approved`);
    },
    { form: "approve" },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("selfservice.review.title")} · ${t("admin.shell.console")}` }];
}

export default function Review({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const review = loaderData;
  const done = params.get("done");
  const pending = review.status === "pending";
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <PageHeader
        title={t("selfservice.review.detail", { person: review.person || review.account })}
        description={t("selfservice.review.by", {
          account: review.account,
          date: formatMinute(review.createdAt),
        })}
        actions={
          <>
            <Link
              to="/admin/reviews"
              className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
            >
              {t("selfservice.review.back")}
            </Link>
            <Link
              to={`/admin/records/${review.recordId}`}
              className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
            >
              {t("selfservice.review.record")} {review.systemId}
            </Link>
          </>
        }
      />
      {done === "approved" ? <Notice kind="success">{t("selfservice.review.approved")}</Notice> : null}
      {done === "rejected" ? <Notice kind="success">{t("selfservice.review.rejected")}</Notice> : null}
      <div className="flex flex-wrap items-center gap-3">
        <StatusPill status={review.status} />
        <span className="text-sm text-stone-600">{review.orgName}</span>
      </div>
      {review.status === "rejected" && review.reason ? (
        <Notice>{t("selfservice.profile.reason", { reason: review.reason })}</Notice>
      ) : null}
      {pending ? <Decide review={review} actionData={actionData} /> : <Changes review={review} />}
    </div>
  );
}

function Decide({ review, actionData }: { review: RequestView; actionData: unknown }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const approveErrors = useFormErrors(failureOf(actionData, "approve"), []);
  const rejectFailure = failureOf(actionData, "reject");
  const rejectErrors = useFormErrors(rejectFailure, ["reason"]);
  return (
    <>
      {review.conflicts.length > 0 ? (
        <Notice kind="error">{t("selfservice.review.conflicts", { count: review.conflicts.length })}</Notice>
      ) : null}
      <Form method="post" className="flex flex-col gap-4" aria-label={t("selfservice.review.approve")}>
        <CsrfInput />
        <input type="hidden" name="intent" value="approve" />
        <input type="hidden" name="revision" value={review.revision} />
        {approveErrors.notice}
        <Changes review={review} choose />
        <div>
          <Button disabled={busy}>{t("selfservice.review.approve")}</Button>
        </div>
      </Form>
      <Form method="post" className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4">
        <CsrfInput />
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="revision" value={review.revision} />
        <label htmlFor="reject-reason" className="text-sm font-medium text-stone-700">
          {t("selfservice.review.reason")}
        </label>
        <textarea
          id="reject-reason"
          name="reason"
          rows={3}
          maxLength={500}
          defaultValue={rejectFailure?.values?.reason ?? ""}
          placeholder={t("selfservice.review.reasonHint")}
          aria-invalid={rejectErrors.field("reason") ? true : undefined}
          className="min-h-11 rounded-md border border-stone-300 px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm"
        />
        {rejectErrors.field("reason") ? (
          <p className="text-sm text-red-600">{rejectErrors.field("reason")}</p>
        ) : null}
        {rejectErrors.field("reason") ? null : rejectErrors.notice}
        <div>
          <Button variant="danger" disabled={busy}>
            {t("selfservice.review.reject")}
          </Button>
        </div>
      </Form>
    </>
  );
}

function Changes({ review, choose = false }: { review: RequestView; choose?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-col gap-3">
      {review.changes.map((c) => (
        <li
          key={c.field}
          data-field={c.field}
          className={`rounded-lg border bg-white p-4 ${c.conflict ? "border-red-300" : "border-stone-200"}`}
        >
          <div className="mb-2 flex flex-wrap items-center gap-3">
            {choose ? (
              <label className="flex min-h-11 items-center gap-2 font-medium">
                <input
                  type="checkbox"
                  name="fields"
                  value={c.field}
                  defaultChecked={!c.conflict}
                  disabled={c.conflict}
                  className="size-5 accent-brand-500"
                />
                {t("selfservice.review.apply")} {c.label}
              </label>
            ) : (
              <span className="font-medium">{c.label}</span>
            )}
            {c.applied !== null ? (
              <span className="text-sm text-stone-600">
                {t(c.applied ? "selfservice.profile.applied" : "selfservice.profile.skipped")}
              </span>
            ) : null}
          </div>
          <div className="grid grid-cols-2 gap-3 text-[15px]">
            <Side label={t("selfservice.review.old")} change={c} which="old" />
            <Side label={t("selfservice.review.new")} change={c} which="new" />
          </div>
          {c.conflict ? (
            <p className="mt-2 text-sm text-red-700">
              {t("selfservice.review.conflict", { value: c.current || t("selfservice.empty") })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Side(props: { label: string; change: ChangeView; which: "old" | "new" }) {
  const id = props.change.photo?.[props.which];
  const value = <ChangeValue change={props.change} which={props.which} fileUrl={fileUrl} />;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-xs text-stone-500">{props.label}</span>
      {id ? (
        <a href={fileUrl(id)} target="_blank" rel="noreferrer" className="self-start">
          {value}
        </a>
      ) : (
        value
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
