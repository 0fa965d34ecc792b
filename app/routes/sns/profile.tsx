// 我的信息: the resident's registered details, a form to propose changes (reviewed by their community),
// the pending proposal and earlier outcomes. Phone first; every form posts to this action, so it works
// without JavaScript.
import { useTranslation } from "react-i18next";
import { Form, redirect, useSearchParams } from "react-router";
import { can } from "../../auth/permissions.ts";
import { formatMinute, localMessage } from "../../components/format.ts";
import { failureOf } from "../../components/formErrors.tsx";
import { type FormInput, formInput, formValues } from "../../components/records/form-values.ts";
import { ProfileForm, photoInputName } from "../../components/selfservice/ProfileForm.tsx";
import { ChangeValue, ownFileUrl, ProposalCard } from "../../components/selfservice/ProposalCard.tsx";
import { metaT } from "../../components/site/meta.ts";
import { Card, CsrfInput, Notice } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { isAppError } from "../../core/errors.ts";
import { requireCaller, run, runForm } from "../../core/route.server.ts";
import { uploadOwnPhoto } from "../../selfservice/files.server.ts";
import { getOwnProfile, type OwnProfile } from "../../selfservice/profile.server.ts";
import { proposeChanges, withdrawProposal } from "../../selfservice/propose.server.ts";
import type { Route } from "./+types/profile";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = requireCaller(context, request);
  if (!can(caller.actor.role, "selfservice.propose")) return { profile: null };
  return run(async () => {
    try {
      return { profile: await getOwnProfile(context.services, caller) };
    } catch (error) {
      // Not linked to a record yet: the page says how to get linked.
      if (isAppError(error) && error.kind === "not_found") return { profile: null };
      throw error;
    }
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = requireCaller(context, request);
  const { services } = context;
  const form = await request.formData();
  if (form.get("intent") === "withdraw")
    return runForm(
      async () => {
        await withdrawProposal(services, caller, Number(form.get("id")));
        return redirect("/sns/profile?done=withdrawn");
      },
      { form: "withdraw" },
    );
  const input = formInput(form.entries());
  return runForm(
    async () => {
      const profile = await getOwnProfile(services, caller);
      const editable = profile.fields.filter((f) => f.editable);
      // Masked inputs left empty mean "unchanged"; the others hold the whole value (empty clears it).
      const values = formValues(
        editable.filter((f) => f.type !== "photo"),
        input,
        "update",
      );
      for (const field of editable.filter((f) => f.type === "photo")) {
        const file = form.get(photoInputName(field.key));
        if (!(file instanceof File) || file.size === 0) continue;
        const data = Buffer.from(await file.arrayBuffer());
        values[field.key] = (
          await uploadOwnPhoto(services, caller, { name: file.name, type: file.type, data })
        ).id;
      }
      // Setting everything back to what is registered withdraws the pending proposal.
      const result = await proposeChanges(services, caller, { values });
      return redirect(`/sns/profile?done=${result.status === "withdrawn" ? "withdrawn" : "proposed"}`);
    },
    { form: "propose", values: input },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: metaT(matches)("selfservice.meta.profile") }];
}

export default function SnsProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { lang } = useRoot();
  const { profile } = loaderData;
  if (!profile)
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("selfservice.profile.title")}</h1>
        <Notice>
          <strong className="block font-semibold">{t("selfservice.profile.notLinked")}</strong>
          {t("selfservice.profile.notLinkedText")}
        </Notice>
      </div>
    );
  const done = params.get("done");
  const failure = failureOf<FormInput>(actionData, "propose");
  const withdrawFailure = failureOf(actionData, "withdraw");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("selfservice.profile.title")}</h1>
        <p className="text-stone-600">
          {t("selfservice.profile.place", { org: profile.orgName, id: profile.systemId })}
        </p>
      </div>
      {done === "proposed" && !failure ? (
        <Notice kind="success">{t("selfservice.profile.submitted")}</Notice>
      ) : null}
      {done === "withdrawn" ? <Notice kind="success">{t("selfservice.profile.withdrawn")}</Notice> : null}
      {withdrawFailure ? (
        <Notice kind="error">{localMessage(withdrawFailure.error.message, lang)}</Notice>
      ) : null}
      {profile.pending ? <Pending profile={profile} /> : null}
      <Registered profile={profile} />
      <Card title={t("selfservice.profile.edit")}>
        {profile.fields.some((f) => f.editable) ? (
          <ProfileForm profile={profile} failure={failure} />
        ) : (
          <p className="text-stone-600">{t("selfservice.profile.noEditable")}</p>
        )}
      </Card>
      <section aria-labelledby="history-title" className="flex flex-col gap-3">
        <h2 id="history-title" className="text-lg font-semibold">
          {t("selfservice.profile.history")}
        </h2>
        {profile.history.length > 0 ? (
          profile.history.map((r) => <ProposalCard key={r.id} request={r} />)
        ) : (
          <p className="text-stone-600">{t("selfservice.profile.noHistory")}</p>
        )}
      </section>
    </div>
  );
}

function Registered({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  return (
    <Card title={t("selfservice.profile.registered")}>
      <p className="mb-2 text-[15px] text-stone-600">{t("selfservice.profile.intro")}</p>
      <dl className="divide-y divide-stone-100">
        {profile.fields.map((f) => (
          <div
            key={f.key}
            className={`flex flex-wrap gap-x-4 gap-y-0.5 py-2.5 ${f.type === "photo" ? "items-start" : "items-baseline"}`}
            data-field={f.key}
          >
            <dt className="w-24 shrink-0 text-sm text-stone-500">{f.label}</dt>
            <dd className="min-w-0 flex-1 text-[15px] break-words">
              {f.type === "photo" && typeof f.value === "string" ? (
                <img
                  src={ownFileUrl(f.value, true)}
                  alt={f.label}
                  className="h-28 w-24 rounded object-cover"
                />
              ) : (
                f.display || <span className="text-stone-400">—</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function Pending({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  const pending = profile.pending!;
  return (
    <section
      aria-labelledby="pending-title"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="pending-proposal"
    >
      <h2 id="pending-title" className="text-lg font-semibold text-amber-950">
        {t("selfservice.profile.pending")}
      </h2>
      <p className="text-[15px] text-amber-900">
        {t("selfservice.profile.pendingText", { date: formatMinute(pending.updatedAt) })}
      </p>
      <ul className="flex flex-col gap-2">
        {pending.changes.map((c) => (
          <li key={c.field} className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-[15px]">
            <span className="text-stone-600">{c.label}</span>
            <span className="flex flex-wrap items-center gap-2">
              <ChangeValue change={c} which="old" fileUrl={ownFileUrl} />
              <span aria-hidden="true">→</span>
              <ChangeValue change={c} which="new" fileUrl={ownFileUrl} />
            </span>
          </li>
        ))}
      </ul>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="id" value={pending.id} />
        <button
          type="submit"
          className="min-h-12 w-full rounded-md border border-stone-300 bg-white px-5 text-base font-medium text-stone-800 hover:bg-stone-100 sm:w-auto"
        >
          {t("selfservice.profile.withdraw")}
        </button>
      </Form>
    </section>
  );
}
