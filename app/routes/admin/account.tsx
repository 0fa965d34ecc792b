// My account: who I am in the console, and changing my own password.
import { useTranslation } from "react-i18next";
import { changeOwnPassword } from "../../auth/self.server.ts";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { PageHeader } from "../../components/admin/Page.tsx";
import { PasswordForm } from "../../components/PasswordForm.tsx";
import { Card } from "../../components/ui.tsx";
import { requireStaff, runForm } from "../../core/route.server.ts";
import { formToObject } from "../../core/validate.ts";
import type { Route } from "./+types/account";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { actor } = await requireStaff(context, request);
  return {
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    orgName: actor.orgName,
    orgKind: actor.orgKind,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const input = formToObject(await request.formData());
  return runForm(() => changeOwnPassword(context.services, caller, input, context.sessionId));
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "account");
}

export default function MyAccount({ loaderData: me, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("admin.titles.account")} />
      <div className="grid items-start gap-4 md:grid-cols-[1fr_1.4fr]">
        <Card title={me.displayName}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-stone-500">{t("admin.profile.username")}</dt>
            <dd className="font-mono">{me.username}</dd>
            <dt className="text-stone-500">{t("admin.profile.role")}</dt>
            <dd>{t(`roles.${me.role}`)}</dd>
            <dt className="text-stone-500">{t("admin.profile.org")}</dt>
            <dd>
              {me.orgName}
              <span className="ml-1 text-stone-500">（{t(`orgKinds.${me.orgKind}`)}）</span>
            </dd>
          </dl>
        </Card>
        <Card title={t("admin.password.title")}>
          <PasswordForm actionData={actionData} />
        </Card>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
