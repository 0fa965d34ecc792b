// GET /api/v1/docs — the readable API reference, server-rendered from the OpenAPI document.
import { Link } from "react-router";
import type { DocText } from "../../api/docs.server.ts";
import { docsView } from "../../api/docs.server.ts";
import { Code, MethodBadge, OperationCard } from "../../api/OperationCard.tsx";
import { DemoBanner } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { api } from "../../i18n/api.ts";
import type { Route } from "./+types/docs";

export function loader({ request }: Route.LoaderArgs) {
  return docsView(new URL(request.url).origin);
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.title ?? "Linli 邻里 API"} · 接口文档 API reference` }];
}

export default function ApiDocs({ loaderData: view }: Route.ComponentProps) {
  const { lang } = useRoot();
  const labels = api[lang];
  const pick = (text: DocText) => (lang === "en" ? text.en : text.zh);
  const switchTo = lang === "en" ? "zh-CN" : "en";
  return (
    <div className="min-h-screen bg-stone-50 text-stone-900">
      <DemoBanner />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <h1 className="text-lg font-bold">
            <span className="text-brand-500">{view.title}</span> · {labels.title}
          </h1>
          <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-500">
            v{view.version}
          </span>
          <nav className="ml-auto flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a className="text-brand-500 hover:underline" href="/api/v1/openapi.json">
              {labels.openapi}
            </a>
            <Link className="text-brand-500 hover:underline" to="/admin">
              {labels.console}
            </Link>
            <a className="text-brand-500 hover:underline" href={`/lang?to=${switchTo}&next=/api/v1/docs`}>
              {labels.language}
            </a>
          </nav>
        </div>
      </header>

      <div className="mx-auto max-w-6xl gap-8 px-4 py-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
        <nav aria-label={labels.contents} className="hidden lg:block">
          <div className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto text-sm">
            <p className="mb-2 font-semibold text-stone-500">{labels.contents}</p>
            <a href="#auth" className="block py-0.5 hover:text-brand-500">
              {labels.authTitle}
            </a>
            <a href="#errors" className="block py-0.5 hover:text-brand-500">
              {labels.errorsTitle}
            </a>
            {view.groups.map((g) => (
              <div key={g.tag} className="mt-3">
                <a href={`#tag-${g.tag}`} className="font-semibold hover:text-brand-500">
                  {pick(g.title)}
                </a>
                {g.operations.map((op) => (
                  <a
                    key={op.id}
                    href={`#${op.id}`}
                    className="flex items-center gap-2 py-0.5 hover:text-brand-500"
                  >
                    <MethodBadge method={op.method} />
                    <span className="truncate">{pick(op.summary)}</span>
                  </a>
                ))}
              </div>
            ))}
          </div>
        </nav>

        <main className="min-w-0 space-y-8">
          <section className="space-y-2">
            <p>{pick(view.description)}</p>
            <p className="text-sm">
              <span className="text-stone-500">
                {labels.baseUrl}
                {labels.colon}
              </span>
              <code className="font-mono break-all">{view.baseUrl}</code>
            </p>
          </section>

          <section id="auth" className="scroll-mt-4 rounded-lg border border-brand-500/30 bg-brand-50 p-4">
            <h2 className="text-lg font-semibold">{labels.authTitle}</h2>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
              {labels.authSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p className="mt-3 text-sm">{labels.authScope}</p>
            <p className="mt-2 text-sm">{labels.authCookie}</p>
            <div className="mt-3">
              <Code>{`export LINLI_TOKEN=lnl_…\ncurl ${view.baseUrl}/me -H "Authorization: Bearer $LINLI_TOKEN"`}</Code>
            </div>
            <Link
              to="/admin/tokens"
              className="mt-3 inline-block rounded-md bg-brand-500 px-4 py-2 text-sm text-white hover:bg-brand-600"
            >
              {labels.openTokens}
            </Link>
          </section>

          <section id="errors" className="scroll-mt-4">
            <h2 className="text-lg font-semibold">{labels.errorsTitle}</h2>
            <p className="my-2 text-sm">{labels.errorsText}</p>
            <Code>{view.errorShape}</Code>
          </section>

          {view.groups.map((g) => (
            <section key={g.tag} id={`tag-${g.tag}`} className="scroll-mt-4 space-y-4">
              <h2 className="border-b border-stone-200 pb-1 text-xl font-semibold">
                {pick(g.title)}{" "}
                <span className="text-sm font-normal text-stone-500">
                  {lang === "en" ? g.title.zh : g.title.en}
                </span>
              </h2>
              {g.operations.map((op) => (
                <OperationCard key={op.id} op={op} labels={labels} pick={pick} />
              ))}
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}
