// Page titles and descriptions in the reader's language. meta() has no hooks, so the language comes from
// the root loader's data among the matches, and the translation from a per-language i18n instance.
import type { TFunction } from "i18next";
import { createI18n, DEFAULT_LANG, isLang, type Lang } from "../../i18n/index.ts";

const translators = new Map<Lang, TFunction>();

export function metaT(matches: ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>): TFunction {
  const root = matches.find((match) => match?.id === "root")?.loaderData as { lang?: unknown } | undefined;
  const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
  let t = translators.get(lang);
  if (!t) {
    t = createI18n(lang).t;
    translators.set(lang, t);
  }
  return t;
}
