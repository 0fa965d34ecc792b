// 使用统计: how often each platform function was used, by year, month, ISO week or day (default: this
// week by day), as a chart and a table of totals. The filter is a GET form; bad dates come back beside it.
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { localMessage } from "../../../components/format.ts";
import { UsageChart } from "../../../components/stats/UsageChart.tsx";
import { UsageForm, type UsageFormValues } from "../../../components/stats/UsageForm.tsx";
import { UsageTotals } from "../../../components/stats/UsageTotals.tsx";
import { usedSeries } from "../../../components/stats/usage-chart.ts";
import { useRoot } from "../../../components/useRoot.ts";
import { requireStaff, runForm } from "../../../core/route.server.ts";
import { PERIODS, type Period } from "../../../stats/spec.ts";
import { type ResolvedUsageInput, usageWithInput } from "../../../stats/usage-query.server.ts";
import type { Route } from "./+types/usage";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const params = new URL(request.url).searchParams;
  return runForm(() =>
    usageWithInput(context.services, caller, {
      period: params.get("period") || undefined,
      from: params.get("from") || undefined,
      to: params.get("to") || undefined,
      features: params.getAll("features"),
    }),
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "usage");
}

export default function Usage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { lang, user } = useRoot();
  const [params] = useSearchParams();
  const failed = "error" in loaderData ? loaderData.error : null;
  const usage = "error" in loaderData ? null : loaderData.usage;
  const values = formValues(params, "error" in loaderData ? null : loaderData.asked);
  const scope = user
    ? t(user.role === "street_admin" ? "usage.scopeStreet" : "usage.scopeOrg", { org: user.orgName })
    : "";
  const drawn = usage ? usedSeries(usage.series) : [];
  return (
    <>
      <PageHeader
        title={t("admin.titles.usage")}
        description={
          <>
            {t("usage.intro")} {scope}
          </>
        }
      />
      <UsageForm key={JSON.stringify(values)} values={values} />
      {failed ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {Object.entries(failed.fields ?? {})
            .map(([field, m]) => `${fieldName(field, t)}：${localMessage(m, lang)}`)
            .join("；") || localMessage(failed.message, lang)}
        </p>
      ) : null}
      {usage && drawn.length === 0 ? <EmptyState>{t("usage.empty")}</EmptyState> : null}
      {usage && drawn.length > 0 ? (
        <div className="flex flex-col gap-4">
          <section className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4">
            <h2 className="text-base font-semibold text-stone-900">{t("usage.chart.title")}</h2>
            <p className="mb-3 text-xs text-stone-500">
              {t("usage.chart.description", {
                from: values.from,
                to: values.to,
                period: t(`usage.periods.${usage.period}`),
              })}{" "}
              {t("usage.lag")}
            </p>
            <UsageChart period={usage.period} periods={usage.periods} series={drawn} />
          </section>
          <section>
            <h2 className="mb-2 text-base font-semibold text-stone-900">{t("usage.table.title")}</h2>
            <UsageTotals totals={usage.totals} />
          </section>
        </div>
      ) : null}
    </>
  );
}

/** The form's name for a field a refusal points at. */
function fieldName(field: string, t: (key: string) => string): string {
  const key = field.split(".")[0];
  return key === "period" || key === "from" || key === "to" || key === "features"
    ? t(`usage.form.${key}`)
    : field;
}

/** The form shows the ask as the server understood it (defaults filled in), else what the URL says. */
function formValues(params: URLSearchParams, asked: ResolvedUsageInput | null): UsageFormValues {
  const period = params.get("period") ?? "";
  return {
    period: asked?.period ?? ((PERIODS as readonly string[]).includes(period) ? (period as Period) : "day"),
    from: asked?.from ?? params.get("from") ?? "",
    to: asked?.to ?? params.get("to") ?? "",
    // None ticked: every feature.
    features: params.getAll("features"),
  };
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
