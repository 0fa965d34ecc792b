// The resident's account: who they are and where they belong, and changing their own password.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { changeOwnPassword } from "../../auth/self.server.ts";
import { localMessage } from "../../components/admin/format.ts";
import { metaT } from "../../components/site/meta.ts";
import { Card, CsrfInput, Field, type FormError, Notice } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { requireCaller, run, runForm } from "../../core/route.server.ts";
import { getOwnProfile, type OwnProfile } from "../../sns/home.server.ts";
import type { Route } from "./+types/account";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = requireCaller(context, request);
  return run(() => getOwnProfile(context.services, caller));
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = requireCaller(context, request);
  const form = await request.formData();
  return runForm(async () => {
    const result = await changeOwnPassword(
      context.services,
      caller,
      {
        currentPassword: form.get("currentPassword"),
        newPassword: form.get("newPassword"),
        confirmPassword: form.get("confirmPassword"),
      },
      context.sessionId,
    );
    return { ok: true as const, ...result };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: metaT(matches)("sns.meta.account") }];
}

export default function SnsAccount({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("sns.account.title")}</h1>
      <Profile profile={loaderData} />
      <Card title={t("sns.account.password")}>
        <PasswordChange actionData={actionData} />
      </Card>
    </div>
  );
}

function Profile({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  // The street is implied by the site; the community (and grid) is what a resident recognises.
  const places = profile.trail.filter((node) => node.kind !== "street");
  const rows = [
    { key: "name", label: t("sns.account.name"), value: profile.displayName },
    { key: "username", label: t("sns.account.username"), value: profile.username },
    { key: "role", label: t("sns.account.role"), value: t(`roles.${profile.role}`) },
    {
      key: "org",
      label: t("sns.account.org"),
      value: (places.length > 0 ? places : profile.trail).map((node) => node.name).join(" · "),
    },
  ];
  return (
    <Card title={t("sns.account.profile")}>
      <dl className="divide-y divide-stone-100">
        {rows.map((row) => (
          <div key={row.key} className="flex flex-wrap items-baseline gap-x-4 gap-y-0.5 py-2.5">
            <dt className="w-24 shrink-0 text-sm text-stone-500">{row.label}</dt>
            <dd className="min-w-0 flex-1 break-words">{row.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function changed(actionData: unknown): boolean {
  return typeof actionData === "object" && actionData !== null && "ok" in actionData;
}

function PasswordChange({ actionData }: { actionData: unknown }) {
  const { t } = useTranslation();
  const { lang, user } = useRoot();
  const busy = useNavigation().state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  const done = changed(actionData);
  const failure = done ? undefined : (actionData as FormError);
  const fields = failure?.error.fields ?? {};
  const field = (name: string) => (fields[name] ? localMessage(fields[name], lang) : undefined);
  // Clear the fields after every successful change (each submission brings a new actionData).
  useEffect(() => {
    if (changed(actionData)) formRef.current?.reset();
  }, [actionData]);
  return (
    <Form ref={formRef} method="post" className="flex max-w-md flex-col gap-4">
      <CsrfInput />
      <p className="text-sm text-stone-600">{t("sns.account.passwordLead")}</p>
      {done ? <Notice kind="success">{t("sns.account.done")}</Notice> : null}
      {failure ? (
        <Notice kind="error">
          {Object.keys(fields).length > 0
            ? t("sns.account.invalid")
            : localMessage(failure.error.message, lang)}
        </Notice>
      ) : null}
      {/* Lets password managers file the new password under the right account. */}
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={user?.username ?? ""}
        readOnly
        hidden
      />
      <Field
        label={t("sns.account.current")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={field("currentPassword")}
      />
      <Field
        label={t("sns.account.new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t("sns.account.newHint")}
        error={field("newPassword")}
      />
      <Field
        label={t("sns.account.confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={field("confirmPassword")}
      />
      <button
        type="submit"
        disabled={busy}
        className="min-h-11 self-start rounded-md bg-brand-500 px-5 font-medium text-white hover:bg-brand-600 disabled:opacity-50"
      >
        {busy ? t("sns.account.submitting") : t("sns.account.submit")}
      </button>
    </Form>
  );
}
