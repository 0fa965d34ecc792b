// Old master keys during a rotation: read from LINLI_OLD_SECRET_KEYS and/or a file, checked without
// ever quoting a key back, and refused when one is the current key (the new key was not set).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../core/config.server.ts";
import { loadKeys, purposeKeys } from "../core/keys.server.ts";
import { createLogger } from "../core/logger.server.ts";
import { fieldCipherFromKeys, fieldKeyId } from "../people/crypto/field-cipher.server.ts";

const hex = () => crypto.randomBytes(32).toString("hex");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-keys-"));
const log = createLogger("silent");
const keysFrom = (env: Record<string, string>) => loadKeys(loadConfig({ LINLI_DATA_DIR: dir, ...env }), log);

describe("old master keys", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads them from the variable and the file, without duplicates, and opens what they sealed", () => {
    const [current, a, b] = [hex(), hex(), hex()];
    const file = path.join(dir, "old.keys");
    fs.writeFileSync(file, `# replaced in 2026\n${b}\n\n${a.toUpperCase()}\n`);
    const keys = keysFrom({
      LINLI_SECRET_KEY: current,
      LINLI_OLD_SECRET_KEYS: `${a}, ${b}`,
      LINLI_OLD_SECRET_KEYS_FILE: file,
    });
    expect(keys.previous).toHaveLength(2);
    const ids = keys.previous.map((k) => fieldKeyId(k.derive("field-encryption")));
    expect(ids).toEqual(
      [a, b].map((k) => fieldKeyId(purposeKeys(Buffer.from(k, "hex")).derive("field-encryption"))),
    );

    const aad = { record: "people/RY-000001", field: "mobile" };
    const underA = fieldCipherFromKeys(purposeKeys(Buffer.from(a, "hex"))).encrypt("13800138000", aad);
    const cipher = fieldCipherFromKeys(keys);
    expect(cipher.decrypt(underA, aad)).toBe("13800138000");
    expect(cipher.keyIdOf(cipher.encrypt("x", aad))).toBe(fieldKeyId(keys.derive("field-encryption")));
    expect(keysFrom({ LINLI_SECRET_KEY: current }).previous).toEqual([]);
  });

  it("names a malformed key by its position, never by its value", () => {
    const bad = `${hex().slice(0, 60)}zzzz`;
    let message = "";
    try {
      keysFrom({ LINLI_SECRET_KEY: hex(), LINLI_OLD_SECRET_KEYS: `${hex()},${bad}` });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/no\. 2 is not 64 hexadecimal/);
    expect(message).not.toContain(bad.slice(0, 20));
  });

  it("refuses an old key equal to the current one", () => {
    const key = hex();
    expect(() => keysFrom({ LINLI_SECRET_KEY: key, LINLI_OLD_SECRET_KEYS: key })).toThrow(
      /holds the current master key/,
    );
  });
});
