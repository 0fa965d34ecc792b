// What to count: the period (年/月/周/日), the date range and, optionally, some features. A GET form, so
// the figures are a link one can share and it works without JavaScript.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { PERIODS, type Period } from "../../stats/spec.ts";
import {
  USAGE_FEATURE_KEYS,
  USAGE_FEATURES,
  USAGE_GROUPS,
  type UsageGroup,
} from "../../stats/usage-features.ts";
import { buttonLink } from "../admin/Page.tsx";
import { useRoot } from "../useRoot.ts";
import { featureLabel } from "./usage-chart.ts";

const control =
  "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

export interface UsageFormValues {
  period: Period;
  from: string;
  to: string;
  /** Chosen features; empty: all. */
  features: string[];
}

export function UsageForm(props: { values: UsageFormValues }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { values } = props;
  const chosen = new Set(values.features);
  const groups = Object.keys(USAGE_GROUPS) as UsageGroup[];
  return (
    <Form
      method="get"
      aria-label={t("usage.form.label")}
      className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4 lg:grid-cols-[auto_10rem_10rem_1fr_auto] lg:items-end"
    >
      <fieldset className="col-span-2 flex flex-col gap-1 lg:col-span-1">
        <legend className="mb-1 text-sm font-medium text-stone-700">{t("usage.form.period")}</legend>
        <div className="flex overflow-hidden rounded-md border border-stone-300">
          {PERIODS.map((p) => (
            <label
              key={p}
              className="flex-1 cursor-pointer border-r border-stone-300 px-4 py-2 text-center text-sm last:border-r-0 has-[:checked]:bg-brand-500 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500"
            >
              <input
                type="radio"
                name="period"
                value={p}
                defaultChecked={values.period === p}
                className="sr-only"
              />
              {t(`usage.periods.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
        {t("usage.form.from")}
        <input type="date" name="from" defaultValue={values.from} required className={control} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
        {t("usage.form.to")}
        <input type="date" name="to" defaultValue={values.to} required className={control} />
      </label>
      <details className="col-span-2 rounded-md border border-stone-300 lg:col-span-1">
        <summary className="cursor-pointer px-3 py-2 text-sm text-stone-700">
          {t("usage.form.features")}：
          {chosen.size === 0
            ? t("usage.form.allFeatures")
            : t("usage.form.someFeatures", { count: chosen.size })}
        </summary>
        <div className="grid gap-3 border-t border-stone-200 p-3 sm:grid-cols-2">
          {groups.map((group) => (
            <fieldset key={group}>
              <legend className="mb-1 text-xs font-semibold text-stone-500">
                {lang === "en" ? USAGE_GROUPS[group].en : USAGE_GROUPS[group].zh}
              </legend>
              {USAGE_FEATURE_KEYS.filter((f) => USAGE_FEATURES[f].group === group).map((f) => (
                <label key={f} className="flex items-center gap-2 py-1 text-sm text-stone-700">
                  <input
                    type="checkbox"
                    name="features"
                    value={f}
                    defaultChecked={chosen.has(f)}
                    className="size-4 accent-brand-500"
                  />
                  {featureLabel(f, lang)}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </details>
      <div className="col-span-2 flex gap-2 lg:col-span-1">
        <button type="submit" className={`${buttonLink.primary} flex-1 lg:flex-none`}>
          {t("usage.form.apply")}
        </button>
        <Link to="/admin/stats/usage" className={`${buttonLink.secondary} flex-1 lg:flex-none`}>
          {t("usage.form.thisWeek")}
        </Link>
      </div>
    </Form>
  );
}
