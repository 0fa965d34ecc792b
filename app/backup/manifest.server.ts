// The manifest: the last entry of a backup's payload. It states what the backup holds — versions, every
// table's row count and checksum, every file's size and SHA-256 — so a restore can prove it put back
// exactly that, and a drill can compare it with the source.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PurposeKeys } from "../core/keys.server.ts";
import type { Engine, TableSum } from "./tables.server.ts";

export interface ManifestFile {
  /** Relative to <data dir>/files, with "/" between parts. */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 1;
  appVersion: string;
  createdAt: string;
  engine: Engine;
  /** The newest migration applied in the backed-up database (a restore migrates to it, then to today's). */
  migration: string | null;
  migrations: string[];
  /** MariaDB with binary logging: the binlog position of the snapshot, where a replay starts. */
  binlog: { file: string; position: number } | null;
  tables: Record<string, TableSum & { columns: string[] }>;
  files: ManifestFile[];
  totals: { tables: number; rows: number; files: number; fileBytes: number };
  /**
   * Fingerprint of the key sealing the database's sensitive fields: a restore under another
   * LINLI_SECRET_KEY would bring back rows whose ID and phone numbers no longer open.
   */
  fieldKeyId: string;
}

let version: string | undefined;

/** The app's version from its package.json, found upwards from this module (also from the server build). */
export function appVersion(): string {
  if (version) return version;
  version = "unknown";
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    const found = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
    if (found?.name === "linli") {
      version = String(found.version);
      return version;
    }
    if (path.dirname(dir) === dir) return version;
  }
}

export function fieldKeyId(keys: PurposeKeys): string {
  return crypto
    .createHmac("sha256", keys.derive("field-encryption"))
    .update("linli key id")
    .digest("hex")
    .slice(0, 16);
}

/** A file path from a backup that stays inside the files directory (no "..", nothing absolute). */
export function safeRelative(relative: string): boolean {
  return (
    relative.length > 0 &&
    !relative.startsWith("/") &&
    !relative.includes("\\") &&
    relative.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}
