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
  /** `linli keys rotate` finished: values re-sealed per kind of row, indexes rewritten; never key material. */
  "keys.rotated": {
    keyId: string;
    accounts: number;
    records: number;
    versions: number;
    requests: number;
    /** Queued notices' addresses, opt-outs' addresses, notice channels' secrets. */
    notices: number;
    optOuts: number;
    channelSettings: number;
    digests: number;
    problems: number;
  };
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
  /** `via`/`job`: written by an import's commit rather than a form or the API. */
  "record.created": { table: string; systemId: string; fields: string[]; via?: "import"; job?: number };
  /** `fields` names the changed fields; `changes` has old → new, values of sensitive fields left out. */
  "record.updated": {
    table: string;
    systemId: string;
    fields: string[];
    changes?: FieldChange[];
    via?: "import";
    job?: number;
  };
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
  /** A job's file taken: an export's file, or an import's error report (rows with their original cells). */
  "transfer.downloaded": {
    job: number;
    kind: "import" | "export";
    table: string;
    file: string;
    owner: string;
  };
  /** Someone stopped an import or export job (its outcome follows as transfer.imported / nothing written). */
  "transfer.cancelled": { job: number; kind: "import" | "export" | "print"; table: string; file: string };
  /** In-site messages marked read: one (`message`) or all of the reader's unread ones. */
  "inbox.read": { count: number; message?: number };
  /** Log rows past the retention period moved into an archive file (the chain goes on from lastHash). */
  "audit.archived": { file: string; firstId: number; lastId: number; rows: number; lastHash: string };
  /** Reviewed self-service updates: `fields` are field labels, never values (some are sealed). */
  "selfservice.proposed": { table: string; systemId: string; request: number; fields: string[] };
  "selfservice.withdrawn": { table: string; systemId: string; request: number; fields: string[] };
  /** `skipped`: proposed fields not applied (changed by staff meanwhile, or left out by the reviewer). */
  "selfservice.approved": {
    table: string;
    systemId: string;
    request: number;
    fields: string[];
    skipped: string[];
  };
  "selfservice.rejected": {
    table: string;
    systemId: string;
    request: number;
    fields: string[];
    reason: string;
  };
  /** A backup file made (app/backup/): `via` schedule, console or cli; `rows`/`files` what it holds. */
  "backup.created": { backup: number; file: string; size: number; rows: number; files: number; via: string };
  "backup.failed": { backup: number; error: string; via: string };
  /** Mass notices 群发 (app/notify/): a campaign made, its recipients queued (the "send"), its course. */
  "notice.campaign_created": {
    campaign: number;
    title: string;
    channels: string[];
    audience: string;
    sendAt: number;
    rule?: number;
  };
  "notice.campaign_queued": {
    campaign: number;
    recipients: number;
    messages: number;
    /** Per channel: recipients without an address there, invalid addresses, opted out. */
    missing: Record<string, number>;
    invalid: Record<string, number>;
    optedOut: Record<string, number>;
  };
  "notice.campaign_paused": { campaign: number; title: string };
  "notice.campaign_resumed": { campaign: number; title: string };
  "notice.campaign_cancelled": { campaign: number; title: string; messages: number };
  "notice.campaign_retried": { campaign: number; title: string; messages: number };
  "notice.campaign_failed": { campaign: number; title: string; error: string };
  "notice.rule_created": { rule: number; name: string; kind: string };
  "notice.rule_updated": { rule: number; name: string; changes: string[] };
  "notice.rule_deleted": { rule: number; name: string };
  /** Channel settings changed: which provider, never a secret. */
  "notice.channel_configured": { channel: string; provider: string };
  "notice.channel_tested": { channel: string; provider: string; ok: boolean; error?: string };
  /** `hint` is the masked address. */
  "notice.opted_out": { channel: string; hint: string; via: string };
  "notice.opt_out_removed": { channel: string; hint: string };
  "notice.group_created": { group: number; name: string; members: number };
  "notice.group_deleted": { group: number; name: string };
  /** A message opened from the outbox by staff (an .eml or text file). */
  "notice.outbox_read": { message: number; campaign: number };
  /** Template printing 模板打印 (app/print/): templates designed, imported, removed; print jobs run. */
  "print.template_created": { template: number; name: string; via: "designer" | "import" | "copy" };
  "print.template_updated": { template: number; name: string };
  "print.template_deleted": { template: number; name: string };
  "print.template_exported": { template: string; name: string };
  /** A print job asked for: who (the caller), which template, for how many records, from which audience. */
  "print.job_created": { job: number; template: string; name: string; records: number; audience: string };
  "print.job_finished": { job: number; template: string; records: number; pages: number; bytes: number };
  "print.downloaded": { job: number; template: string; records: number };
  /** Written into the restored database once its rows and files matched the backup's manifest. */
  "backup.restored": {
    file: string;
    createdAt: string;
    engine: string;
    rows: number;
    files: number;
    forced: boolean;
  };
}

/** One changed field of a record: shown text old → new, or only its name when the field is sensitive. */
export type FieldChange =
  | { field: string; label: string; old: string | null; new: string | null }
  | { field: string; label: string; sensitive: true };

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
  "keys.rotated",
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
  "transfer.cancelled",
  "transfer.downloaded",
  "inbox.read",
  "audit.archived",
  "selfservice.proposed",
  "selfservice.withdrawn",
  "selfservice.approved",
  "selfservice.rejected",
  "backup.created",
  "backup.failed",
  "backup.restored",
  "notice.campaign_created",
  "notice.campaign_queued",
  "notice.campaign_paused",
  "notice.campaign_resumed",
  "notice.campaign_cancelled",
  "notice.campaign_retried",
  "notice.campaign_failed",
  "notice.rule_created",
  "notice.rule_updated",
  "notice.rule_deleted",
  "notice.channel_configured",
  "notice.channel_tested",
  "notice.opted_out",
  "notice.opt_out_removed",
  "notice.group_created",
  "notice.group_deleted",
  "notice.outbox_read",
  "print.template_created",
  "print.template_updated",
  "print.template_deleted",
  "print.template_exported",
  "print.job_created",
  "print.job_finished",
  "print.downloaded",
] as const satisfies readonly AuditEventType[];
