// The portal's home page: the street office at a glance, its communities, enterprises and merchants.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isStaffRole } from "../../auth/permissions.ts";
import { metaT } from "../../components/site/meta.ts";
import { StatTiles } from "../../components/site/StatTiles.tsx";
import { UnitList } from "../../components/site/UnitList.tsx";
import { Notice } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { getPortalOverview, type PortalCommunity } from "../../portal/overview.server.ts";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  // One view of the portal, counted in memory (a visitor who is not signed in belongs to no org).
  context.services.usage.count("portal.home", context.caller?.actor.orgPath ?? "");
  return getPortalOverview(context.services);
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  const t = metaT(matches);
  const street = loaderData?.street?.name;
  if (!street) {
    return [
      { title: t("portal.meta.titleNoStreet") },
      { name: "description", content: t("portal.meta.descriptionNoStreet") },
    ];
  }
  return [
    { title: t("portal.meta.title", { street }) },
    {
      name: "description",
      content: t("portal.meta.description", {
        street,
        communities: loaderData.totals.communities,
        grids: loaderData.totals.grids,
      }),
    },
  ];
}

const section = "mx-auto max-w-6xl px-4";

export default function PortalHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { street, communities, units, totals } = loaderData;
  return (
    <>
      <section
        aria-labelledby="hero-title"
        className="bg-gradient-to-br from-brand-600 to-brand-700 text-white"
      >
        <div className={`${section} flex flex-col gap-6 py-10 sm:py-14`}>
          <div className="flex max-w-2xl flex-col gap-3">
            <h1 id="hero-title" className="text-2xl leading-snug font-bold sm:text-4xl">
              {street ? t("portal.hero.title", { street: street.name }) : t("portal.hero.titleNoStreet")}
            </h1>
            <p className="text-base text-brand-50 sm:text-lg">{t("portal.hero.lead")}</p>
          </div>
          {street ? (
            <StatTiles
              tone="onBrand"
              label={t("portal.stats.label")}
              items={[
                { key: "communities", label: t("portal.stats.communities"), value: totals.communities },
                { key: "grids", label: t("portal.stats.grids"), value: totals.grids },
                { key: "enterprises", label: t("portal.stats.enterprises"), value: totals.enterprises },
                { key: "merchants", label: t("portal.stats.merchants"), value: totals.merchants },
              ]}
            />
          ) : null}
        </div>
      </section>

      {street ? (
        <>
          <section
            id="communities"
            aria-labelledby="communities-title"
            className={`${section} scroll-mt-4 pt-10`}
          >
            <SectionHeading
              id="communities-title"
              title={t("portal.communities.title")}
              lead={t("portal.communities.lead", { count: totals.communities })}
            />
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
              {communities.map((community) => (
                <CommunityCard key={community.id} community={community} />
              ))}
            </ul>
          </section>

          <section aria-labelledby="units-title" className={`${section} pt-10`}>
            <SectionHeading id="units-title" title={t("portal.units.title")} lead={t("portal.units.lead")} />
            {units.length > 0 ? (
              <UnitList units={units} communityLabel={t("portal.units.community")} />
            ) : (
              <p className="text-stone-600">{t("portal.units.empty")}</p>
            )}
          </section>
        </>
      ) : (
        <div className={`${section} pt-10`}>
          <Notice>{t("portal.empty.noStreet")}</Notice>
        </div>
      )}

      <SignInCallToAction />
    </>
  );
}

function SectionHeading(props: { id: string; title: string; lead: string }) {
  return (
    <div className="mb-4 flex flex-col gap-1">
      <h2 id={props.id} className="text-xl font-semibold sm:text-2xl">
        {props.title}
      </h2>
      <p className="text-sm text-stone-500">{props.lead}</p>
    </div>
  );
}

function CommunityCard({ community }: { community: PortalCommunity }) {
  const { t } = useTranslation();
  const facts = [
    t("portal.communities.grids", { count: community.grids }),
    community.enterprises > 0 ? t("portal.communities.enterprises", { count: community.enterprises }) : null,
    community.merchants > 0 ? t("portal.communities.merchants", { count: community.merchants }) : null,
  ].filter((fact) => fact !== null);
  return (
    <li className="flex flex-col gap-1.5 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:gap-2 sm:p-4">
      <h3 className="text-base font-semibold text-stone-900 sm:text-lg">{community.name}</h3>
      <p className="flex flex-wrap gap-x-2.5 gap-y-0.5 text-sm text-stone-600">
        {facts.map((fact) => (
          <span key={fact}>{fact}</span>
        ))}
      </p>
    </li>
  );
}

function SignInCallToAction() {
  const { t } = useTranslation();
  const { user } = useRoot();
  const staff = user ? isStaffRole(user.role) : false;
  const button =
    "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-500 px-5 text-base font-medium text-white hover:bg-brand-600";
  return (
    <section aria-labelledby="cta-title" className={`${section} pt-12`}>
      <div className="flex flex-col gap-4 rounded-xl border border-brand-100 bg-brand-50 p-6 sm:flex-row sm:items-center sm:justify-between sm:p-8">
        <div className="flex flex-col gap-1">
          <h2 id="cta-title" className="text-lg font-semibold text-stone-900 sm:text-xl">
            {t("portal.cta.title")}
          </h2>
          <p className="text-sm text-stone-600">
            {user ? t("portal.cta.signedIn", { name: user.displayName }) : t("portal.cta.text")}
          </p>
        </div>
        {user ? (
          <Link to={staff ? "/admin" : "/sns"} className={button}>
            {staff ? t("portal.cta.enterAdmin") : t("portal.cta.enterSns")}
          </Link>
        ) : (
          <Link to="/login" className={button}>
            {t("portal.cta.login")}
          </Link>
        )}
      </div>
    </section>
  );
}
