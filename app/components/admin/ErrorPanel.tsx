// Errors of a console page shown inside the console shell (status, a sentence, a way back).
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { localMessage } from "../format.ts";
import { useRoot } from "../useRoot.ts";

export function AdminErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { lang } = useRoot();
  let status = 500;
  let title = t("errors.generic");
  let text = t("errors.genericText");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const body = (error.data as { error?: { message?: string; fields?: Record<string, string> } } | undefined)
      ?.error;
    if (status === 404) title = t("errors.notFound");
    else if (status === 403) title = t("errors.forbidden");
    const fields = Object.values(body?.fields ?? {});
    if (fields.length > 0) text = fields.map((m) => localMessage(m, lang)).join("；");
    else if (body?.message) text = localMessage(body.message, lang);
    else if (status === 404) text = t("errors.notFoundText");
  }
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center" role="alert">
      <p className="text-5xl font-bold text-brand-500">{status}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-stone-600">{text}</p>
      <Link
        to="/admin"
        className="mt-2 rounded-md bg-brand-500 px-4 py-2 text-sm text-white hover:bg-brand-600"
      >
        {t("admin.nav.home")}
      </Link>
    </div>
  );
}
