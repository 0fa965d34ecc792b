// Configuration from the environment. Every variable is listed in the README's configuration table.
import path from "node:path";
import { parseKeep, parseSchedule } from "../backup/settings.ts";

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string;
  demo: boolean;
  /** Hex master key from LINLI_SECRET_KEY; when absent one is generated into the data dir. */
  secretKey: string | undefined;
  /** Hex master keys being rotated away from (LINLI_OLD_SECRET_KEYS): read, never written. */
  oldSecretKeys: string[];
  /** A file holding more old master keys, one per line (LINLI_OLD_SECRET_KEYS_FILE). */
  oldSecretKeysFile: string | undefined;
  /** Minutes a staff session may sit idle before it ends. */
  staffIdleMinutes: number;
  /** Days a resident session lasts without use. */
  residentIdleDays: number;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  /** Days a deleted record stays restorable in the recycle bin. */
  recycleDays: number;
  /** Days system-log rows stay in the database before they are archived to a file (at least 180). */
  auditRetentionDays: number;
  /** How many generated people the demo street office starts with. */
  demoPeople: number;
  /** Whether the demo registers its residents 张伟 and 刘洋 as people linked to their accounts. */
  demoResidents: boolean;
  /** How many generated people of each demo community get a (drawn placeholder) photo. */
  demoPhotos: number;
  /** Backups (app/backup/): "daily HH:MM" in Beijing time, or "off"; where files go; what retention keeps. */
  backupSchedule: string;
  /** LINLI_BACKUP_DIR; unset: <data dir>/backups. */
  backupDir: string | undefined;
  /** "14": the newest 14 backups; "30d": those of the last 30 days. */
  backupKeep: string;
  /** Hex key that seals backups instead of the one derived from LINLI_SECRET_KEY (LINLI_BACKUP_KEY). */
  backupKey: string | undefined;
  /** Where residents reach the app from outside (links in notices: unsubscribe), LINLI_PUBLIC_URL. */
  publicUrl: string;
  /** Whether this process sends mass notices (LINLI_NOTICES=0: a process that only serves pages). */
  noticeWorker: boolean;
  logLevel: string;
  env: "production" | "development" | "test";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.LINLI_DATA_DIR || "./data");
  return {
    port: intFrom(env.PORT, 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL || path.join(dataDir, "linli.db"),
    demo: env.LINLI_DEMO !== "0" && env.LINLI_DEMO !== "false",
    secretKey: env.LINLI_SECRET_KEY || undefined,
    oldSecretKeys: (env.LINLI_OLD_SECRET_KEYS ?? "").split(/[\s,]+/).filter(Boolean),
    oldSecretKeysFile: env.LINLI_OLD_SECRET_KEYS_FILE || undefined,
    staffIdleMinutes: intFrom(env.LINLI_STAFF_IDLE_MINUTES, 30),
    residentIdleDays: intFrom(env.LINLI_RESIDENT_IDLE_DAYS, 30),
    trustProxy: env.LINLI_TRUST_PROXY === "1" || env.LINLI_TRUST_PROXY === "true",
    recycleDays: intFrom(env.LINLI_RECYCLE_DAYS, 30),
    auditRetentionDays: retentionDays(env.LINLI_AUDIT_RETENTION_DAYS),
    demoPeople: env.LINLI_DEMO_PEOPLE === "0" ? 0 : intFrom(env.LINLI_DEMO_PEOPLE, 2000),
    demoResidents: env.LINLI_DEMO_RESIDENTS !== "0" && env.LINLI_DEMO_RESIDENTS !== "false",
    demoPhotos: env.LINLI_DEMO_PHOTOS === "0" ? 0 : intFrom(env.LINLI_DEMO_PHOTOS, 24),
    // Tests start servers at any hour: no scheduled backups unless a test asks for them.
    backupSchedule: checked(
      parseSchedule,
      env.LINLI_BACKUP_SCHEDULE || (env.NODE_ENV === "test" ? "off" : "daily 02:30"),
    ),
    backupDir: env.LINLI_BACKUP_DIR ? path.resolve(env.LINLI_BACKUP_DIR) : undefined,
    backupKeep: checked(parseKeep, env.LINLI_BACKUP_KEEP || "14"),
    backupKey: env.LINLI_BACKUP_KEY || undefined,
    publicUrl: (env.LINLI_PUBLIC_URL || `http://localhost:${intFrom(env.PORT, 3000)}`).replace(/\/+$/, ""),
    // Tests start their own workers where they test sending.
    noticeWorker: env.LINLI_NOTICES ? env.LINLI_NOTICES !== "0" : env.NODE_ENV !== "test",
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === "test" ? "warn" : "info"),
    env: env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development",
  };
}

/** The minimum 等保 asks of a system log; a shorter setting is refused rather than quietly raised. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

function retentionDays(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return MIN_AUDIT_RETENTION_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_AUDIT_RETENTION_DAYS)
    throw new Error(
      `LINLI_AUDIT_RETENTION_DAYS=${value} is not allowed: the system log must be kept at least ${MIN_AUDIT_RETENTION_DAYS} days (等保). Set a whole number of ${MIN_AUDIT_RETENTION_DAYS} or more, or leave it unset.`,
    );
  return n;
}

/** The value, once `parse` (which throws on a wrong one) accepts it. */
function checked(parse: (value: string) => unknown, value: string): string {
  parse(value);
  return value;
}

function intFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}
