// The replica's snapshot: a restart reads it and catches up with what was committed meanwhile; no ID or
// phone number reaches the disk in plain text; a snapshot of other columns, under another key, of another
// database or unreadable is ignored for a full load; a field marked sensitive makes the replica stale.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../app/core/services.server.ts";
import { buildId } from "../app/people/identity/id-fixtures.ts";
import { createRecord, updateRecord } from "../app/people/records/write.server.ts";
import { addField, updateField } from "../app/schema/edit-fields.server.ts";
import { loadTable } from "../app/schema/tables.server.ts";
import { createTestServices, type TestServices } from "../tests/support/db.ts";
import { callerFor } from "../tests/support/factories.ts";
import { openReplica, type Replica } from "./replica.server.ts";
import { quickSearch } from "./search.server.ts";

describe("replica snapshot", () => {
  let t: TestServices;
  let dir: string;
  let fengsheng: Caller;
  let zhang: { id: number; systemId: string };
  const id = buildId("110102", "1957-07-17", "135");
  const mobile = "13912345678";
  const open = (services = t.services) => openReplica(services, "people", { snapshotDir: dir });
  const find = async (replica: Replica, text: string) =>
    (await quickSearch(t.services, fengsheng, replica, text)).map((h) => h.systemId);
  const colourOf = async (replica: Replica, recordId: number) =>
    (
      await replica.connection.runAndReadAll("SELECT colour FROM marks WHERE record_id = $id", {
        id: recordId,
      })
    ).getRowObjectsJS()[0]?.colour ?? null;
  const mark = async (recordId: number, colour: string | null) => {
    const table = await loadTable(t.services.db, "people");
    await t.services.db
      .insertInto("record_marks")
      .values({ table_id: table.id, record_id: recordId, colour, user_id: null, at: Date.now() })
      .execute();
  };

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 120 });
    dir = path.join(t.config.dataDir, "replica");
    fengsheng = await callerFor(t.services, "fengsheng");
    zhang = await createRecord(t.services, fengsheng, "people", {
      values: { name: "张三丰", document: id.number, mobile, emergencyPhone: "13700001111" },
    });
    await mark(zhang.id, "#e5484d");
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("is written after a full load and holds no ID or phone number in plain text", async () => {
    const replica = await open();
    expect(replica.origin).toMatchObject({ source: "full", reason: "no snapshot" });
    expect(await replica.saveSnapshot()).toBe(true);
    // Nothing changed since: nothing to write.
    expect(await replica.saveSnapshot()).toBe(false);
    await replica.close();

    const files = fs.readdirSync(dir);
    expect(files).toEqual(["people.duckdb"]);
    const secrets = [id.number, mobile, "13700001111", id.number.slice(0, 14), mobile.slice(3)];
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(dir, file));
      for (const secret of secrets) {
        expect(bytes.includes(Buffer.from(secret, "utf8")), `${secret} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, "utf16le")), `${secret} in ${file}`).toBe(false);
      }
    }
    expect(fs.statSync(path.join(dir, "people.duckdb")).mode & 0o077).toBe(0);
  });

  it("restarts from the snapshot and sees what was committed while it was down", async () => {
    await updateRecord(t.services, fengsheng, zhang.id, { values: { mobile: "13788889999" } });
    const other = await createRecord(t.services, fengsheng, "people", { values: { name: "李四光" } });
    await mark(zhang.id, "#30a46c");
    await mark(other.id, "#0090ff");
    await mark(other.id, null);

    const replica = await open();
    try {
      expect(replica.origin.source).toBe("snapshot");
      expect(await find(replica, "8888")).toContain(zhang.systemId);
      expect(await find(replica, "2345")).not.toContain(zhang.systemId);
      expect(await find(replica, id.number.slice(8, 16))).toContain(zhang.systemId);
      expect(await find(replica, "lsg")).toContain(other.systemId);
      expect(await colourOf(replica, zhang.id)).toBe("#30a46c");
      expect(await colourOf(replica, other.id)).toBeNull();
      // Values of every type come back as they were loaded.
      const fresh = await openReplica(t.services, "people");
      const compare = async (r: Replica) =>
        (
          await r.connection.runAndReadAll(
            "SELECT * EXCLUDE (search), md5(search) AS s FROM records ORDER BY id",
          )
        ).getRowObjectsJson();
      expect(await compare(replica)).toEqual(await compare(fresh));
      await fresh.close();
      expect(await replica.saveSnapshot()).toBe(true);
    } finally {
      await replica.close();
    }
  });

  it("drops a record purged while it was down", async () => {
    const gone = await createRecord(t.services, fengsheng, "people", { values: { name: "王五" } });
    // (The newest version row must outlive the purge: it is how a snapshot knows its database.)
    await updateRecord(t.services, fengsheng, zhang.id, { values: { mobile: "13788880000" } });
    const before = await open();
    await before.saveSnapshot({ force: true });
    await before.close();
    await t.services.db.deleteFrom("record_versions").where("record_id", "=", gone.id).execute();
    await t.services.db.deleteFrom("records").where("id", "=", gone.id).execute();
    const replica = await open();
    const count = await replica.connection.runAndReadAll("SELECT count(*) AS n FROM records WHERE id = $id", {
      id: gone.id,
    });
    expect(replica.origin.source).toBe("snapshot");
    expect(Number(count.getRowObjectsJS()[0]!.n)).toBe(0);
    await replica.close();
  });

  it("is ignored under another key, for another database, or when unreadable", async () => {
    const otherKey = Buffer.alloc(32, 7);
    const keys = {
      ...t.services.keys,
      derive: (purpose: Parameters<typeof t.services.keys.derive>[0]) =>
        purpose === "replica-snapshot" ? otherKey : t.services.keys.derive(purpose),
    };
    const rekeyed = await open({ ...t.services, keys });
    expect(rekeyed.origin).toMatchObject({ source: "full", reason: "the key changed" });
    await rekeyed.close();

    const other = await createTestServices({ demoPeople: 0, secretKey: t.config.secretKey });
    try {
      const elsewhere = await open(other.services);
      expect(elsewhere.origin.source).toBe("full");
      await elsewhere.close();
    } finally {
      await other.cleanup();
    }

    const file = path.join(dir, "people.duckdb");
    const good = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([good.subarray(0, 4096), Buffer.alloc(8192, 0x5a)]));
    const broken = await open();
    expect(broken.origin.source).toBe("full");
    expect(broken.origin.reason).toMatch(/unreadable/);
    expect(await broken.saveSnapshot()).toBe(true);
    await broken.close();
    const again = await open();
    expect(again.origin.source).toBe("snapshot");
    await again.close();
  });

  it("is ignored when the table's fields changed", async () => {
    const field = await addField(t.services, fengsheng, "people", {
      label: "志愿者服务时长",
      type: "decimal",
    });
    const replica = await open();
    expect(replica.origin.source).toBe("full");
    expect(replica.origin.reason).toMatch(/columns/);
    expect(replica.columns.map((c) => c.name)).toContain(field.key);
    await replica.close();
  });

  it("goes stale, and writes no snapshot, when a field is marked sensitive", async () => {
    const replica = await open();
    let told = 0;
    const table = await loadTable(t.services.db, "people");
    const landline = table.fields.find((f) => f.key === "landline")!;
    const admin = await callerFor(t.services, "admin");
    await updateField(t.services, admin, landline.id, { sensitive: true });
    await replica.refresh();
    expect(replica.stale).toBe(true);
    expect(await replica.saveSnapshot({ force: true })).toBe(false);
    await replica.close();
    const rebuilt = await openReplica(t.services, "people", { snapshotDir: dir, onStale: () => told++ });
    expect(rebuilt.origin.source).toBe("full");
    expect(rebuilt.stale).toBe(false);
    expect(told).toBe(0);
    await rebuilt.close();
  });
});
