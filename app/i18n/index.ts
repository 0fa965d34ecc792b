// i18n: Simplified Chinese first, English available. Each area keeps its strings in its own file.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { fieldTypes } from "../schema/field-types/i18n.ts";
import { admin } from "./admin.ts";
import { api } from "./api.ts";
import { backupsEn } from "./backups/en.ts";
import { backupsZh } from "./backups/zh-CN.ts";
import { channelsEn } from "./channels/en.ts";
import { channelsZh } from "./channels/zh-CN.ts";
import { common } from "./common.ts";
import { gridEn } from "./grid/en.ts";
import { gridZh } from "./grid/zh-CN.ts";
import { noticesEn } from "./notices/en.ts";
import { noticesZh } from "./notices/zh-CN.ts";
import { portal } from "./portal.ts";
import { printEn } from "./print/en.ts";
import { printZh } from "./print/zh-CN.ts";
import { queryEn } from "./query/en.ts";
import { queryZh } from "./query/zh-CN.ts";
import { recordsEn } from "./records/en.ts";
import { recordsZh } from "./records/zh-CN.ts";
import { schemaEn } from "./schema/en.ts";
import { schemaZh } from "./schema/zh-CN.ts";
import { selfServiceEn } from "./selfservice/en.ts";
import { selfServiceZh } from "./selfservice/zh-CN.ts";
import { sns } from "./sns.ts";
import { statsEn } from "./stats/en.ts";
import { statsZh } from "./stats/zh-CN.ts";
import { statsReport } from "./stats-report.ts";
import { transferEn } from "./transfer/en.ts";
import { transferZh } from "./transfer/zh-CN.ts";
import { usageEn } from "./usage/en.ts";
import { usageZh } from "./usage/zh-CN.ts";

export const LANGS = ["zh-CN", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh-CN";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

// The community database's pages keep their strings in their own files, read as t("records.…") and
// t("schema.…").
const records = { "zh-CN": recordsZh, en: recordsEn };
const schema = { "zh-CN": schemaZh, en: schemaEn };
// The grid (t("grid.…")) and its query panels (t("query.…")).
const grid = { "zh-CN": gridZh, en: gridEn };
const query = { "zh-CN": queryZh, en: queryEn };
// Imports and exports (t("transfer.…")).
const transfer = { "zh-CN": transferZh, en: transferEn };
// Statistics: dashboards, the chart builder and reports (t("stats.…")).
const stats = { "zh-CN": statsZh, en: statsEn };
// Reviewed self-service updates: 我的信息, 消息 and the review queue (t("selfservice.…")).
const selfservice = { "zh-CN": selfServiceZh, en: selfServiceEn };
// Backups of the database and files (t("backups.…")).
const backups = { "zh-CN": backupsZh, en: backupsEn };
// Mass notices: compose, campaigns and their reports (t("notices.…")); rules, groups, the outbox, the
// channels' settings, the console inbox and the unsubscribe page (t("channels.…")).
const notices = { "zh-CN": noticesZh, en: noticesEn };
const channels = { "zh-CN": channelsZh, en: channelsEn };
// Template printing: templates, print jobs, the designer (t("print.…")).
const print = { "zh-CN": printZh, en: printEn };
// Usage statistics of the platform (t("usage.…")).
const usage = { "zh-CN": usageZh, en: usageEn };

const resources = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    {
      translation: {
        ...common[lang],
        admin: admin[lang],
        api: api[lang],
        backups: backups[lang],
        channels: channels[lang],
        fieldTypes: fieldTypes[lang],
        grid: grid[lang],
        query: query[lang],
        notices: notices[lang],
        portal: portal[lang],
        print: print[lang],
        records: records[lang],
        schema: schema[lang],
        selfservice: selfservice[lang],
        sns: sns[lang],
        stats: stats[lang],
        statsReport: statsReport[lang],
        transfer: transfer[lang],
        usage: usage[lang],
      },
    },
  ]),
);

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** The language from the `lang` cookie; Chinese unless the user chose English. */
export function langFromCookie(cookieHeader: string | null): Lang {
  const match = /(?:^|;\s*)lang=([^;]+)/.exec(cookieHeader ?? "");
  const value = match ? decodeURIComponent(match[1]!) : undefined;
  return isLang(value) ? value : DEFAULT_LANG;
}
