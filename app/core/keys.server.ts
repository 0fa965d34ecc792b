// Secret keys. One master key (LINLI_SECRET_KEY, 64 hex chars); purpose keys are derived with HKDF.
// Without the variable a key is generated into <data dir>/secret.key on first start (with a warning).
// During a key rotation the old master keys are loaded too, for reading only (docs/OPERATIONS.md "Keys").
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config.server.ts";
import type { Logger } from "./logger.server.ts";

export type KeyPurpose =
  | "session"
  | "api-token"
  | "blind-index"
  | "field-encryption"
  | "audit"
  // Seals the sensitive columns of the query replica's snapshot on disk (analytics/snapshot.server.ts).
  | "replica-snapshot"
  // Seals backup files (app/backup/), unless LINLI_BACKUP_KEY gives a key of its own.
  | "backup"
  // Signs the unsubscribe links of mass notices (app/notify/opt-out.server.ts).
  | "notice-link";

export interface PurposeKeys {
  derive(purpose: KeyPurpose): Buffer;
}

export interface Keys extends PurposeKeys {
  /** Where the master key came from: the environment or a generated file. */
  source: "env" | "file";
  /**
   * Master keys being rotated away from (LINLI_OLD_SECRET_KEYS, LINLI_OLD_SECRET_KEYS_FILE): values
   * sealed under them still open, so the app keeps working while `linli keys rotate` re-seals them;
   * nothing new is sealed or indexed under them. Empty outside a rotation.
   */
  previous: readonly PurposeKeys[];
}

export function loadKeys(config: Config, log: Logger): Keys {
  const { master, source } = readMasterKey(config, log);
  const old = readOldKeys(config);
  // Most likely the new key was not set: a "rotation" to the same key would silently change nothing.
  if (old.some((k) => k.equals(master)))
    throw new Error(
      "LINLI_OLD_SECRET_KEYS holds the current master key: set LINLI_SECRET_KEY to the new key, keep the old one in LINLI_OLD_SECRET_KEYS",
    );
  return { ...purposeKeys(master), source, previous: old.map(purposeKeys) };
}

/** The purpose keys of one master key, each derived once. */
export function purposeKeys(master: Buffer): PurposeKeys {
  const cache = new Map<KeyPurpose, Buffer>();
  return {
    derive(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = Buffer.from(crypto.hkdfSync("sha256", master, Buffer.alloc(0), `linli:${purpose}`, 32));
        cache.set(purpose, key);
      }
      return key;
    },
  };
}

/**
 * Old master keys: comma- or space-separated in LINLI_OLD_SECRET_KEYS, and one per line in the file
 * LINLI_OLD_SECRET_KEYS_FILE (so a key need not appear in a command line or the environment). Error
 * messages say which key is wrong by position, never by value.
 */
function readOldKeys(config: Config): Buffer[] {
  const texts = [...config.oldSecretKeys];
  if (config.oldSecretKeysFile) {
    const lines = fs.readFileSync(config.oldSecretKeysFile, "utf8").split(/\r?\n/);
    texts.push(...lines.map((l) => l.replace(/#.*/, "").trim()).filter(Boolean));
  }
  const keys: Buffer[] = [];
  texts.forEach((text, i) => {
    if (!/^[0-9a-fA-F]{64}$/.test(text))
      throw new Error(`old secret key no. ${i + 1} is not 64 hexadecimal characters (32 bytes)`);
    const key = Buffer.from(text, "hex");
    if (!keys.some((k) => k.equals(key))) keys.push(key);
  });
  return keys;
}

function readMasterKey(config: Config, log: Logger): { master: Buffer; source: "env" | "file" } {
  if (config.secretKey) {
    if (!/^[0-9a-fA-F]{64}$/.test(config.secretKey)) {
      throw new Error("LINLI_SECRET_KEY must be 64 hexadecimal characters (32 bytes)");
    }
    return { master: Buffer.from(config.secretKey, "hex"), source: "env" };
  }
  const file = path.join(config.dataDir, "secret.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    log.warn(
      { file },
      "generated a secret key into the data directory; production must set LINLI_SECRET_KEY",
    );
  } else if (config.env === "production") {
    log.warn(
      { file },
      "using the secret key file in the data directory; production should set LINLI_SECRET_KEY",
    );
  }
  return { master: Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex"), source: "file" };
}
