// <title> of the statistics pages, in the reader's language (meta() runs outside React, so no hooks).
import { statsEn } from "../../i18n/stats/en.ts";
import { statsZh } from "../../i18n/stats/zh-CN.ts";
import type { RootData } from "../../root.tsx";

export function statsTitle(
  matches: readonly ({ id: string; loaderData?: unknown } | undefined)[],
  key: keyof typeof statsZh.titles,
  lead?: string,
) {
  const root = matches.find((m) => m?.id === "root")?.loaderData as RootData | undefined;
  const en = root?.lang === "en";
  const title = (en ? statsEn : statsZh).titles[key];
  return [{ title: [lead, title, en ? "Linli" : "邻里"].filter(Boolean).join(" · ") }];
}
