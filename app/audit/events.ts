// Every kind of system-log event, with its payload. Domains emit these; app/audit writes them.
export interface AuditEvents {
  "auth.login": { method: "password" };
  "auth.login_failed": { username: string; reason: "unknown_user" | "bad_password" | "disabled" | "locked" };
  "auth.locked": { username: string; minutes: number };
  "auth.logout": Record<string, never>;
  "auth.logout_everywhere": { sessions: number };
  "auth.password_changed": Record<string, never>;
  "access.denied": { action: string; target?: string; path?: string };
  "org.created": { after: OrgSnapshot };
  "org.updated": { before: OrgSnapshot; after: OrgSnapshot };
  "account.created": { after: AccountSnapshot };
  "account.updated": { before: AccountSnapshot; after: AccountSnapshot };
  "account.password_reset": { username: string };
  "token.created": { name: string; prefix: string };
  "token.revoked": { name: string; prefix: string };
  "audit.exported": { filters: Record<string, unknown>; rows: number; format: string };
  "system.demo_loaded": { communities: number; accounts: number };
  "schema.table_created": { table: string; name: string; kind: string; parent?: string };
  "schema.table_renamed": { table: string; before: string; after: string };
  "schema.field_added": { table: string; field: string; label: string; type: string };
  "schema.field_updated": {
    table: string;
    field: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  };
  "schema.field_removed": { table: string; field: string; label: string };
  "schema.field_restored": { table: string; field: string; label: string };
  "schema.fields_reordered": { table: string; order: string[] };
  "dictionary.created": { dictionary: string; name: string };
  "dictionary.option_added": { dictionary: string; code: string; label: string };
  "dictionary.option_updated": {
    dictionary: string;
    code: string;
    before: OptionSnapshot;
    after: OptionSnapshot;
  };
  "dictionary.options_merged": { dictionary: string; from: OptionSnapshot; into: OptionSnapshot };
  "record.created": { table: string; systemId: string; fields: string[] };
  "record.updated": { table: string; systemId: string; fields: string[] };
  "record.deleted": { table: string; systemIds: string[] };
  "record.restored": { table: string; systemIds: string[] };
  "record.purged": { table: string; systemIds: string[]; reason: string; subRows: number; expired?: boolean };
  "record.revealed": { table: string; systemId: string; field: string };
  "file.uploaded": { file: string; name: string; size: number; mime: string };
  "view.created": { table: string; view: string; share: ViewShare };
  "view.updated": { table: string; view: string; owner: string; changes: string[] };
  "view.shared": { table: string; view: string; owner: string; before: ViewShare; after: ViewShare };
  "view.deleted": { table: string; view: string; owner: string };
  "mark.colour_added": { table: string; colour: string; meaning: string };
  "mark.colour_updated": { table: string; before: ColourSnapshot; after: ColourSnapshot };
  "mark.colour_removed": { table: string; colour: string; meaning: string };
  /** One row per batch, never per record: `batch` is the undo handle ("first-last" mark row ids). */
  "mark.applied": { table: string; colour: string | null; count: number; batch: string };
  "mark.undone": { table: string; batch: string; count: number; skipped: number };
  /** An import: a check ("checked", nothing written) or a commit and how it ended. */
  "transfer.imported": {
    table: string;
    job: number;
    file: string;
    format: string;
    mode: string;
    atomic: boolean;
    counts: Record<string, number>;
    outcome: "checked" | "done" | "cancelled" | "failed" | "interrupted";
  };
  "transfer.exported": {
    table: string;
    job: number | null;
    format: string;
    rows: number;
    columns: string[];
    masked: boolean;
    subTables: string[];
  };
  /** A dashboard or pivot report saved, changed or deleted; a report exported (what, as of when). */
  "stats.saved": {
    kind: "dashboard" | "report";
    id: number;
    name: string;
    shared: boolean;
    created: boolean;
  };
  "stats.deleted": { kind: "dashboard" | "report"; id: number; name: string };
  "stats.exported": { report: number; name: string; format: string; asOf: string | null; rows: number };
}

/** Who a saved view is shared with: nobody, a role in the owner's community, or everyone of an org. */
export interface ViewShare {
  share: "private" | "role" | "org";
  role?: string;
  org?: string;
}

export interface ColourSnapshot {
  colour: string;
  meaning: string;
}

export interface OptionSnapshot {
  code: string;
  label: string;
  colour?: string | null;
}

export type AuditEventType = keyof AuditEvents;

export interface OrgSnapshot {
  name: string;
  kind: string;
  parentId: number | null;
  path: string;
}

export interface AccountSnapshot {
  username: string;
  displayName: string;
  mobile: string | null;
  role: string;
  orgId: number;
  status: string;
}

export const AUDIT_EVENT_TYPES = [
  "auth.login",
  "auth.login_failed",
  "auth.locked",
  "auth.logout",
  "auth.logout_everywhere",
  "auth.password_changed",
  "access.denied",
  "org.created",
  "org.updated",
  "account.created",
  "account.updated",
  "account.password_reset",
  "token.created",
  "token.revoked",
  "audit.exported",
  "system.demo_loaded",
  "schema.table_created",
  "schema.table_renamed",
  "schema.field_added",
  "schema.field_updated",
  "schema.field_removed",
  "schema.field_restored",
  "schema.fields_reordered",
  "dictionary.created",
  "dictionary.option_added",
  "dictionary.option_updated",
  "dictionary.options_merged",
  "record.created",
  "record.updated",
  "record.deleted",
  "record.restored",
  "record.purged",
  "record.revealed",
  "file.uploaded",
  "view.created",
  "view.updated",
  "view.shared",
  "view.deleted",
  "mark.colour_added",
  "mark.colour_updated",
  "mark.colour_removed",
  "mark.applied",
  "mark.undone",
  "transfer.imported",
  "transfer.exported",
  "stats.saved",
  "stats.deleted",
  "stats.exported",
] as const satisfies readonly AuditEventType[];
