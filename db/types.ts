// Row types of the relational store. Times are epoch milliseconds (BIGINT on MySQL, INTEGER on SQLite).
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

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
  mobile: string | null;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number;
  status: UserStatus;
  password_changed_at: number;
  last_login_at: number | null;
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

export interface SettingTable {
  key: string;
  value: string;
}

export interface DB {
  orgs: OrgTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
}

export type Org = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
