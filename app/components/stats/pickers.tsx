// The controls every statistics page shares: live or as of a day, and a saved view's filter.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useQueryApi } from "../query/api.ts";
import { border, control } from "../query/parts.tsx";
import { useLoad } from "../query/useLoad.ts";
import { groupViews } from "../query/views.ts";

/** 实时 or 截至 a day. `value` "" is live. */
export function MomentPicker(props: {
  value: string;
  onChange: (day: string) => void;
  /** The day 截至 starts from when chosen (today by default). */
  defaultDay: string;
  legend?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const live = props.value === "";
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-stone-700">
        {props.legend ?? t("stats.when.label")}
      </legend>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <label className="inline-flex min-h-10 items-center gap-1.5 text-sm">
          <input type="radio" name={id} checked={live} onChange={() => props.onChange("")} />
          {t("stats.when.live")}
        </label>
        <label className="inline-flex min-h-10 items-center gap-1.5 text-sm">
          <input
            type="radio"
            name={id}
            checked={!live}
            onChange={() => props.onChange(props.value || props.defaultDay)}
          />
          {t("stats.when.asOf")}
        </label>
        <input
          type="date"
          aria-label={t("stats.when.date")}
          value={props.value}
          disabled={live}
          onChange={(e) => {
            // A half-typed date reads as ""; keep the last whole one until the day is complete.
            if (e.target.value) props.onChange(e.target.value);
          }}
          className={`${control} ${border()} w-auto disabled:bg-stone-100 disabled:text-stone-400`}
        />
      </div>
    </fieldset>
  );
}

/** A saved view of the table whose filter counts apply (the reader's own and those shared with them). */
export function ViewPicker(props: {
  table: string;
  value: number | null;
  onChange: (viewId: number | null) => void;
  /** The option that sets no view ("全部记录", or on a dashboard "按各图表自己的设置"). */
  noneLabel?: string;
}) {
  const { t } = useTranslation();
  const api = useQueryApi(props.table);
  const views = useLoad(`views:${props.table}`, (signal) => api.views(signal), 0);
  const { mine, shared } = groupViews(views.data ?? []);
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
      {t("stats.view.label")}
      <select
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null)}
        className={`${control} ${border()} font-normal`}
      >
        <option value="">{props.noneLabel ?? t("stats.view.all")}</option>
        {/* A saved choice whose view is not listed (yet, or any more) stays selectable by its number. */}
        {props.value !== null && !(views.data ?? []).some((v) => v.id === props.value) ? (
          <option value={props.value}>#{props.value}</option>
        ) : null}
        {mine.length > 0 ? (
          <optgroup label={t("stats.view.mine")}>
            {mine.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {shared.length > 0 ? (
          <optgroup label={t("stats.view.shared")}>
            {shared.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}
