// The staff console shell: header (app, account menu, language), side navigation, page outlet.
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { AccountMenu } from "../../components/admin/AccountMenu.tsx";
import { PhoneNav, SideNav } from "../../components/admin/AdminNav.tsx";
import { DemoBanner } from "../../components/ui.tsx";
import { useRoot } from "../../components/useRoot.ts";
import { requireStaff } from "../../core/route.server.ts";
import { unreadCount } from "../../notify/inbox.server.ts";
import { pendingReviewCount } from "../../selfservice/review.server.ts";
import type { Route } from "./+types/layout";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  // The navigation's badges: proposals waiting for this reviewer, unread in-site messages.
  const [pendingReviews, unreadInbox] = await Promise.all([
    pendingReviewCount(context.services, caller),
    unreadCount(context.services, caller),
  ]);
  return { pendingReviews, unreadInbox };
}

function LanguageLink() {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <a
      href={`/lang?to=${lang === "en" ? "zh-CN" : "en"}&next=${next}`}
      className="rounded-md px-2 py-1.5 text-sm text-stone-600 hover:bg-stone-100 hover:text-stone-900"
    >
      {t("nav.language")}
    </a>
  );
}

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("admin.shell.skip")}
      </a>
      <DemoBanner />
      <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-4">
          <PhoneNav />
          <Link to="/admin" className="flex items-center gap-2">
            <span className="text-xl font-bold text-brand-500">{t("app.name")}</span>
            <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700">
              {t("admin.shell.console")}
            </span>
          </Link>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <LanguageLink />
            <AccountMenu />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1">
        <aside className="hidden w-56 shrink-0 border-r border-stone-200 bg-white lg:block print:hidden">
          <SideNav />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
