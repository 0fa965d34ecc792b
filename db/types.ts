// Row types of the relational store. Times are epoch milliseconds (BIGINT on MySQL, INTEGER on SQLite).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export type OrgKind = "street" | "community" | "grid" | "enterprise" | "merchant";

export interface OrgTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: OrgKind;
  name: string;
  /** Materialised path of ids, e.g. "/1/4/17/": the basis of row scoping. */
  path: string;
  sort: number;
  created_at: number;
  updated_at: number;
}

export type UserStatus = "active" | "disabled";

export interface UserTable {
  id: Generated<number>;
  username: string;
  /** No longer written: numbers moved to mobile_sealed / mobile_digest (migration 0003). */
  mobile: string | null;
  /** The mobile number encrypted like a sensitive record value (bound to the username). */
  mobile_sealed: string | null;
  /** Keyed blind index of the normalised mobile: sign-in by mobile and one account per number. */
  mobile_digest: string | null;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number;
  status: UserStatus;
  password_changed_at: number;
  last_login_at: number | null;
  /** The person record (records.id) this account belongs to; its resident may propose changes to it. */
  person_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 of the secret; the secret is shown once at creation. */
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface LoginThrottleTable {
  /** "ip:<address>" or "user:<name>" */
  key: string;
  failures: number;
  window_start: number;
  locked_until: number | null;
}

export interface AuditLogTable {
  id: number;
  at: number;
  event: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  ip: string | null;
  target_type: string | null;
  target_id: string | null;
  /** Org path the event belongs to, so scoped readers see only their part. */
  org_path: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

/** One archive file of log rows removed after the retention period, and the hash it ends on. */
export interface AuditArchiveTable {
  id: Generated<number>;
  file: string;
  first_id: number;
  last_id: number;
  row_count: number;
  last_hash: string;
  sha256: string;
  created_at: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** 0/1 on both databases (SQLite has no boolean; MySQL's BOOLEAN is TINYINT). */
export type Flag = 0 | 1;

export type TableKind = "main" | "sub";

export interface DataTableTable {
  id: Generated<number>;
  key: string;
  name: string;
  kind: TableKind;
  parent_id: number | null;
  /** Letters before the number of every system ID of the table ("RY" → RY-000123). */
  id_prefix: string;
  next_number: number;
  builtin: Flag;
  sort: number;
  created_at: number;
  updated_at: number;
}

export interface DataFieldTable {
  id: Generated<number>;
  table_id: number;
  /** Stable key the record documents use; the label can change freely. */
  key: string;
  label: string;
  type: string;
  /** JSON of FieldOptions. */
  options: string;
  required: Flag;
  sensitive: Flag;
  hidden: Flag;
  builtin: Flag;
  sort: number;
  /** Set when staff removed the field; values stay in the documents until the record is next saved. */
  removed_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface DictionaryTable {
  id: Generated<number>;
  key: string;
  name: string;
  name_en: string;
  standard: string | null;
  multiple: Flag;
  builtin: Flag;
  /** JSON array of DictionaryOption. */
  options: string;
  created_at: number;
  updated_at: number;
}

export interface RecordTable {
  id: Generated<number>;
  table_id: number;
  system_id: string;
  parent_id: number | null;
  org_id: number;
  org_path: string;
  /** JSON document: field key → value; sensitive values as {"$c": envelope}. */
  data: string;
  unique_key: string | null;
  version: number;
  created_at: number;
  created_by: number | null;
  updated_at: number;
  updated_by: number | null;
  deleted_at: number | null;
  deleted_by: number | null;
}

export type VersionKind = "create" | "update" | "delete" | "restore";

export interface RecordVersionTable {
  id: Generated<number>;
  record_id: number;
  table_id: number;
  version: number;
  kind: VersionKind;
  /** JSON array of { field, old, new }; sensitive values encrypted as in the document. */
  changes: string;
  user_id: number | null;
  at: number;
}

export interface RecordLinkTable {
  from_id: number;
  field_id: number;
  to_id: number;
}

export interface RecordLookupTable {
  record_id: number;
  field_id: number;
  digest: string;
}

export interface FileTable {
  id: string;
  org_path: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  has_thumb: Flag;
  created_at: number;
  created_by: number | null;
}

export interface SavedViewTable {
  id: Generated<number>;
  table_id: number;
  name: string;
  owner_id: number;
  share: "private" | "role" | "org";
  share_role: string | null;
  share_org_id: number | null;
  share_org_path: string | null;
  /** The ViewDefinition (app/query/view.ts) as JSON. */
  definition: string;
  created_at: number;
  updated_at: number;
}

export interface ColourMarkTable {
  id: Generated<number>;
  table_id: number;
  colour: string;
  meaning: string;
  position: Generated<number>;
}

/** Append-only: the newest row of a record is its colour (null: none). */
export interface RecordMarkTable {
  id: Generated<number>;
  table_id: number;
  record_id: number;
  colour: string | null;
  user_id: number | null;
  at: number;
}

export interface TransferJobTable {
  id: Generated<number>;
  kind: "import" | "export" | "print";
  table_id: number;
  user_id: number;
  org_path: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";
  phase: string;
  file_name: string;
  options: string;
  done: Generated<number>;
  total: number | null;
  committed_through: number | null;
  committed_rows: Generated<number>;
  result: string | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  updated_at: number;
  finished_at: number | null;
}

/** A saved dashboard or report (SPEC §A5): a definition over the query engine, private or shared. */
export interface SavedStatTable {
  id: Generated<number>;
  owner_id: number;
  anchor_path: string;
  /** 1: seen by staff whose scope lies on one line with `anchor_path`; 0: the owner's alone. */
  shared: number;
  name: string;
  /** JSON: app/stats/spec.ts (dashboardDefinitionSchema / reportDefinitionSchema). */
  definition: string;
  created_at: number;
  updated_at: number;
}

/** How often a platform function was used on a day (China time), by the org of who used it. */
export interface UsageCountTable {
  day: string;
  feature: string;
  org_path: string;
  count: number;
}

/** An in-site message 站内信 to one account. */
export interface InboxMessageTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  /** A path inside the app, or null. */
  link: string | null;
  created_at: number;
  read_at: number | null;
}

export type ChangeRequestStatus = "pending" | "approved" | "rejected" | "withdrawn";

/** A resident's proposed changes to their own record, waiting for or decided by staff (SPEC §A8). */
export interface ChangeRequestTable {
  id: Generated<number>;
  table_id: number;
  record_id: number;
  user_id: number;
  /** The record's org path when proposed: the review queue is scoped by it. */
  org_path: string;
  base_version: number;
  /** Raised whenever the resident changes the pending proposal. */
  revision: number;
  /** JSON [{field, old, new}]; sensitive values sealed as in the record's version rows. */
  changes: string;
  status: ChangeRequestStatus;
  /** The record id while pending, else null (unique: one pending proposal per record). */
  open_record_id: number | null;
  reason: string | null;
  /** JSON array of the field keys an approval applied. */
  applied: string | null;
  reviewer_id: number | null;
  created_at: number;
  updated_at: number;
  decided_at: number | null;
}

/** One backup run (app/backup/): only `done` rows name a complete, verified file. */
export interface BackupTable {
  id: Generated<number>;
  status: "running" | "done" | "failed" | "interrupted" | "removed";
  started_via: "schedule" | "console" | "cli";
  slot: string | null;
  location: string;
  size: number | null;
  sha256: string | null;
  row_count: number | null;
  file_count: number | null;
  phase: string | null;
  progress: Generated<number>;
  error: string | null;
  host: string;
  pid: number;
  user_id: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export type CampaignStatus =
  | "scheduled"
  | "queueing"
  | "sending"
  | "paused"
  | "done"
  | "cancelled"
  | "failed";
export type MessageStatus = "queued" | "sending" | "sent" | "failed" | "bounced" | "opted_out" | "cancelled";

export interface NoticeRuleTable {
  id: Generated<number>;
  table_id: number;
  name: string;
  kind: "birthday" | "before_date";
  field: string | null;
  days_before: Generated<number>;
  run_at: string;
  channels: string;
  content: string;
  audience: string | null;
  paused: Generated<Flag>;
  org_id: number;
  org_path: string;
  created_by: number;
  created_at: number;
  updated_at: number;
  next_run_at: number | null;
  last_run_at: number | null;
}

export interface CampaignTable {
  id: Generated<number>;
  table_id: number;
  title: string;
  status: CampaignStatus;
  channels: string;
  content: string;
  audience: string;
  address_fields: string;
  org_id: number;
  org_path: string;
  created_by: number;
  created_at: number;
  send_at: number;
  rule_id: number | null;
  run_key: string | null;
  queued: Generated<number>;
  total: Generated<number>;
  lease_until: number | null;
  error: string | null;
  finished_at: number | null;
  updated_at: number;
}

export interface CampaignMessageTable {
  id: Generated<number>;
  campaign_id: number;
  channel: "email" | "sms" | "fax" | "inbox";
  record_id: number;
  system_id: string;
  name: string;
  address: string | null;
  address_hint: string | null;
  subject: string;
  body: string;
  html: string | null;
  params: string | null;
  status: MessageStatus;
  reason: string | null;
  attempts: Generated<number>;
  next_at: number;
  claim: string | null;
  claimed_until: number | null;
  provider: string | null;
  provider_id: string | null;
  sent_at: number | null;
  updated_at: number;
}

export interface NoticeOptOutTable {
  channel: string;
  digest: string;
  address: string;
  hint: string;
  via: "unsubscribe-link" | "staff";
  created_at: number;
}

export interface PrintTemplateTable {
  id: Generated<number>;
  table_id: number;
  name: string;
  category: string;
  /** The template as JSON (app/print/template.ts). */
  definition: string;
  org_id: number;
  org_path: string;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
}

export interface NoticeGroupTable {
  id: Generated<number>;
  table_id: number;
  name: string;
  org_id: number;
  org_path: string;
  created_by: number;
  created_at: number;
}

export interface NoticeGroupMemberTable {
  group_id: number;
  record_id: number;
}

export interface DB {
  orgs: OrgTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_archive: AuditArchiveTable;
  settings: SettingTable;
  data_tables: DataTableTable;
  data_fields: DataFieldTable;
  dictionaries: DictionaryTable;
  records: RecordTable;
  record_versions: RecordVersionTable;
  record_links: RecordLinkTable;
  record_lookup: RecordLookupTable;
  files: FileTable;
  saved_views: SavedViewTable;
  colour_marks: ColourMarkTable;
  record_marks: RecordMarkTable;
  transfer_jobs: TransferJobTable;
  dashboards: SavedStatTable;
  reports: SavedStatTable;
  usage_counts: UsageCountTable;
  inbox_messages: InboxMessageTable;
  backups: BackupTable;
  change_requests: ChangeRequestTable;
  notice_rules: NoticeRuleTable;
  campaigns: CampaignTable;
  campaign_messages: CampaignMessageTable;
  notice_opt_outs: NoticeOptOutTable;
  notice_groups: NoticeGroupTable;
  notice_group_members: NoticeGroupMemberTable;
  print_templates: PrintTemplateTable;
}

export type Org = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
