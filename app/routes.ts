// The route table: public portal, sign-in, the resident area (/sns), the staff console (/admin),
// and the JSON API (/api/v1). Read top to bottom.
import { index, layout, prefix, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  layout("routes/portal/layout.tsx", [index("routes/portal/home.tsx")]),

  route("login", "routes/auth/login.tsx"),
  route("logout", "routes/auth/logout.ts"),
  route("lang", "routes/auth/lang.ts"),

  ...prefix("sns", [
    layout("routes/sns/layout.tsx", [
      index("routes/sns/home.tsx"),
      route("account", "routes/sns/account.tsx"),
    ]),
  ]),

  ...prefix("admin", [
    layout("routes/admin/layout.tsx", [
      index("routes/admin/home.tsx"),
      route("orgs", "routes/admin/orgs.tsx"),
      route("accounts", "routes/admin/accounts.tsx"),
      route("accounts/new", "routes/admin/account-new.tsx"),
      route("accounts/:id", "routes/admin/account-edit.tsx"),
      route("tokens", "routes/admin/tokens.tsx"),
      route("audit", "routes/admin/audit.tsx"),
      route("audit/export", "routes/admin/audit-export.ts"),
      route("account", "routes/admin/account.tsx"),
    ]),
  ]),

  ...prefix("api/v1", [
    route("openapi.json", "routes/api/openapi.ts"),
    route("docs", "routes/api/docs.tsx"),
    route("me", "routes/api/me.ts"),
    route("orgs", "routes/api/orgs.ts"),
    route("orgs/:id", "routes/api/org.ts"),
    route("accounts", "routes/api/accounts.ts"),
    route("accounts/:id", "routes/api/account.ts"),
    route("accounts/:id/reset-password", "routes/api/account-reset-password.ts"),
    route("tokens", "routes/api/tokens.ts"),
    route("tokens/:id", "routes/api/token.ts"),
    route("audit", "routes/api/audit.ts"),
    route("*", "routes/api/not-found.ts"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
