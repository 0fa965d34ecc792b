// The resident area's shell, phone first: a top bar with the app name and the account menu, a top nav
// on wide screens and a bottom tab bar on phones. Visitors are sent to sign in; staff may look around.
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { isStaffRole } from "../../auth/permissions.ts";
import { AccountMenu } from "../../components/site/AccountMenu.tsx";
import { SnsTabBar, SnsTopNav } from "../../components/site/SnsNav.tsx";
import { DemoBanner } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { requireCaller } from "../../core/route.server.ts";
import { unreadCount } from "../../notify/inbox.server.ts";
import type { Route } from "./+types/layout";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = requireCaller(context, request);
  // The 消息 tab's badge.
  return { unread: await unreadCount(context.services, caller) };
}

export default function SnsLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { unread } = loaderData;
  const { user } = useRoot();
  return (
    <div className="flex min-h-screen flex-col">
      <DemoBanner />
      <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4">
          <Link to="/sns" className="flex min-h-14 items-center gap-2">
            <span className="text-xl font-bold text-brand-500">{t("sns.appName")}</span>
            <span className="hidden text-sm text-stone-500 min-[400px]:inline">{t("sns.areaName")}</span>
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <SnsTopNav unread={unread} />
            <AccountMenu />
          </div>
        </div>
      </header>
      {user && isStaffRole(user.role) ? <StaffBanner role={user.role} /> : null}
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 pt-5 pb-24 sm:pt-8 sm:pb-12">
        <Outlet />
      </main>
      <SnsTabBar unread={unread} />
    </div>
  );
}

function StaffBanner(props: { role: string }) {
  const { t } = useTranslation();
  return (
    <div className="border-b border-sky-200 bg-sky-50 text-sm text-sky-900">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 px-4 py-1">
        <p className="py-2">{t("sns.staff.banner", { role: t(`roles.${props.role}`) })}</p>
        <Link
          to="/admin"
          className="inline-flex min-h-11 items-center font-medium underline underline-offset-2"
        >
          {t("sns.staff.toAdmin")}
        </Link>
      </div>
    </div>
  );
}
