// The PDF as the server makes it: the template being edited (unsaved) filled with one record, as one
// label or a whole sheet, asked again about a second after each change (or at once with 刷新预览). The
// PDF shows in a frame from an object URL (the previous one revoked); a refusal (a tag that is no
// field, a picture that is none) shows its message instead, and its field errors go to the elements.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../i18n/index.ts";
import type { PrintTemplate } from "../../print/template.ts";
import { buttonLink } from "../admin/Page.tsx";
import { localMessage } from "../format.ts";
import { ChoiceField } from "./fields.tsx";

const DEBOUNCE_MS = 800;

export interface PreviewRecord {
  id: number;
  name: string;
  systemId: string;
}

/** The preview request's body: the saved template by ref when nothing changed, else the template itself. */
export function previewBody(
  template: PrintTemplate,
  ref: string | null,
  dirty: boolean,
  recordId: number | null,
  fullSheet: boolean,
) {
  const which =
    ref && !dirty
      ? { ref }
      : // A template still without a name previews all the same; saving asks for one.
        { template: { ...template, name: template.name.trim() || "预览" } };
  return { ...which, ...(recordId ? { recordId } : {}), fullSheet };
}

interface Shown {
  url: string | null;
  error: string | null;
  loading: boolean;
}

export function PdfPreview(props: {
  /** JSON of the request body (see previewBody): a new one asks again. */
  body: string;
  /** The element ids of the template in the body, for its field errors. */
  ids: readonly number[];
  name: string;
  records: readonly PreviewRecord[];
  recordId: number | null;
  onRecord(id: number): void;
  fullSheet: boolean;
  onFullSheet(fullSheet: boolean): void;
  csrf: string;
  lang: Lang;
  /** After each answer: the field errors (none when the PDF came), against the ids sent. */
  onChecked(fields: Record<string, string>, ids: readonly number[]): void;
}) {
  const { t } = useTranslation();
  const k = (key: string) => t(`print.designer.preview.${key}`);
  const [shown, setShown] = useState<Shown>({ url: null, error: null, loading: false });
  const [asked, setAsked] = useState(0);
  const now = useRef(false);
  const current = useRef<string | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );

  // Where the site's security policy refuses to frame the PDF, say so and offer the new window instead.
  const [framable, setFramable] = useState(true);
  useEffect(() => {
    const refused = (e: SecurityPolicyViolationEvent) => {
      // Browsers report a blocked blob: URL as its scheme alone.
      if (/^blob(:|$)/.test(e.blockedURI) && /frame|child|default/.test(e.effectiveDirective))
        setFramable(false);
    };
    document.addEventListener("securitypolicyviolation", refused);
    return () => document.removeEventListener("securitypolicyviolation", refused);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const delay = now.current ? 0 : DEBOUNCE_MS;
    now.current = false;
    const timer = setTimeout(async () => {
      const { body, ids, csrf, lang } = latest.current;
      setShown((s) => ({ ...s, loading: true }));
      try {
        const response = await fetch("/api/v1/prints/preview", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/pdf", "x-csrf-token": csrf },
          body,
          credentials: "same-origin",
          signal: controller.signal,
        });
        if (response.ok) {
          const url = URL.createObjectURL(await response.blob());
          if (current.current) URL.revokeObjectURL(current.current);
          current.current = url;
          setShown({ url, error: null, loading: false });
          latest.current.onChecked({}, ids);
          return;
        }
        const json = (await response.json().catch(() => null)) as {
          error?: { message?: string; fields?: Record<string, string> };
        } | null;
        const message =
          json?.error?.message ?? `预览失败（${response.status}） / The preview failed (${response.status})`;
        setShown((s) => ({ ...s, error: localMessage(message, lang), loading: false }));
        latest.current.onChecked(json?.error?.fields ?? {}, ids);
      } catch {
        if (controller.signal.aborted) return;
        setShown((s) => ({
          ...s,
          error: localMessage("网络连接失败，请稍后再试 / The network failed; try again shortly", lang),
          loading: false,
        }));
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [props.body, asked]);

  return (
    <div className="flex flex-col gap-3" data-preview>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        {props.records.length > 0 ? (
          <ChoiceField
            id="preview-record"
            label={k("record")}
            value={props.recordId ?? props.records[0]!.id}
            options={props.records.map((r) => ({ value: r.id, label: `${r.name} · ${r.systemId}` }))}
            onChange={props.onRecord}
          />
        ) : (
          <p className="text-sm text-stone-500">{k("noRecords")}</p>
        )}
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs font-medium text-stone-600">{k("mode")}</legend>
          <div className="inline-flex rounded-md border border-stone-300 bg-white p-0.5">
            {([false, true] as const).map((sheet) => (
              <label
                key={String(sheet)}
                className={`flex min-h-10 cursor-pointer items-center rounded px-3 text-sm ${
                  props.fullSheet === sheet ? "bg-brand-500 text-white" : "text-stone-700 hover:bg-stone-100"
                }`}
              >
                <input
                  type="radio"
                  name="preview-mode"
                  className="sr-only"
                  checked={props.fullSheet === sheet}
                  onChange={() => props.onFullSheet(sheet)}
                />
                {k(sheet ? "sheet" : "single")}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <button
          type="button"
          onClick={() => {
            now.current = true;
            setAsked((n) => n + 1);
          }}
          className="min-h-11 rounded-md border border-stone-300 bg-white px-3 text-sm font-medium hover:bg-stone-100"
        >
          {k("refresh")}
        </button>
        {shown.url && !shown.error ? (
          <a
            href={shown.url}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
          >
            {k("open")}
          </a>
        ) : null}
        <span className="text-xs text-stone-500" aria-live="polite">
          {shown.loading ? k("loading") : k("hint")}
        </span>
      </div>
      {shown.error ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {t("print.designer.preview.failed", { message: shown.error })}
        </div>
      ) : shown.url && !framable ? (
        <div className="flex flex-col items-start gap-3 rounded-md border border-stone-200 bg-stone-50 px-4 py-6 text-sm text-stone-700">
          <p>{k("blocked")}</p>
          <a href={shown.url} target="_blank" rel="noopener" className={`${buttonLink.primary} min-h-11`}>
            {k("open")}
          </a>
        </div>
      ) : shown.url ? (
        <iframe
          key={shown.url}
          src={`${shown.url}#view=Fit`}
          title={t("print.designer.preview.frame", { name: props.name })}
          className={`h-[26rem] w-full rounded-md border border-stone-200 bg-stone-100 sm:h-[34rem] ${
            shown.loading ? "opacity-60" : ""
          }`}
        />
      ) : (
        <div className="flex h-40 items-center justify-center rounded-md border border-dashed border-stone-300 text-sm text-stone-500">
          {shown.loading ? k("loading") : k("hint")}
        </div>
      )}
    </div>
  );
}
