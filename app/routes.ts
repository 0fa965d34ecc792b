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

      // The community database: records, table design, dictionaries, recycle bin, uploaded files.
      route("data/:table", "routes/admin/data/list.tsx"),
      route("data/:table/bulk", "routes/admin/data/bulk.ts"),
      route("data/:table/new", "routes/admin/data/new.tsx"),
      route("records/:id", "routes/admin/data/record.tsx"),
      route("records/:id/history", "routes/admin/data/history.tsx"),
      route("records/:id/panel", "routes/admin/data/panel.ts"),
      route("recycle", "routes/admin/data/recycle.tsx"),
      route("tables", "routes/admin/schema/tables.tsx"),
      route("tables/:table", "routes/admin/schema/fields.tsx"),
      route("dictionaries", "routes/admin/schema/dictionaries.tsx"),
      route("dictionaries/:key", "routes/admin/schema/dictionary.tsx"),
      route("files", "routes/admin/files/upload.ts"),
      route("files/:id", "routes/admin/files/download.ts"),
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
    // The community database: table design, dictionaries, records and the recycle bin.
    route("tables", "routes/api/tables.ts"),
    route("tables/:id", "routes/api/table.ts"),
    route("tables/:id/fields", "routes/api/table-fields.ts"),
    route("tables/:id/records", "routes/api/table-records.ts"),
    route("tables/:id/records/search", "routes/api/table-records-search.ts"),
    route("tables/:id/recycle-bin", "routes/api/table-recycle-bin.ts"),
    route("tables/:id/query", "routes/api/table-query.ts"),
    route("tables/:id/facets", "routes/api/table-facets.ts"),
    route("tables/:id/stats", "routes/api/table-stats.ts"),
    route("tables/:id/totals", "routes/api/table-totals.ts"),
    route("tables/:id/views", "routes/api/table-views.ts"),
    route("tables/:id/colours", "routes/api/table-colours.ts"),
    route("tables/:id/marks", "routes/api/table-marks.ts"),
    route("tables/:id/marks/undo", "routes/api/table-marks-undo.ts"),
    route("views/:id", "routes/api/view.ts"),
    route("colours/:id", "routes/api/colour.ts"),
    route("fields/:id", "routes/api/field.ts"),
    route("fields/:id/move", "routes/api/field-move.ts"),
    route("fields/:id/restore", "routes/api/field-restore.ts"),
    route("dictionaries", "routes/api/dictionaries.ts"),
    route("dictionaries/:id", "routes/api/dictionary.ts"),
    route("dictionaries/:id/options", "routes/api/dictionary-options.ts"),
    route("dictionaries/:id/merge", "routes/api/dictionary-merge.ts"),
    route("records/restore", "routes/api/records-restore.ts"),
    route("records/purge-preview", "routes/api/records-purge-preview.ts"),
    route("records/purge", "routes/api/records-purge.ts"),
    route("records/:id", "routes/api/record.ts"),
    route("records/:id/history", "routes/api/record-history.ts"),
    route("records/:id/reveal", "routes/api/record-reveal.ts"),
    route("*", "routes/api/not-found.ts"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
