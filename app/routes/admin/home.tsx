// Console home: real numbers for the caller's scope (admins), the log (auditor) or their own unit.
import { useTranslation } from "react-i18next";
import { AdminErrorBoundary } from "../../components/admin/ErrorPanel.tsx";
import { AuditHome, ScopeHome, UnitHome } from "../../components/admin/HomePanels.tsx";
import { adminTitle } from "../../components/admin/meta.ts";
import { PageHeader } from "../../components/admin/Page.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { requireStaff, run } from "../../core/route.server.ts";
import { consoleOverview } from "../../org/overview.server.ts";
import type { Route } from "./+types/home";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return run(() => consoleOverview(context.services, caller));
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "home", loaderData?.scopeName);
}

export default function Home({ loaderData: overview }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user } = useRoot();
  const actions: readonly string[] = user?.actions ?? [];
  return (
    <>
      <PageHeader
        title={`${overview.scopeName} · ${t("admin.titles.home")}`}
        description={
          user
            ? `${t("admin.home.greeting", { name: user.displayName })} · ${t(`roles.${user.role}`)}`
            : undefined
        }
      />
      {overview.kind === "scope" ? (
        <ScopeHome counts={overview.counts} communities={overview.communities} />
      ) : overview.kind === "audit" ? (
        <AuditHome counts={overview.counts} latest={overview.latest} />
      ) : (
        <UnitHome
          unit={overview.unit}
          community={overview.community}
          links={[
            ...(actions.includes("org.read") ? [{ to: "/admin/orgs", label: t("admin.nav.orgs") }] : []),
            ...(actions.includes("token.manage")
              ? [{ to: "/admin/tokens", label: t("admin.nav.tokens") }]
              : []),
            { to: "/admin/account", label: t("nav.account") },
          ]}
        />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
