// The dashboard page's controls: which dashboard, live or as of a day, 对比 with a second moment, and a
// saved view's filter over every chart.
import { useTranslation } from "react-i18next";
import { border, control } from "../query/parts.tsx";
import { type DashboardChoice, daysBefore } from "./dashboard.ts";
import { MomentPicker, ViewPicker } from "./pickers.tsx";
import type { Board } from "./useDashboard.ts";

export function DashboardToolbar(props: {
  boards: Board[];
  board: Board | undefined;
  choice: DashboardChoice;
  onChange: (patch: Partial<DashboardChoice>) => void;
  today: string;
}) {
  const { t } = useTranslation();
  const { choice, onChange, boards } = props;
  const builtin = boards.find((b) => b.id === null);
  const mine = boards.filter((b) => b.id !== null && b.mine);
  const shared = boards.filter((b) => b.id !== null && !b.mine);
  const comparing = choice.compare !== null;
  return (
    <div className="grid grid-cols-1 gap-4 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:grid-cols-2 sm:p-4 xl:grid-cols-4 print:hidden">
      <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-stone-700">
        {t("stats.dashboard.choose")}
        <select
          value={props.board?.id ?? ""}
          onChange={(e) => onChange({ board: e.target.value ? Number(e.target.value) : null })}
          className={`${control} ${border()} font-normal`}
        >
          {builtin ? <option value="">{t("stats.dashboard.builtin", { name: builtin.name })}</option> : null}
          {!builtin ? <option value="">{t("stats.loading")}</option> : null}
          {mine.length > 0 ? (
            <optgroup label={t("stats.dashboard.mine")}>
              {mine.map((b) => (
                <option key={b.id} value={b.id!}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {shared.length > 0 ? (
            <optgroup label={t("stats.dashboard.sharedWithMe")}>
              {shared.map((b) => (
                <option key={b.id} value={b.id!}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <MomentPicker value={choice.asOf} defaultDay={props.today} onChange={(asOf) => onChange({ asOf })} />
      <div className="flex flex-col gap-1">
        <label className="inline-flex min-h-10 items-center gap-2 text-sm font-medium text-stone-700">
          <input
            type="checkbox"
            checked={comparing}
            onChange={(e) => onChange({ compare: e.target.checked ? daysBefore(props.today, 30) : null })}
          />
          {t("stats.when.compare")}
        </label>
        {comparing ? (
          <MomentPicker
            value={choice.compare ?? ""}
            defaultDay={daysBefore(props.today, 30)}
            onChange={(compare) => onChange({ compare })}
            legend={t("stats.when.compareDate")}
          />
        ) : (
          <p className="text-xs text-stone-500">{t("stats.when.compareHint")}</p>
        )}
      </div>
      <ViewPicker
        table="people"
        value={choice.viewId}
        onChange={(viewId) => onChange({ viewId })}
        noneLabel={t("stats.view.each")}
      />
    </div>
  );
}
