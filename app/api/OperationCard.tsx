// One API operation on the docs page: method, path, summary, permission, parameters, schemas, curl.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { api } from "../i18n/api.ts";
import type { DocOperation, DocText } from "./docs.server.ts";

export type DocsLabels = (typeof api)[keyof typeof api];

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-800",
  POST: "bg-sky-100 text-sky-800",
  PATCH: "bg-amber-100 text-amber-800",
  DELETE: "bg-rose-100 text-rose-800",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-16 shrink-0 rounded px-2 py-0.5 text-center font-mono text-xs font-bold ${METHOD_COLOURS[method] ?? "bg-stone-100"}`}
    >
      {method}
    </span>
  );
}

export function Code({ children }: { children: ReactNode }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-stone-900 p-3 text-xs leading-relaxed text-stone-100">
      <code>{children}</code>
    </pre>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return <h4 className="mt-4 mb-2 text-sm font-semibold text-stone-700">{children}</h4>;
}

export function OperationCard(props: { op: DocOperation; labels: DocsLabels; pick: (t: DocText) => string }) {
  const { op, labels, pick } = props;
  const { t } = useTranslation();
  const other = (text: DocText) => (pick(text) === text.zh ? text.en : text.zh);
  return (
    <section id={op.id} className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <MethodBadge method={op.method} />
        <code className="font-mono text-sm font-semibold break-all">{op.path}</code>
      </div>
      <h3 className="mt-2 text-base font-semibold">{pick(op.summary)}</h3>
      <p className="text-sm text-stone-500">{other(op.summary)}</p>
      <p className="mt-2 text-sm">
        <span className="text-stone-500">
          {labels.access}
          {labels.colon}
        </span>
        {op.access === "public" ? (
          labels.public
        ) : op.access === "signed-in" ? (
          labels.signedIn
        ) : (
          <>
            <code className="rounded bg-brand-50 px-1 font-mono text-xs">{op.access}</code>{" "}
            <span className="text-stone-600">
              ({op.roles.map((r) => t(`roles.${r}`)).join(labels.listSeparator)})
            </span>
          </>
        )}
      </p>

      {op.params.length > 0 && (
        <>
          <Heading>{labels.parameters}</Heading>
          <ul className="divide-y divide-stone-100 border-y border-stone-200 text-sm">
            <li className="hidden gap-3 py-1 text-xs text-stone-500 sm:grid sm:grid-cols-[10rem_minmax(0,1fr)_minmax(0,1fr)]">
              <span>{labels.name}</span>
              <span>{labels.type}</span>
              <span>{labels.description}</span>
            </li>
            {op.params.map((p) => (
              <li
                key={`${p.in}-${p.name}`}
                className="grid gap-1 py-2 sm:grid-cols-[10rem_minmax(0,1fr)_minmax(0,1fr)] sm:gap-3"
              >
                <div>
                  <code className="font-mono text-xs font-semibold">{p.name}</code>
                  <span className="ml-2 text-xs text-stone-500">
                    {p.in} · {p.required ? labels.required : labels.optional}
                  </span>
                </div>
                <code className="font-mono text-xs break-words text-stone-700">{p.type}</code>
                <span className="text-xs">{p.description ? pick(p.description) : ""}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {op.request && (
        <>
          <Heading>
            {labels.requestBody}
            {op.request.required ? "" : ` · ${labels.optionalBody}`}
          </Heading>
          <Code>{op.request.shape}</Code>
          <p className="mt-2 mb-1 text-xs text-stone-500">{labels.example}</p>
          <Code>{op.request.example}</Code>
        </>
      )}

      <Heading>
        {labels.response} · {op.response.status} {pick(op.response.description)}
      </Heading>
      {op.response.shape ? (
        <Code>{op.response.shape}</Code>
      ) : (
        <p className="text-sm text-stone-500">{op.response.contentType ?? labels.noContent}</p>
      )}

      {op.errors.length > 0 && (
        <>
          <Heading>{labels.errors}</Heading>
          <ul className="flex flex-wrap gap-2 text-xs">
            {op.errors.map((e) => (
              <li key={e.status} className="rounded border border-stone-200 px-2 py-0.5">
                <span className="font-mono font-semibold">{e.status}</span> {pick(e.description)}
              </li>
            ))}
          </ul>
        </>
      )}

      <Heading>{labels.curl}</Heading>
      <Code>{op.curl}</Code>
    </section>
  );
}
