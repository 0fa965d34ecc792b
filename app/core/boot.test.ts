import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testConfig } from "../../tests/support/db.ts";
import { createServices, isDemo } from "./boot.server.ts";
import { loadKeys } from "./keys.server.ts";
import { createLogger } from "./logger.server.ts";

describe("first and second start", () => {
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.cleanup();
    env = undefined;
  });

  it("loads the demo street office once and keeps changes on the next start", async () => {
    env = await testConfig({ demo: true });
    const first = await createServices(env.config);
    const communities = await first.db
      .selectFrom("orgs")
      .select("name")
      .where("kind", "=", "community")
      .execute();
    expect(communities.map((c) => c.name)).toEqual(
      expect.arrayContaining(["丰盛社区", "二龙路社区", "手帕口社区"]),
    );
    expect(communities).toHaveLength(14);
    expect(await isDemo(first)).toBe(true);
    await first.db
      .updateTable("orgs")
      .set({ name: "丰盛社区（改）" })
      .where("name", "=", "丰盛社区")
      .execute();
    await first.database.close();

    const second = await createServices(env.config);
    const renamed = await second.db
      .selectFrom("orgs")
      .select("id")
      .where("name", "=", "丰盛社区（改）")
      .execute();
    expect(renamed).toHaveLength(1);
    expect(
      await second.db.selectFrom("orgs").select("id").where("kind", "=", "community").execute(),
    ).toHaveLength(14);
    await second.database.close();
  });

  it("starts empty with LINLI_DEMO=0", async () => {
    env = await testConfig({ demo: false });
    const services = await createServices(env.config);
    expect(await services.db.selectFrom("orgs").select("id").execute()).toHaveLength(0);
    expect(await isDemo(services)).toBe(false);
    await services.database.close();
  });
});

describe("secret keys", () => {
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.cleanup();
    env = undefined;
  });

  it("generates a key file once when no key is configured, and derives distinct purpose keys", async () => {
    env = await testConfig({ secretKey: undefined });
    const log = createLogger("silent");
    const a = loadKeys(env.config, log);
    const file = path.join(env.config.dataDir, "secret.key");
    expect(fs.existsSync(file)).toBe(true);
    expect((fs.statSync(file).mode & 0o077) === 0).toBe(true);
    const b = loadKeys(env.config, log);
    expect(a.derive("blind-index").equals(b.derive("blind-index"))).toBe(true);
    expect(a.derive("blind-index").equals(a.derive("field-encryption"))).toBe(false);
    expect(a.source).toBe("file");
  });

  it("refuses a malformed LINLI_SECRET_KEY", async () => {
    env = await testConfig({ secretKey: "too-short" });
    expect(() => loadKeys(env!.config, createLogger("silent"))).toThrow(/64 hexadecimal/);
  });
});
