// What the check found: totals, problems by code with what each means, the first rejected rows, the cells
// an update will change (row, 系统编号, field, old → new) and a preview of the first accepted rows as
// they will be stored. The error report holds every rejected row.
import { useTranslation } from "react-i18next";
import { isLang } from "../../i18n/index.ts";
import { ALL_ROW_PROBLEM_CODES } from "../../transfer/import/problems.ts";
import { DataTable } from "../admin/Page.tsx";
import { localMessage } from "../format.ts";
import type { ImportResult } from "./api.ts";

const ROWS_SHOWN = 50;
const td = "px-3 py-1.5 align-top";

export function Totals(props: { items: { label: string; value: number; tone?: "good" | "bad" }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {props.items.map((item) => (
        <div key={item.label} className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2">
          <dt className="text-xs text-stone-500">{item.label}</dt>
          <dd
            className={`text-lg font-semibold ${
              item.tone === "bad" && item.value > 0
                ? "text-red-700"
                : item.tone === "good"
                  ? "text-green-700"
                  : "text-stone-900"
            }`}
          >
            {item.value.toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function CheckResults(props: { result: ImportResult; reportUrl: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : "zh-CN";
  const { result } = props;
  const { totals } = result;
  const sheetName = result.sheets.find((s) => s.index === result.sheet)?.name ?? "";
  const problems = Object.entries(result.problemCounts).sort((a, b) => b[1] - a[1]);
  const explain = (code: string) => {
    const pair = ALL_ROW_PROBLEM_CODES[code];
    return pair ? pair[lang === "en" ? 1 : 0] : code;
  };
  const changedCells = result.changes.reduce((n, r) => n + (r.changes?.length ?? 0), 0);
  const previewFields = [...new Set(result.preview.flatMap((r) => Object.keys(r.values)))];
  const mode = (result.options as { mode?: string }).mode;

  return (
    <section className="flex flex-col gap-4" aria-label={t("transfer.results.title")}>
      <p className="text-sm text-stone-600">
        {result.file} · {t("transfer.results.sheetInfo", { sheet: sheetName, row: result.headerRow })}
      </p>
      <Totals
        items={[
          { label: t("transfer.results.rows"), value: totals.rows },
          { label: t("transfer.results.accepted"), value: totals.accepted, tone: "good" },
          { label: t("transfer.results.rejected"), value: totals.rejected, tone: "bad" },
          { label: t("transfer.results.blank"), value: totals.blank },
          { label: t("transfer.results.unchanged"), value: totals.unchanged },
          { label: t("transfer.results.conflicts"), value: result.problemCounts.conflict ?? 0, tone: "bad" },
        ]}
      />

      {problems.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t("transfer.results.problems")}</h3>
          <ul className="flex flex-col gap-1 text-sm" data-testid="problem-summary">
            {problems.map(([code, count]) => (
              <li key={code} className="flex flex-wrap gap-x-2">
                <span className="font-medium text-red-700">{explain(code)}</span>
                <span className="text-stone-500">{t("transfer.results.problemCount", { count })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {result.rejected.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">
            {t("transfer.results.rejectedRows", { count: Math.min(ROWS_SHOWN, result.rejected.length) })}
          </h3>
          <DataTable
            tall
            caption={t("transfer.results.rejected")}
            head={[t("transfer.results.row"), t("transfer.results.field"), t("transfer.results.message")]}
          >
            {result.rejected.slice(0, ROWS_SHOWN).flatMap((r) =>
              r.problems.map((p, i) => (
                <tr key={`${r.row}-${i}`}>
                  <td className={`${td} tabular-nums`}>{r.row}</td>
                  <td className={`${td} whitespace-nowrap`}>{p.field}</td>
                  <td className={td}>{localMessage(p.message, lang)}</td>
                </tr>
              )),
            )}
          </DataTable>
        </div>
      ) : null}

      {props.reportUrl ? (
        <p className="text-sm">
          <a href={props.reportUrl} download className="font-medium text-brand-700 underline">
            {t("transfer.results.report")}
          </a>{" "}
          <span className="text-stone-500">{t("transfer.results.reportHint")}</span>
        </p>
      ) : null}

      {mode !== "add" ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t("transfer.results.changes")}</h3>
          {result.changes.length === 0 ? (
            <p className="text-sm text-stone-500">{t("transfer.results.noChanges")}</p>
          ) : (
            <>
              <p className="text-sm text-stone-600">
                {t("transfer.results.changesCount", { rows: result.changes.length, cells: changedCells })}
              </p>
              <DataTable
                tall
                caption={t("transfer.results.changes")}
                head={[
                  t("transfer.results.row"),
                  t("transfer.settings.systemId"),
                  t("transfer.results.field"),
                  `${t("transfer.results.old")} → ${t("transfer.results.new")}`,
                ]}
              >
                {result.changes.flatMap((r) =>
                  (r.changes ?? []).map((c) => (
                    <tr key={`${r.row}-${c.field}`}>
                      <td className={`${td} tabular-nums`}>{r.row}</td>
                      <td className={`${td} whitespace-nowrap`}>{r.systemId}</td>
                      <td className={`${td} whitespace-nowrap`}>{c.field}</td>
                      <td className={td}>
                        <span className="text-stone-500 line-through">{c.old || "—"}</span>
                        {" → "}
                        <span className="font-medium">{c.new || "—"}</span>
                      </td>
                    </tr>
                  )),
                )}
              </DataTable>
              {result.changes.length >= 1000 ? (
                <p className="text-xs text-stone-500">{t("transfer.results.changesMore", { count: 1000 })}</p>
              ) : null}
            </>
          )}
        </div>
      ) : null}

      {result.preview.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">
            {t("transfer.results.preview", { count: result.preview.length })}
          </h3>
          <DataTable
            tall
            caption={t("transfer.results.accepted")}
            head={[t("transfer.results.row"), t("transfer.results.action"), ...previewFields]}
          >
            {result.preview.map((r) => (
              <tr key={r.row}>
                <td className={`${td} tabular-nums`}>{r.row}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {r.action ? t(`transfer.results.actions.${r.action}`) : ""}
                </td>
                {previewFields.map((f) => (
                  <td key={f} className={`${td} whitespace-nowrap`}>
                    {r.values[f] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        </div>
      ) : (
        <p className="text-sm text-stone-500">{t("transfer.results.none")}</p>
      )}
    </section>
  );
}
