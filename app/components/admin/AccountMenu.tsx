// The signed-in user's menu in the console header: who, my account, sign out (here or everywhere).
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useLocation } from "react-router";
import { CsrfInput } from "../ui.tsx";
import { useRoot } from "../useRoot.ts";

export function AccountMenu() {
  const { t } = useTranslation();
  const { user } = useRoot();
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    ref.current?.removeAttribute("open");
  }, [location.pathname]);
  if (!user) return null;
  const role = t(`roles.${user.role}`);
  return (
    <details ref={ref} className="relative">
      <summary
        aria-label={t("admin.shell.accountMenu")}
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-1.5 py-1 hover:bg-stone-100 [&::-webkit-details-marker]:hidden"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-brand-500 text-sm font-semibold text-white"
        >
          {user.displayName.slice(0, 1)}
        </span>
        <span className="hidden text-left leading-tight sm:block">
          <span className="block text-sm font-medium">{user.displayName}</span>
          <span className="block max-w-48 truncate text-xs text-stone-500">
            {role} · {user.orgName}
          </span>
        </span>
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 text-stone-400" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 011.4 0L10 10.6l3.3-3.3a1 1 0 111.4 1.4l-4 4a1 1 0 01-1.4 0l-4-4a1 1 0 010-1.4z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-64 rounded-lg border border-stone-200 bg-white p-2 shadow-lg">
        <div className="border-b border-stone-100 px-3 pt-1 pb-3">
          <p className="font-medium">{user.displayName}</p>
          <p className="text-xs text-stone-500">
            {user.username} · {role}
          </p>
          <p className="mt-0.5 text-xs text-stone-500">{user.orgName}</p>
        </div>
        <Link to="/admin/account" className="mt-1 block rounded-md px-3 py-2 text-sm hover:bg-stone-100">
          {t("nav.account")}
        </Link>
        <Form method="post" action="/logout" reloadDocument>
          <CsrfInput />
          <button
            type="submit"
            className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-stone-100"
          >
            {t("nav.logout")}
          </button>
        </Form>
        <Form method="post" action="/logout" reloadDocument>
          <CsrfInput />
          <input type="hidden" name="everywhere" value="1" />
          <button
            type="submit"
            className="block w-full rounded-md px-3 py-2 text-left text-sm text-red-700 hover:bg-red-50"
          >
            {t("nav.logoutEverywhere")}
          </button>
        </Form>
      </div>
    </details>
  );
}
