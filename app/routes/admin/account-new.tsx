// New account: role limited to what the caller may grant, org from the caller's tree, password generated
// (shown once, on this page) or typed.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { accountFormOptions, createAccount, generatePassword } from "../../auth/accounts.server.ts";
import { PersonFields, RoleOrgFields } from "../../components/admin/AccountFields.tsx";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { OneTimeSecret } from "../../components/admin/OneTimeSecret.tsx";
import { buttonLink, PageHeader } from "../../components/admin/Page.tsx";
import { useFormErrors } from "../../components/formErrors.tsx";
import { Button, Card, CsrfInput, Field } from "../../components/ui.tsx";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import { formToObject } from "../../core/validate.ts";
import type { Route } from "./+types/account-new";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => accountFormOptions(context.services, caller));
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { generate, password, ...fields } = formToObject(await request.formData());
  const generated = generate === "1" || !password ? generatePassword() : null;
  return runForm(async () => {
    const account = await createAccount(context.services, caller, {
      ...fields,
      password: generated ?? password,
    });
    return { created: { id: account.id, username: account.username }, password: generated };
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "accountNew");
}

const SHOWN = ["username", "displayName", "mobile", "role", "orgId", "password"];

export default function AccountNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = useFormErrors(actionData, SHOWN);
  const busy = useNavigation().state === "submitting";
  const [generate, setGenerate] = useState(true);
  const { roles, orgs } = loaderData;
  const created = actionData && "created" in actionData ? actionData : null;

  if (created) {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <PageHeader title={t("admin.accountForm.created", { username: created.created.username })} />
        {created.password ? (
          <OneTimeSecret
            title={t("admin.accountForm.password")}
            value={created.password}
            label={t("admin.accountForm.password")}
          >
            <p className="mt-2 text-sm text-green-800">{t("admin.accountForm.oneTime")}</p>
          </OneTimeSecret>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link to={`/admin/accounts/${created.created.id}`} className={buttonLink.primary}>
            {t("admin.accountForm.view")}
          </Link>
          <Link to="/admin/accounts/new" className={buttonLink.secondary}>
            {t("admin.accountForm.another")}
          </Link>
          <Link to="/admin/accounts" className={buttonLink.secondary}>
            {t("admin.accountForm.backToList")}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t("admin.titles.accountNew")}
        actions={
          <Link to="/admin/accounts" className="text-sm text-brand-700 hover:underline">
            ← {t("admin.accountForm.backToList")}
          </Link>
        }
      />
      <Card>
        <Form method="post" className="flex flex-col gap-4">
          <CsrfInput />
          {errors.notice}
          <Field
            label={t("admin.accounts.username")}
            name="username"
            required
            autoComplete="off"
            hint={t("admin.accountForm.usernameHint")}
            error={errors.field("username")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <PersonFields error={errors.field} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <RoleOrgFields
              roles={roles}
              orgs={orgs}
              role={roles.includes("community_admin") ? "community_admin" : roles[0]!}
              error={errors.field}
            />
          </div>
          <fieldset className="flex flex-col gap-3 rounded-md border border-stone-200 p-3">
            <legend className="px-1 text-sm font-medium text-stone-700">
              {t("admin.accountForm.password")}
            </legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="generate"
                value="1"
                checked={generate}
                onChange={(e) => setGenerate(e.currentTarget.checked)}
                className="size-4 accent-brand-500"
              />
              {t("admin.accountForm.generate")}
            </label>
            {generate && !errors.field("password") ? null : (
              <Field
                label={t("admin.accountForm.password")}
                name="password"
                type="password"
                autoComplete="new-password"
                hint={t("admin.accountForm.passwordHint")}
                error={errors.field("password")}
              />
            )}
          </fieldset>
          <div>
            <Button disabled={busy}>{t("admin.accountForm.create")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
