// The long-lived parts of a running app, created once per process and handed to every request.
import type { Kysely } from "kysely";
import type { Analytics } from "../../analytics/registry.server.ts";
import type { Database } from "../../db/connection.ts";
import type { Dialect } from "../../db/dialect.ts";
import type { DB } from "../../db/types.ts";
import type { Role } from "../auth/permissions.ts";
import type { FileStorage } from "../files/storage.server.ts";
import type { FieldCipher } from "../people/crypto/field-cipher.server.ts";
import type { UsageRecorder } from "../stats/usage.server.ts";
import type { Config } from "./config.server.ts";
import type { Keys } from "./keys.server.ts";
import type { Logger } from "./logger.server.ts";

export interface Services {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  dialect: Dialect;
  log: Logger;
  keys: Keys;
  /** Encrypts sensitive record values under a key outside the database. */
  cipher: FieldCipher;
  /** Where uploaded photos and documents are kept. */
  files: FileStorage;
  /** The in-memory query engine: a DuckDB replica per record table (analytics/). */
  analytics: Analytics;
  /**
   * Worker threads of imports (read and prepare a sheet's rows) and exports (write the .xlsx), resolved
   * outside the app's server bundle; null: do that work in the calling thread.
   */
  workers: { sheetRows: URL; xlsxWriter: URL } | null;
  /** Counts the use of platform functions in memory and writes them in the background (使用统计). */
  usage: UsageRecorder;
}

/** The signed-in account, with the org node its scope is anchored at. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  orgKind: string;
  orgPath: string;
}

/** Who is asking and from where: what every domain function that reads or writes needs. */
export interface Caller {
  actor: Actor;
  ip: string | null;
  /** "system": work the platform does on an account's behalf (a scheduled notice, a rule's run). */
  via: "session" | "token" | "cli" | "system";
}
