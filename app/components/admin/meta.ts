// <title> for console pages, in the reader's language (meta() runs outside React, so no hooks).
import { admin } from "../../i18n/admin.ts";
import type { RootData } from "../../root.tsx";

type TitleKey = keyof (typeof admin)["zh-CN"]["titles"];

export function adminTitle(
  matches: readonly ({ id: string; loaderData?: unknown } | undefined)[],
  key: TitleKey,
  lead?: string,
) {
  const root = matches.find((m) => m?.id === "root")?.loaderData as RootData | undefined;
  const lang = root?.lang ?? "zh-CN";
  const strings = admin[lang];
  const parts = [
    lead,
    strings.titles[key],
    lead ? null : strings.shell.console,
    lang === "en" ? "Linli" : "邻里",
  ];
  return [{ title: parts.filter(Boolean).join(" · ") }];
}
