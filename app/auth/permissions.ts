// The one role → action matrix. Server checks and what the UI shows both read it.
import type { OrgKind } from "../../db/types.ts";

export const ROLES = [
  "street_admin",
  "community_admin",
  "enterprise_admin",
  "merchant_admin",
  "auditor",
  "resident",
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "console.enter",
  "org.read",
  "org.write",
  "account.read",
  "account.write",
  "token.manage",
  "audit.read",
  "audit.export",
  "resident.home",
  "schema.read",
  "schema.write",
  "record.read",
  "record.write",
  "record.delete",
  "record.purge",
  "record.reveal",
  "view.share",
  "stats.read",
  "usage.read",
  "selfservice.propose",
  "selfservice.review",
  // Backups of the whole database and files: the street office that runs the platform, nobody else.
  "backup.manage",
  // Mass notices: sending to the people in one's scope; the channels' settings (SMTP, SMS keys) are the
  // street office's.
  "notice.send",
  "notice.configure",
  // Template printing: printing the records one reads (badges, envelopes …); designing the templates.
  "print.run",
  "print.design",
] as const;
export type Action = (typeof ACTIONS)[number];

// The community database: managers of a street or community shape tables and keep records; enterprise
// and merchant admins keep the records of their own staff; revealing a masked value is a grant of its own.
// Anyone who reads records may save views for themselves; sharing one with others is for managers.
// Statistics read what the reader's records hold, in their scope; dashboards and reports they save are
// their own (sharing them is view.share). Usage figures of the platform are for the street and community
// offices that run it.
const RECORD_KEEPING: readonly Action[] = [
  "schema.read",
  "record.read",
  "record.write",
  "record.delete",
  "stats.read",
  "print.run",
];
const DATABASE_MANAGEMENT: readonly Action[] = [
  ...RECORD_KEEPING,
  "schema.write",
  "record.purge",
  "record.reveal",
  "view.share",
  "usage.read",
  "print.design",
];

// Reviewed self-service updates: residents propose changes to their own record (only theirs: the account's
// person link decides which); the managers of a street or community review them in their scope.
const MATRIX: Record<Role, readonly Action[]> = {
  street_admin: [
    "console.enter",
    "org.read",
    "org.write",
    "account.read",
    "account.write",
    "token.manage",
    ...DATABASE_MANAGEMENT,
    "selfservice.review",
    "backup.manage",
    "notice.send",
    "notice.configure",
  ],
  community_admin: [
    "console.enter",
    "org.read",
    "org.write",
    "account.read",
    "account.write",
    "token.manage",
    ...DATABASE_MANAGEMENT,
    "selfservice.review",
    "notice.send",
  ],
  enterprise_admin: ["console.enter", "org.read", "token.manage", ...RECORD_KEEPING],
  merchant_admin: ["console.enter", "org.read", "token.manage", ...RECORD_KEEPING],
  // 等保 三员分立: the auditor reads and exports the log and nothing else; nobody may erase it.
  auditor: ["console.enter", "audit.read", "audit.export"],
  resident: ["resident.home", "selfservice.propose"],
};

export function can(role: Role, action: Action): boolean {
  return MATRIX[role].includes(action);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Which kinds of org node a role's scope may be anchored at. */
export const SCOPE_KINDS: Record<Role, readonly OrgKind[]> = {
  street_admin: ["street"],
  community_admin: ["community", "grid"],
  enterprise_admin: ["enterprise"],
  merchant_admin: ["merchant"],
  auditor: ["street"],
  resident: ["community", "grid"],
};

/** Roles an account manager may hand out: a street admin any; a community admin those below it. */
export function grantableRoles(role: Role): readonly Role[] {
  if (role === "street_admin") return ROLES;
  if (role === "community_admin")
    return ["community_admin", "enterprise_admin", "merchant_admin", "resident"];
  return [];
}

export function isStaffRole(role: Role): boolean {
  return role !== "resident";
}

/** True when `path` lies inside the subtree rooted at `scopePath` (both materialised paths). */
export function withinScope(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath);
}
