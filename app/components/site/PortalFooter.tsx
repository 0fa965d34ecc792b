// The portal's footer: the street office behind the site.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LangSwitch } from "./LangSwitch.tsx";

export function PortalFooter(props: { street: string | null }) {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex flex-col gap-1">
          {props.street ? (
            <p className="text-base font-semibold text-stone-800">
              {t("portal.footer.office", { street: props.street })}
            </p>
          ) : null}
          <p>{t("portal.footer.platform")}</p>
        </div>
        <nav aria-label={t("portal.footer.nav")} className="-mx-3 flex flex-wrap">
          <Link to="/" className="inline-flex min-h-11 items-center px-3 hover:text-stone-900">
            {t("portal.nav.home")}
          </Link>
          <Link to="/sns" className="inline-flex min-h-11 items-center px-3 hover:text-stone-900">
            {t("portal.nav.sns")}
          </Link>
          <LangSwitch className="inline-flex min-h-11 items-center px-3 hover:text-stone-900" />
        </nav>
      </div>
    </footer>
  );
}
