// Personal API tokens: list, create (the secret shown once, with a curl example), revoke.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { createToken, listTokens, revokeToken } from "../../auth/tokens.server.ts";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { OneTimeSecret } from "../../components/admin/OneTimeSecret.tsx";
import { cell, DataTable, EmptyState, PageHeader, StatusBadge } from "../../components/admin/Page.tsx";
import { formatMinute } from "../../components/format.ts";
import { useFormErrors } from "../../components/formErrors.tsx";
import { Button, Card, CsrfInput, Field, Notice } from "../../components/ui.tsx";
import { invalid } from "../../core/errors.ts";
import { requireStaff, run, runForm } from "../../core/route.server.ts";
import type { Route } from "./+types/tokens";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const tokens = await run(() => listTokens(context.services, caller));
  return { tokens, origin: new URL(request.url).origin };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  return runForm(async () => {
    if (intent === "create") {
      const created = await createToken(context.services, caller, { name: form.get("name") ?? "" });
      return { created };
    }
    if (intent === "revoke") {
      const id = Number(form.get("id"));
      await revokeToken(context.services, caller, id);
      return { revoked: String(form.get("name") ?? "") };
    }
    throw invalid("未知操作 / Unknown operation");
  });
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "tokens");
}

export default function Tokens({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { tokens, origin } = loaderData;
  const errors = useFormErrors(actionData, ["name"]);
  const busy = useNavigation().state === "submitting";
  const created = actionData && "created" in actionData ? actionData.created : null;
  const revoked = actionData && "revoked" in actionData ? actionData.revoked : null;
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={t("admin.titles.tokens")}
        description={t("admin.tokens.intro")}
        actions={
          <a href="/api/v1/docs" className="text-sm text-brand-700 hover:underline">
            {t("admin.tokens.docs")} →
          </a>
        }
      />
      {created ? (
        <OneTimeSecret
          title={t("admin.tokens.createdTitle", { name: created.name })}
          value={created.token}
          label={t("admin.tokens.createdTitle", { name: created.name })}
        >
          <p className="mt-4 text-sm font-medium text-green-900">{t("admin.tokens.example")}</p>
          <pre className="mt-1 overflow-x-auto rounded-md bg-stone-900 p-3 text-xs text-stone-100">
            <code>{`curl -H "Authorization: Bearer ${created.token}" ${origin}/api/v1/me`}</code>
          </pre>
        </OneTimeSecret>
      ) : null}
      {revoked !== null ? (
        <Notice kind="success">{t("admin.tokens.revoked", { name: revoked })}</Notice>
      ) : null}
      <Card title={t("admin.tokens.createTitle")}>
        <Form
          key={created?.id ?? 0}
          method="post"
          className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end"
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          {errors.notice ? <div className="sm:col-span-2">{errors.notice}</div> : null}
          <Field
            label={t("admin.tokens.name")}
            name="name"
            required
            placeholder={t("admin.tokens.namePlaceholder")}
            error={errors.field("name")}
          />
          <Button disabled={busy}>{t("admin.tokens.create")}</Button>
        </Form>
      </Card>
      <section>
        <h2 className="mb-3 text-base font-semibold">{t("admin.tokens.list")}</h2>
        {tokens.length === 0 ? (
          <EmptyState>{t("admin.tokens.empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("admin.tokens.list")}
            head={[
              t("admin.tokens.name"),
              t("admin.tokens.prefix"),
              t("admin.tokens.createdAt"),
              t("admin.tokens.lastUsed"),
              t("admin.tokens.status"),
              t("common.actions"),
            ]}
          >
            {tokens.map((tok) => (
              <tr key={tok.id} className={tok.revokedAt ? "text-stone-400" : "hover:bg-stone-50"}>
                <td className={`${cell} font-medium`}>{tok.name}</td>
                <td className={`${cell} font-mono`}>{tok.prefix}…</td>
                <td className={`${cell} tabular-nums`}>{formatMinute(tok.createdAt)}</td>
                <td className={`${cell} tabular-nums`}>
                  {tok.lastUsedAt ? formatMinute(tok.lastUsedAt) : t("admin.tokens.neverUsed")}
                </td>
                <td className={cell}>
                  {tok.revokedAt ? (
                    <StatusBadge tone="stone">
                      {t("admin.tokens.revokedAt", { date: formatMinute(tok.revokedAt) })}
                    </StatusBadge>
                  ) : (
                    <StatusBadge tone="green">{t("admin.tokens.active")}</StatusBadge>
                  )}
                </td>
                <td className={cell}>
                  {tok.revokedAt ? null : (
                    <Form
                      method="post"
                      onSubmit={(e) => {
                        if (!window.confirm(t("admin.tokens.confirmRevoke", { name: tok.name })))
                          e.preventDefault();
                      }}
                    >
                      <CsrfInput />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={tok.id} />
                      <input type="hidden" name="name" value={tok.name} />
                      <button
                        type="submit"
                        disabled={busy}
                        className="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
                      >
                        {t("admin.tokens.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
