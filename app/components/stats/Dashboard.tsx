// 统计分析 看板: the chosen dashboard's charts, live or as of a day, or each chart for two moments side by
// side (stacked on a phone) — how a newcomer sees what an import changed in the age pyramid. The owner of
// a saved dashboard may reorder and remove its charts here, or open one in the builder.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Moment } from "../../stats/results.ts";
import type { ChartSpec } from "../../stats/spec.ts";
import { buttonLink, EmptyState } from "../admin/Page.tsx";
import { ErrorNote, IconButton, secondaryButton } from "../query/parts.tsx";
import type { Loaded } from "../query/useLoad.ts";
import { type DashboardResult, useStatsApi } from "./api.ts";
import { ChartCard } from "./ChartCard.tsx";
import { DashboardToolbar } from "./DashboardToolbar.tsx";
import { choiceOf, type DashboardChoice, moveChart, paramsOf, removeChart } from "./dashboard.ts";
import { momentText } from "./shape.ts";
import { boardsOf, useDashboardData, useDashboardList } from "./useDashboard.ts";

export function Dashboard(props: { today: string }) {
  const { t } = useTranslation();
  const api = useStatsApi();
  const [params, setParams] = useSearchParams();
  const choice = choiceOf(params);
  const update = (patch: Partial<DashboardChoice>) =>
    setParams(paramsOf({ ...choice, ...patch }), { replace: true, preventScrollReset: true });
  const list = useDashboardList();
  const boards = boardsOf(list.data);
  const board = list.data ? (boards.find((b) => b.id === choice.board) ?? boards[0]) : undefined;
  const comparing = choice.compare !== null;
  const first = useDashboardData(board, choice.asOf, choice.viewId);
  const second = useDashboardData(board, choice.compare ?? "", choice.viewId, comparing);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [editError, setEditError] = useState<unknown>(null);

  const change = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setEditError(null);
    try {
      await run();
      list.reload();
    } catch (e) {
      setEditError(e);
    } finally {
      setBusy(false);
    }
  };
  const editable = !!board && board.id !== null && board.mine;
  const charts = board?.definition.charts ?? [];

  const actionsOf = (spec: ChartSpec, i: number) =>
    editing && editable ? (
      <>
        <IconButton
          label={t("stats.dashboard.moveUp", { title: spec.title })}
          disabled={busy || i === 0}
          onClick={() =>
            change(() => api.updateDashboard(board.id!, { definition: moveChart(board.definition, i, -1) }))
          }
        >
          ↑
        </IconButton>
        <IconButton
          label={t("stats.dashboard.moveDown", { title: spec.title })}
          disabled={busy || i === charts.length - 1}
          onClick={() =>
            change(() => api.updateDashboard(board.id!, { definition: moveChart(board.definition, i, 1) }))
          }
        >
          ↓
        </IconButton>
        <Link
          to={`/admin/stats/builder?dashboard=${board.id}&chart=${i}`}
          className="rounded-md px-2 py-2 text-sm text-stone-700 underline hover:bg-stone-100"
        >
          {t("stats.dashboard.editChart")}
        </Link>
        <IconButton
          label={t("stats.dashboard.remove", { title: spec.title })}
          tone="danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t("stats.dashboard.removeConfirm", { title: spec.title })))
              change(() => api.updateDashboard(board.id!, { definition: removeChart(board.definition, i) }));
          }}
        >
          ×
        </IconButton>
      </>
    ) : null;

  return (
    <div className="flex flex-col gap-4">
      <DashboardToolbar boards={boards} board={board} choice={choice} onChange={update} today={props.today} />
      {list.error ? <ErrorNote error={list.error} /> : null}
      {board ? (
        <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
          <p className="text-sm text-stone-500">
            {board.ownerName && !board.mine ? t("stats.dashboard.owner", { name: board.ownerName }) : null}
          </p>
          <div className="flex flex-wrap gap-2">
            <Link
              to={`/admin/stats/builder${board.id !== null && board.mine ? `?dashboard=${board.id}` : ""}`}
              className={buttonLink.secondary}
            >
              + {t("stats.dashboard.addChart")}
            </Link>
            {editable ? (
              <button type="button" className={secondaryButton} onClick={() => setEditing((e) => !e)}>
                {editing ? t("stats.dashboard.done") : t("stats.dashboard.edit")}
              </button>
            ) : null}
            {editable && editing ? (
              <button
                type="button"
                className={`${secondaryButton} text-red-700`}
                disabled={busy}
                onClick={() => {
                  if (window.confirm(t("stats.dashboard.deleteConfirm", { name: board.name })))
                    change(async () => {
                      await api.deleteDashboard(board.id!);
                      setEditing(false);
                      update({ board: null });
                    });
                }}
              >
                {t("stats.dashboard.deleteBoard")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      {editError ? <ErrorNote error={editError} /> : null}
      {board && charts.length === 0 ? <EmptyState>{t("stats.dashboard.noCharts")}</EmptyState> : null}
      {comparing ? (
        <div className="hidden grid-cols-2 gap-3 md:grid print:grid">
          <SideHeading loaded={first} asOf={choice.asOf} />
          <SideHeading loaded={second} asOf={choice.compare ?? ""} />
        </div>
      ) : null}
      <SideProblem loaded={first} />
      {comparing ? <SideProblem loaded={second} /> : null}
      <div className={comparing ? "flex flex-col gap-6" : "grid grid-cols-1 gap-4 lg:grid-cols-2"}>
        {charts.map((spec, i) =>
          comparing ? (
            <div key={`${i}-${spec.title}`} className="grid grid-cols-1 gap-3 md:grid-cols-2">
              <Slot loaded={first} index={i} spec={spec} actions={actionsOf(spec, i)} />
              <Slot loaded={second} index={i} spec={spec} />
            </div>
          ) : (
            <Slot
              key={`${i}-${spec.title}`}
              loaded={first}
              index={i}
              spec={spec}
              actions={actionsOf(spec, i)}
            />
          ),
        )}
      </div>
    </div>
  );
}

const momentLabel = (
  moment: Moment | undefined,
  asOf: string,
  t: (k: string, o?: Record<string, unknown>) => string,
) => (moment ? momentText(moment, t) : asOf ? t("stats.moment.asOf", { day: asOf }) : t("stats.when.live"));

function SideHeading(props: { loaded: Loaded<DashboardResult>; asOf: string }) {
  const { t } = useTranslation();
  return (
    <h2 className="text-sm font-semibold text-stone-700">
      {momentLabel(props.loaded.data?.moment, props.asOf, t)}
    </h2>
  );
}

/** A whole side refused (a date in the future, a view one may not read): the server's message. */
function SideProblem(props: { loaded: Loaded<DashboardResult> }) {
  return props.loaded.error ? <ErrorNote error={props.loaded.error} /> : null;
}

/** One chart of one side: drawn, failed, or a placeholder while it loads. */
function Slot(props: {
  loaded: Loaded<DashboardResult>;
  index: number;
  spec: ChartSpec;
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const outcome = props.loaded.data?.charts[props.index];
  const label = props.loaded.data ? momentText(props.loaded.data.moment, t) : undefined;
  if (!outcome || props.loaded.error)
    return (
      <section
        aria-label={props.spec.title}
        aria-busy={props.loaded.loading || undefined}
        className="flex min-w-0 flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4"
      >
        <h2 className="text-base font-semibold text-stone-900">{props.spec.title}</h2>
        <div className="flex h-72 items-center justify-center rounded-md bg-stone-50 text-sm text-stone-400">
          {props.loaded.loading ? t("stats.loading") : "—"}
        </div>
      </section>
    );
  return (
    <div aria-busy={props.loaded.loading || undefined} className={props.loaded.loading ? "opacity-60" : ""}>
      <ChartCard outcome={outcome} label={label} actions={props.actions} />
    </div>
  );
}
