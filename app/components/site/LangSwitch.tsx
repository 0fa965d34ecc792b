// The link to the other language: /lang sets the cookie and comes back to this page.
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useRoot } from "../useRoot.ts";

export function LangSwitch(props: { className?: string }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const location = useLocation();
  const to = lang === "en" ? "zh-CN" : "en";
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <a href={`/lang?to=${to}&next=${next}`} hrefLang={to} lang={to} className={props.className}>
      {t("nav.language")}
    </a>
  );
}
