import { useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { ACTIONS, can } from "./auth/permissions.ts";
import { localMessage } from "./components/format.ts";
import { useNonce } from "./components/nonce.tsx";
import { createI18n, DEFAULT_LANG, isLang, langFromCookie } from "./i18n/index.ts";

export function loader({ request, context }: Route.LoaderArgs) {
  const actor = context.caller?.actor;
  return {
    lang: langFromCookie(request.headers.get("cookie")),
    csrfToken: context.csrfToken,
    demo: context.demo,
    user: actor
      ? {
          username: actor.username,
          displayName: actor.displayName,
          role: actor.role,
          orgName: actor.orgName,
          actions: ACTIONS.filter((a) => can(actor.role, a)),
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function links() {
  return [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];
}

export function meta() {
  return [{ title: "邻里 · 社区综合服务平台" }];
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const lang = data?.lang ?? DEFAULT_LANG;
  const i18n = useMemo(() => createI18n(lang), [lang]);
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#c2410c" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  const local = (message: string) =>
    localMessage(message, isLang(i18n.language) ? i18n.language : DEFAULT_LANG);
  let title = t("errors.generic");
  let text = t("errors.genericText");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const body = error.data as { error?: { message?: string } } | undefined;
    if (status === 404) {
      title = t("errors.notFound");
      text = body?.error?.message ? local(body.error.message) : t("errors.notFoundText");
    } else if (status === 403) {
      title = t("errors.forbidden");
      text = body?.error?.message ? local(body.error.message) : text;
    } else if (body?.error?.message) {
      text = local(body.error.message);
    }
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-6xl font-bold text-brand-500">{status}</p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-stone-600">{text}</p>
      <Link to="/" className="rounded-md bg-brand-500 px-4 py-2 text-white hover:bg-brand-600">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
