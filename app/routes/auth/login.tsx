import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useNavigation } from "react-router";
import { sessionCookie } from "../../auth/cookies.server.ts";
import { login } from "../../auth/login.server.ts";
import { isStaffRole } from "../../auth/permissions.ts";
import { Button, CsrfInput, DemoBanner, Field, type FormError, Notice } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { runForm, safeNext } from "../../core/route.server.ts";
import type { Route } from "./+types/login";

export function meta() {
  return [{ title: "登录 · 邻里" }];
}

export function loader({ context }: Route.LoaderArgs) {
  if (context.caller) throw redirect(isStaffRole(context.caller.actor.role) ? "/admin" : "/sns");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  return runForm(async () => {
    const result = await login(context.services, {
      login: String(form.get("login") ?? ""),
      password: String(form.get("password") ?? ""),
      ip: context.ip,
      userAgent: request.headers.get("user-agent"),
    });
    const home = isStaffRole(result.role) ? "/admin" : "/sns";
    const next = safeNext(new URL(request.url).searchParams.get("next"), home);
    return redirect(next, { headers: { "Set-Cookie": sessionCookie(result.token, context.secure) } });
  });
}

const DEMO = ["admin", "fengsheng", "erlonglu", "auditor", "qiye", "shangjia", "zhangwei", "liuyang"];

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { demo } = useRoot();
  const busy = useNavigation().state === "submitting";
  const failure = actionData as FormError;
  return (
    <div className="min-h-screen">
      <DemoBanner />
      <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-10 sm:py-16">
        <div className="text-center">
          <Link to="/" className="text-3xl font-bold text-brand-500">
            {t("app.name")}
          </Link>
          <h1 className="mt-3 text-xl font-semibold">{t("login.title")}</h1>
          <p className="text-sm text-stone-500">{t("login.subtitle")}</p>
        </div>
        <Form
          method="post"
          className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
        >
          <CsrfInput />
          {failure ? <Notice kind="error">{failure.error.message}</Notice> : null}
          <Field
            label={t("login.login")}
            name="login"
            autoComplete="username"
            required
            autoFocus
            error={failure?.error.fields?.login}
          />
          <Field
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={failure?.error.fields?.password}
          />
          <Button disabled={busy}>{busy ? t("login.submitting") : t("login.submit")}</Button>
        </Form>
        {demo ? (
          <div className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-medium">{t("login.demoAccounts")}（Linli@2026）</p>
            <p className="mt-1 break-words font-mono text-xs">{DEMO.join(" · ")}</p>
          </div>
        ) : null}
      </main>
    </div>
  );
}
