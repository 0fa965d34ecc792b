// `linli keys status` and `linli keys rotate` as an operator runs them: the old key from a file, never on
// the command line; progress, counts and the verification printed, and no key ever.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linliCommand } from "../tests/support/cli.ts";
import { type TestEnv, testConfig } from "../tests/support/db.ts";

const hex = () => crypto.randomBytes(32).toString("hex");

describe("linli keys", () => {
  let env: TestEnv;
  const keyB = hex();

  /** The command under `secretKey`, with `oldKeysFile` (if any) as LINLI_OLD_SECRET_KEYS_FILE. */
  function linli(secretKey: string, oldKeysFile?: string) {
    const saved = process.env.LINLI_OLD_SECRET_KEYS_FILE;
    if (oldKeysFile) process.env.LINLI_OLD_SECRET_KEYS_FILE = oldKeysFile;
    else delete process.env.LINLI_OLD_SECRET_KEYS_FILE;
    const command = linliCommand({ ...env.config, secretKey });
    if (saved === undefined) delete process.env.LINLI_OLD_SECRET_KEYS_FILE;
    else process.env.LINLI_OLD_SECRET_KEYS_FILE = saved;
    return async (...args: string[]) => {
      const { code, out, err } = await command(...args);
      return { code, out: out + err };
    };
  }

  beforeAll(async () => {
    env = await testConfig({ demo: false });
    expect((await linli(env.config.secretKey!)("demo", "--people", "40")).code).toBe(0);
  });
  afterAll(() => env.cleanup());

  it("shows the key ids in use, rotates with the old key read from a file, and verifies", async () => {
    const keyA = env.config.secretKey!;
    const before = await linli(keyA)("keys", "status");
    expect(before.code).toBe(0);
    expect(before.out).toMatch(/Current key id: [A-Za-z0-9_-]{8} \(LINLI_SECRET_KEY\)/);
    expect(before.out).toMatch(/Still under an old key: 0\n/);

    const oldKeys = path.join(env.config.dataDir, "old.keys");
    fs.writeFileSync(oldKeys, `# replaced on ${new Date().toISOString().slice(0, 10)}\n${keyA}\n`, {
      mode: 0o600,
    });
    const rotating = linli(keyB, oldKeys);
    const pending = await rotating("keys", "status");
    expect(pending.out).toMatch(/old key, opens with an old key/);
    expect(pending.out).toMatch(/Still under an old key: [1-9][\d,]* — run `linli keys rotate`/);

    const rotated = await rotating("keys", "rotate", "--batch", "25");
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(/^records: [\d,]+ of [\d,]+$/m);
    expect(rotated.out).toMatch(/^change requests: 0 of 0$/m);
    expect(rotated.out).toMatch(/^verifying history: [\d,]+ of [\d,]+$/m);
    expect(rotated.out).toMatch(/Finished the rotation to key id/);
    expect(rotated.out).toMatch(/Values re-sealed: accounts 8, records [1-9]/);
    expect(rotated.out).toMatch(/rebuilt on the next start/);
    expect(rotated.out).toMatch(/remove LINLI_OLD_SECRET_KEYS/);
    for (const key of [keyA, keyB]) expect(rotated.out + pending.out).not.toContain(key);

    const after = await linli(keyB)("keys", "status");
    expect(after.out).toMatch(/Still under an old key: 0\n/);
    const again = await linli(keyB)("keys", "rotate");
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Nothing to do/);
  });

  it("refuses without the old key and changes nothing", async () => {
    const refused = await linli(hex())("keys", "rotate");
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/Nothing was changed/);
    expect((await linli(keyB)("keys", "status")).out).toMatch(/Still under an old key: 0\n/);
  });
});
