// The resident's account: who they are and where they belong, and changing their own password.
import { useTranslation } from "react-i18next";
import { changeOwnPassword } from "../../auth/self.server.ts";
import { PasswordForm } from "../../components/PasswordForm.tsx";
import { metaT } from "../../components/site/meta.ts";
import { Card } from "../../components/ui.tsx";
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
    return result;
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
        <PasswordForm actionData={actionData} />
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
