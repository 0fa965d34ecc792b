// One account: edit name, mobile, role, org and status; reset its password (the new one shown once).
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { accountFormOptions, getAccount, resetPassword, updateAccount } from "../../auth/accounts.server.ts";
import { PersonFields, RoleOrgFields } from "../../components/admin/AccountFields.tsx";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { OneTimeSecret } from "../../components/admin/OneTimeSecret.tsx";
import { PageHeader, StatusBadge } from "../../components/admin/Page.tsx";
import { formatMinute } from "../../components/format.ts";
import { useFormErrors } from "../../components/formErrors.tsx";
import { Button, Card, CsrfInput, Notice } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { invalid } from "../../core/errors.ts";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import { formToObject } from "../../core/validate.ts";
import type { Route } from "./+types/account-edit";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { account, orgs, roles } = await run(async () => ({
    account: await getAccount(context.services, caller, Number(params.id)),
    ...(await accountFormOptions(context.services, caller)),
  }));
  return { account, orgs, roles, isSelf: account.id === caller.actor.id };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { intent, _csrf, ...fields } = formToObject(await request.formData());
  const id = Number(params.id);
  return runForm(async () => {
    if (intent === "update") {
      await updateAccount(context.services, caller, id, fields);
      return { saved: Date.now() };
    }
    if (intent === "reset") return resetPassword(context.services, caller, id);
    throw invalid("未知操作 / Unknown operation");
  });
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "accountEdit", loaderData?.account.username);
}

const SHOWN = ["displayName", "mobile", "role", "orgId", "status"];

export default function AccountEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { account, orgs, roles, isSelf } = loaderData;
  const errors = useFormErrors(actionData, SHOWN);
  const busy = useNavigation().state === "submitting";
  const canWrite =
    (useRoot().user?.actions.includes("account.write") ?? false) && roles.includes(account.role);
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  const newPassword = actionData && "password" in actionData ? actionData.password : null;
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {account.displayName}
            <span className="text-base font-normal text-stone-500">@{account.username}</span>
            <StatusBadge tone={account.status === "active" ? "green" : "stone"}>
              {t(`admin.accounts.${account.status}`)}
            </StatusBadge>
          </span>
        }
        description={[
          t("admin.accountEdit.createdAt", { date: formatMinute(account.createdAt) }),
          account.lastLoginAt
            ? t("admin.accountEdit.lastLogin", { date: formatMinute(account.lastLoginAt) })
            : t("admin.accounts.never"),
        ].join(" · ")}
        actions={
          <Link to="/admin/accounts" className="text-sm text-brand-700 hover:underline">
            ← {t("admin.accountForm.backToList")}
          </Link>
        }
      />
      <div className="grid items-start gap-4 lg:grid-cols-[1fr_20rem]">
        <Card title={t("admin.accountEdit.details")}>
          {!canWrite ? (
            <Notice>{t("admin.accountEdit.readOnly")}</Notice>
          ) : (
            <Form key={saved ?? 0} method="post" className="flex flex-col gap-4">
              <CsrfInput />
              <input type="hidden" name="intent" value="update" />
              {saved ? <Notice kind="success">{t("admin.accountEdit.saved")}</Notice> : null}
              {errors.notice}
              <div className="grid gap-4 sm:grid-cols-2">
                <PersonFields
                  displayName={account.displayName}
                  mobile={account.mobile}
                  error={errors.field}
                />
              </div>
              {isSelf ? (
                <Notice>{t("admin.accountEdit.selfNote")}</Notice>
              ) : (
                <>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <RoleOrgFields
                      roles={roles}
                      orgs={orgs}
                      role={account.role}
                      orgId={account.orgId}
                      error={errors.field}
                    />
                  </div>
                  <fieldset className="flex flex-col gap-2">
                    <legend className="mb-1 text-sm font-medium text-stone-700">
                      {t("admin.accounts.status")}
                    </legend>
                    <div className="flex gap-6">
                      {(["active", "disabled"] as const).map((s) => (
                        <label key={s} className="flex items-center gap-2 text-sm">
                          <input
                            type="radio"
                            name="status"
                            value={s}
                            defaultChecked={account.status === s}
                            className="size-4 accent-brand-500"
                          />
                          {t(`admin.accounts.${s}`)}
                        </label>
                      ))}
                    </div>
                    <p className="text-xs text-stone-500">{t("admin.accountEdit.statusNote")}</p>
                  </fieldset>
                </>
              )}
              <div>
                <Button disabled={busy}>{t("common.save")}</Button>
              </div>
            </Form>
          )}
          {canWrite ? null : (
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-stone-500">{t("admin.accounts.role")}</dt>
              <dd>{t(`roles.${account.role}`)}</dd>
              <dt className="text-stone-500">{t("admin.accounts.org")}</dt>
              <dd>{account.orgName}</dd>
            </dl>
          )}
        </Card>
        {canWrite ? (
          <div className="flex flex-col gap-4">
            {newPassword ? (
              <OneTimeSecret
                title={t("admin.accountEdit.newPassword")}
                value={newPassword}
                label={t("admin.accountEdit.newPassword")}
              >
                <p className="mt-2 text-sm text-green-800">{t("admin.accountEdit.resetDone")}</p>
              </OneTimeSecret>
            ) : null}
            <Card title={t("admin.accountEdit.reset")}>
              <Form method="post" className="flex flex-col gap-3">
                <CsrfInput />
                <input type="hidden" name="intent" value="reset" />
                <p className="text-sm text-stone-600">{t("admin.accountEdit.resetText")}</p>
                <div>
                  <Button variant="secondary" disabled={busy}>
                    {t("admin.accountEdit.resetSubmit")}
                  </Button>
                </div>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
