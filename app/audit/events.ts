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
] as const satisfies readonly AuditEventType[];
