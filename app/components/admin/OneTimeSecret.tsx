// A secret (password, API token) shown once, with a copy button.
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

export function OneTimeSecret(props: {
  title: ReactNode;
  value: string;
  label: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(props.value);
    setCopied(true);
  };
  return (
    <section
      className="rounded-lg border border-green-200 bg-green-50 p-4 sm:p-5"
      role="status"
      aria-live="polite"
    >
      <h2 className="font-semibold text-green-900">{props.title}</h2>
      <p className="mt-1 text-sm text-green-800">{t("admin.secret.copyHint")}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <input
          readOnly
          aria-label={props.label}
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-green-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded-md bg-green-700 px-4 py-2 text-sm font-medium text-white hover:bg-green-800"
        >
          {copied ? t("admin.secret.copied") : t("admin.secret.copy")}
        </button>
      </div>
      {props.children}
    </section>
  );
}
