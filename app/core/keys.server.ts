// Secret keys. One master key (LINLI_SECRET_KEY, 64 hex chars); purpose keys are derived with HKDF.
// Without the variable a key is generated into <data dir>/secret.key on first start (with a warning).
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
  | "replica-snapshot";

export interface Keys {
  derive(purpose: KeyPurpose): Buffer;
  /** Where the master key came from: the environment or a generated file. */
  source: "env" | "file";
}

export function loadKeys(config: Config, log: Logger): Keys {
  const { master, source } = readMasterKey(config, log);
  const cache = new Map<KeyPurpose, Buffer>();
  return {
    source,
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
