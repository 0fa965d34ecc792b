// Small pieces the query panels share: control styles, a colour swatch, an icon button, the error line.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isLang } from "../../i18n/index.ts";
import { localMessage } from "../format.ts";

export const control =
  "min-h-10 w-full min-w-0 rounded-md border bg-white px-2.5 py-1.5 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

export const border = (invalid?: boolean) => (invalid ? "border-red-500" : "border-stone-300");

export const smallButton =
  "inline-flex min-h-10 items-center gap-1 rounded-md px-2.5 py-1.5 text-sm text-stone-700 hover:bg-stone-100 disabled:opacity-50";

export const primaryButton =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-brand-500 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-50";

export const secondaryButton =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-1.5 text-sm text-stone-800 hover:bg-stone-100 disabled:opacity-50";

export function Swatch(props: { colour?: string | null; size?: "sm" | "md" }) {
  const size = props.size === "md" ? "size-5" : "size-3.5";
  return (
    <span
      aria-hidden="true"
      className={`inline-block ${size} shrink-0 rounded-full ring-1 ${props.colour ? "ring-black/10" : "ring-stone-300"}`}
      style={props.colour ? { backgroundColor: props.colour } : undefined}
    />
  );
}

/** A square button with a visible symbol and a spoken label. */
export function IconButton(props: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  disabled?: boolean;
  tone?: "danger";
}) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
      className={`inline-flex size-10 shrink-0 items-center justify-center rounded-md text-lg leading-none hover:bg-stone-100 disabled:opacity-40 ${
        props.tone === "danger" ? "text-red-700 hover:bg-red-50" : "text-stone-600"
      }`}
    >
      <span aria-hidden="true">{props.children}</span>
    </button>
  );
}

/** The reader's part of a server message ("中文 / English"), or a plain sentence for anything else. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : "zh-CN";
  return (error) => {
    const message =
      typeof error === "string"
        ? error
        : // Server refusals (ours and the grid's) carry a status; other errors are not for readers.
          typeof error === "object" &&
            error !== null &&
            "status" in error &&
            typeof (error as { message?: unknown }).message === "string"
          ? String((error as { message?: unknown }).message)
          : "";
    return message ? localMessage(message, lang) : t("query.errors.generic");
  };
}

/** The per-field messages of a server refusal (what exactly was wrong), in the reader's language. */
export function useErrorDetails(): (error: unknown) => string[] {
  const text = useErrorText();
  return (error) => {
    const fields =
      typeof error === "object" && error !== null && "status" in error
        ? (error as { fields?: Record<string, string> }).fields
        : undefined;
    const main = text(error);
    return [...new Set(Object.values(fields ?? {}).map(text))].filter((m) => m !== main);
  };
}

/** A refusal: its message, then what exactly was wrong. */
export function ErrorNote(props: { error: unknown }) {
  const text = useErrorText();
  const details = useErrorDetails()(props.error);
  return (
    <div role="alert" className="text-sm text-red-700">
      <p>{text(props.error)}</p>
      {details.length > 0 ? (
        <ul className="list-disc pl-5">
          {details.slice(0, 5).map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ErrorLine(props: { children: ReactNode; id?: string }) {
  return (
    <p id={props.id} role="alert" className="text-sm text-red-700">
      {props.children}
    </p>
  );
}
