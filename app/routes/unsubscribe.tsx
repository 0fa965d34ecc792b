// The unsubscribe page of a notice's link /unsubscribe/:token (no sign-in: the signed link is the proof).
// GET asks "退订 {address} 的邮件通知？" with the masked address; the button POSTs back; mail programs also
// POST `List-Unsubscribe=One-Click` here themselves (RFC 8058; the server exempts this path from CSRF).
// A bad or forged link is a 400 "链接无效". The full address is never shown or logged.
import { useTranslation } from "react-i18next";
import { Form, isRouteErrorResponse, Link, useNavigation, useRouteError } from "react-router";
import { localMessage } from "../components/format.ts";
import { metaT } from "../components/site/meta.ts";
import { Button, DemoBanner } from "../components/ui.tsx";
import { useRoot } from "../components/useRoot.ts";
import { run, runForm } from "../core/route.server.ts";
import { describeUnsubscribe, unsubscribe } from "../notify/opt-out.server.ts";
import type { Route } from "./+types/unsubscribe";

export async function loader({ context, params }: Route.LoaderArgs) {
  return run(() => describeUnsubscribe(context.services, params.token));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const body = await request.text();
  const form = new URLSearchParams(body);
  // A mail program's one-click POST: it reads only the status, so a short answer is enough.
  if (form.get("List-Unsubscribe") === "One-Click")
    return runForm(async () => {
      await unsubscribe(context.services, params.token);
      return { oneClick: true as const };
    });
  return runForm(async () => ({ done: await unsubscribe(context.services, params.token) }));
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [
    { title: `${t("channels.unsubscribe.title")} · ${t("app.name")}` },
    { name: "robots", content: "noindex" },
  ];
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="min-h-screen">
      <DemoBanner />
      <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-10 sm:py-16">
        <div className="text-center">
          <Link to="/" className="text-3xl font-bold text-brand-500">
            {t("app.name")}
          </Link>
        </div>
        <div className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5 text-center shadow-sm">
          {children}
        </div>
      </main>
    </div>
  );
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const channel = t(`channels.unsubscribe.channel.${loaderData.channel}`, {
    defaultValue: loaderData.channel,
  });
  if (actionData && "error" in actionData) return <Invalid />;
  if (actionData)
    return (
      <Shell>
        <h1 className="text-xl font-semibold">{t("channels.unsubscribe.doneTitle")}</h1>
        <p className="text-[15px] text-stone-700" data-testid="unsubscribed">
          {t("channels.unsubscribe.done", { address: loaderData.address, channel })}
        </p>
        <p className="text-sm text-stone-500">{t("channels.unsubscribe.doneNote")}</p>
      </Shell>
    );
  return (
    <Shell>
      <h1 className="text-xl font-semibold">{t("channels.unsubscribe.title")}</h1>
      <p className="text-[15px] text-stone-700">
        {t("channels.unsubscribe.question", { address: loaderData.address, channel })}
      </p>
      <p className="text-sm text-stone-500">{t("channels.unsubscribe.note")}</p>
      <Form method="post" className="flex flex-col">
        <input type="hidden" name="confirm" value="1" />
        <Button disabled={busy}>{t("channels.unsubscribe.confirm")}</Button>
      </Form>
    </Shell>
  );
}

function Invalid({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Shell>
      <p className="text-5xl font-bold text-brand-500">400</p>
      <h1 className="text-xl font-semibold">{t("channels.unsubscribe.invalidTitle")}</h1>
      <p className="text-[15px] text-stone-700">{message ?? t("channels.unsubscribe.invalid")}</p>
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { lang } = useRoot();
  if (isRouteErrorResponse(error) && error.status === 400) {
    const message = (error.data as { error?: { message?: string } } | undefined)?.error?.message;
    return <Invalid message={message ? localMessage(message, lang) : undefined} />;
  }
  return (
    <Shell>
      <h1 className="text-xl font-semibold">{t("errors.generic")}</h1>
      <p className="text-[15px] text-stone-700">{t("errors.genericText")}</p>
    </Shell>
  );
}
