// The resident's home: greeting, their community and grid, and what is in their community.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MapPinIcon } from "../../components/site/icons.tsx";
import { metaT } from "../../components/site/meta.ts";
import { StatTiles } from "../../components/site/StatTiles.tsx";
import { UnitList } from "../../components/site/UnitList.tsx";
import { Card, Notice } from "../../components/ui.tsx";
import { requireCaller, run } from "../../core/route.server.ts";
import { getResidentHome, type ResidentHome } from "../../sns/home.server.ts";
import type { Route } from "./+types/home";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = requireCaller(context, request);
  return run(() => getResidentHome(context.services, caller));
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: t("sns.meta.home") }, { name: "description", content: t("sns.meta.description") }];
}

export default function SnsHome({ loaderData }: Route.ComponentProps) {
  return loaderData.kind === "resident" ? (
    <ResidentView home={loaderData} />
  ) : (
    <StaffView home={loaderData} />
  );
}

function ResidentView({ home }: { home: Extract<ResidentHome, { kind: "resident" }> }) {
  const { t } = useTranslation();
  const { community, grid } = home;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold sm:text-3xl">
          {t("sns.home.greeting", { name: home.displayName })}
        </h1>
        {community ? (
          <p className="flex items-center gap-1.5 text-stone-600">
            <MapPinIcon className="size-5 shrink-0 text-brand-500" />
            <span>{[community.name, grid?.name].filter(Boolean).join(" · ")}</span>
          </p>
        ) : null}
      </div>

      {community ? (
        <>
          <StatTiles
            label={t("sns.home.stats.label")}
            items={[
              { key: "residents", label: t("sns.home.stats.residents"), value: home.residentAccounts },
              { key: "grids", label: t("sns.home.stats.grids"), value: home.grids.length },
              {
                key: "enterprises",
                label: t("sns.home.stats.enterprises"),
                value: home.units.filter((u) => u.kind === "enterprise").length,
              },
              {
                key: "merchants",
                label: t("sns.home.stats.merchants"),
                value: home.units.filter((u) => u.kind === "merchant").length,
              },
            ]}
          />

          <section aria-labelledby="grids-title" className="flex flex-col gap-3">
            <h2 id="grids-title" className="text-lg font-semibold">
              {t("sns.home.grids")}
            </h2>
            <ul className="flex flex-wrap gap-2">
              {home.grids.map((g) => {
                const mine = g.id === grid?.id;
                return (
                  <li
                    key={g.id}
                    className={`inline-flex items-center gap-2 rounded-md border px-3 py-2 text-[15px] ${
                      mine
                        ? "border-brand-500 bg-brand-50 font-medium text-brand-700"
                        : "border-stone-200 bg-white text-stone-700"
                    }`}
                  >
                    {g.name}
                    {mine ? (
                      <span className="rounded bg-brand-500 px-1.5 py-0.5 text-xs text-white">
                        {t("sns.home.myGrid")}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>

          <section aria-labelledby="units-title" className="flex flex-col gap-3">
            <h2 id="units-title" className="text-lg font-semibold">
              {t("sns.home.units")}
            </h2>
            {home.units.length > 0 ? (
              <UnitList units={home.units} />
            ) : (
              <p className="text-stone-600">{t("sns.home.noUnits")}</p>
            )}
          </section>
        </>
      ) : (
        <Notice>
          <strong className="block font-semibold">{t("sns.home.noPlace")}</strong>
          {t("sns.home.noPlaceText")}
        </Notice>
      )}
    </div>
  );
}

function StaffView({ home }: { home: Extract<ResidentHome, { kind: "staff" }> }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("sns.home.greeting", { name: home.displayName })}</h1>
      <Card title={t("sns.home.staffTitle")}>
        <p className="text-stone-700">{t("sns.home.staffText", { role: t(`roles.${home.role}`) })}</p>
        <Link
          to="/admin"
          className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-500 px-5 font-medium text-white hover:bg-brand-600"
        >
          {t("sns.staff.toAdmin")}
        </Link>
      </Card>
    </div>
  );
}
