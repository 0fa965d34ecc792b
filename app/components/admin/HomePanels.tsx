// The console home page's three views: admins see their area, the auditor the log, units their own org.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OrgKind } from "../../../db/types.ts";
import { Card } from "../ui.tsx";
import { type AuditRowView, AuditTable } from "./AuditTable.tsx";
import { cell, DataTable, EmptyState } from "./Page.tsx";

function StatCard(props: { label: string; value: number; to?: string; tone?: "red" }) {
  const body = (
    <>
      <p className="text-sm text-stone-500">{props.label}</p>
      <p
        className={`mt-1 text-2xl font-semibold tabular-nums sm:text-3xl ${props.tone === "red" && props.value > 0 ? "text-red-700" : "text-stone-900"}`}
      >
        {props.value.toLocaleString("zh-CN")}
      </p>
    </>
  );
  const box = "block rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4";
  return props.to ? (
    <Link to={props.to} className={`${box} transition-colors hover:border-brand-500`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}

const statGrid = "grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-5";

export function ScopeHome(props: {
  counts: { communities: number; grids: number; enterprises: number; merchants: number; accounts: number };
  communities: { id: number; name: string; grids: number; units: number; accounts: number }[];
}) {
  const { t } = useTranslation();
  const c = props.counts;
  return (
    <div className="flex flex-col gap-6">
      <div className={statGrid}>
        <StatCard label={t("admin.home.communities")} value={c.communities} to="/admin/orgs" />
        <StatCard label={t("admin.home.grids")} value={c.grids} to="/admin/orgs" />
        <StatCard label={t("admin.home.enterprises")} value={c.enterprises} to="/admin/orgs" />
        <StatCard label={t("admin.home.merchants")} value={c.merchants} to="/admin/orgs" />
        <StatCard label={t("admin.home.accounts")} value={c.accounts} to="/admin/accounts" />
      </div>
      <section>
        <h2 className="mb-3 text-base font-semibold">{t("admin.home.communityList")}</h2>
        {props.communities.length === 0 ? (
          <EmptyState>{t("admin.home.noCommunities")}</EmptyState>
        ) : (
          <DataTable
            head={[
              t("admin.home.colCommunity"),
              t("admin.home.colGrids"),
              t("admin.home.colUnits"),
              t("admin.home.colAccounts"),
            ]}
          >
            {props.communities.map((row) => (
              <tr key={row.id} className="hover:bg-stone-50">
                <td className={`${cell} font-medium`}>
                  <Link to={`/admin/orgs?node=${row.id}`} className="text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className={`${cell} tabular-nums`}>{row.grids}</td>
                <td className={`${cell} tabular-nums`}>{row.units}</td>
                <td className={`${cell} tabular-nums`}>{row.accounts}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export function AuditHome(props: {
  counts: { today: number; week: number; failedLogins: number; denials: number };
  latest: AuditRowView[];
}) {
  const { t } = useTranslation();
  const c = props.counts;
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatCard label={t("admin.home.today")} value={c.today} to="/admin/audit" />
        <StatCard label={t("admin.home.week")} value={c.week} to="/admin/audit" />
        <StatCard
          label={t("admin.home.failedLogins")}
          value={c.failedLogins}
          tone="red"
          to="/admin/audit?event=auth.login_failed"
        />
        <StatCard
          label={t("admin.home.denials")}
          value={c.denials}
          tone="red"
          to="/admin/audit?event=access.denied"
        />
      </div>
      <section>
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("admin.home.latest")}</h2>
          <Link to="/admin/audit" className="text-sm text-brand-700 hover:underline">
            {t("admin.home.viewAll")} →
          </Link>
        </div>
        {props.latest.length === 0 ? (
          <EmptyState>{t("admin.audit.empty")}</EmptyState>
        ) : (
          <AuditTable entries={props.latest} />
        )}
      </section>
    </div>
  );
}

export function UnitHome(props: {
  unit: { name: string; kind: OrgKind };
  community: { name: string } | null;
  links: { to: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={t("admin.home.unit")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-stone-500">{t("admin.orgs.name")}</dt>
          <dd className="font-medium">{props.unit.name}</dd>
          <dt className="text-stone-500">{t("admin.orgs.kind")}</dt>
          <dd>{t(`orgKinds.${props.unit.kind}`)}</dd>
          <dt className="text-stone-500">{t("admin.home.unitCommunity")}</dt>
          <dd>{props.community?.name ?? "—"}</dd>
        </dl>
      </Card>
      <Card title={t("admin.home.quick")}>
        <ul className="flex flex-col gap-2 text-sm">
          {props.links.map((l) => (
            <li key={l.to}>
              <Link to={l.to} className="text-brand-700 hover:underline">
                {l.label} →
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
