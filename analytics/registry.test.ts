// The registry of replicas: status for a health check, a snapshot written after a full load and at close
// that the next process starts from, and a replica rebuilt when a field is marked sensitive.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecord } from "../app/people/records/write.server.ts";
import { updateField } from "../app/schema/edit-fields.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { createTestServices, type TestServices } from "../tests/support/db.ts";
import { callerFor } from "../tests/support/factories.ts";
import { createAnalytics } from "./registry.server.ts";

async function eventually(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("analytics registry", () => {
  let t: TestServices;
  let dir: string;

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 40 });
    dir = path.join(t.config.dataDir, "replica");
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("opens nothing until asked, and keeps no snapshot under test configuration", async () => {
    expect(t.services.analytics.status("people")).toBeUndefined();
    await t.services.analytics.replica("people");
    expect(t.services.analytics.status("people")).toMatchObject({ state: "ready", source: "full" });
    await t.services.analytics.saveSnapshots();
  });

  it("starts the next process from the snapshot written at close, changes included", async () => {
    const first = createAnalytics(t.services, { snapshotDir: dir });
    const replica = await first.replica("people");
    const fengsheng = await callerFor(t.services, "fengsheng");
    const saved = await createRecord(t.services, fengsheng, "people", { values: { name: "孙七" } });
    await eventually(async () => replica.seenVersion > 0 && (await replica.refresh()) === 0);
    await first.close();

    const second = createAnalytics(t.services, { snapshotDir: dir });
    expect(second.status("people")).toBeUndefined();
    const pending = second.replica("people");
    expect(second.status("people")).toMatchObject({ state: "loading" });
    const restored = await pending;
    expect(second.status("people")).toMatchObject({ state: "ready", source: "snapshot" });
    const found = await restored.connection.runAndReadAll("SELECT name FROM records WHERE id = $id", {
      id: saved.id,
    });
    expect(found.getRowObjectsJS()).toEqual([{ name: "孙七" }]);
    await second.close();
  });

  it("rebuilds a replica whose field was marked sensitive, and snapshots the new one", async () => {
    const analytics = createAnalytics(t.services, { snapshotDir: dir });
    const before = await analytics.replica("people");
    const table = await loadTable(t.services.db, "people");
    const workUnit = table.fields.find((f) => f.key === "workUnit")!;
    await updateField(t.services, await callerFor(t.services, "admin"), workUnit.id, { sensitive: true });
    await eventually(async () => (await analytics.replica("people")) !== before);
    const after = await analytics.replica("people");
    expect(after.stale).toBe(false);
    expect(after.columns.find((c) => c.name === "workUnit")?.field.sensitive).toBe(true);
    await analytics.close();
    const next = createAnalytics(t.services, { snapshotDir: dir });
    await next.replica("people");
    expect(next.status("people")).toMatchObject({ state: "ready", source: "snapshot" });
    await next.close();
  });
});
