// The change feed against a real database: rows that become visible out of id order (a transaction that
// took a lower id commits after a higher one) are still taken, holes are given up after the grace period,
// and only the feed's own table counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices, testDialect } from "../tests/support/db.ts";
import { feedAtHead, feedFrom, GAP_GRACE_MS } from "./change-feed.server.ts";

describe("change feed", () => {
  let t: TestServices;
  let clock = 1_000_000;
  const now = () => clock;

  beforeAll(async () => {
    t = await createTestServices({ demo: false });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** A version row with a chosen id, as a transaction that took that id would commit it. */
  const commit = (id: number, recordId: number, tableId = 1) =>
    t.services.db
      .insertInto("record_versions")
      .values({
        id,
        record_id: recordId,
        table_id: tableId,
        version: 1,
        kind: "update",
        changes: "[]",
        at: 1,
      })
      .execute();

  it("takes an id committed after a higher one, once, and only for its own table", async () => {
    await commit(1, 501);
    const feed = await feedAtHead(t.services.db, "record_versions", 1, now);
    expect(feed.position()).toEqual({ seen: 1, gaps: [] });
    await commit(4, 504);
    await commit(5, 505, 2);
    expect(await feed.poll()).toEqual([504]);
    expect(feed.position()).toEqual({ seen: 5, gaps: [2, 3] });
    await commit(3, 503);
    expect(await feed.poll()).toEqual([503]);
    expect(feed.position().gaps).toEqual([2]);
    expect(await feed.poll()).toEqual([]);
  });

  it("gives up a hole after the grace period", async () => {
    const feed = feedFrom(t.services.db, "record_versions", 1, { seen: 5, gaps: [2] }, now);
    clock += GAP_GRACE_MS + 1;
    expect(await feed.poll()).toEqual([]);
    expect(feed.position().gaps).toEqual([]);
    // Too late: a feed that gave the id up does not take it any more.
    await commit(2, 502);
    expect(await feed.poll()).toEqual([]);
  });

  it("starting at the head, awaits ids below it that are not visible yet", async () => {
    await commit(9, 509);
    const feed = await feedAtHead(t.services.db, "record_versions", 1, now);
    expect(feed.position()).toEqual({ seen: 9, gaps: [6, 7, 8] });
    await commit(7, 507);
    expect(await feed.poll()).toEqual([507]);
  });

  // SQLite has one writer: a second transaction cannot commit while the first is open.
  it.runIf(testDialect === "mysql")("takes a lower id whose transaction commits late (MySQL)", async () => {
    const feed = await feedAtHead(t.services.db, "record_versions", 1, now);
    const version = (recordId: number) => ({
      record_id: recordId,
      table_id: 1,
      version: 1,
      kind: "update" as const,
      changes: "[]",
      at: 1,
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const insertedFirst = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    // A takes its id first and commits last.
    const slow = t.services.db.transaction().execute(async (trx) => {
      await trx.insertInto("record_versions").values(version(701)).execute();
      inserted();
      await held;
    });
    await insertedFirst;
    await t.services.db.insertInto("record_versions").values(version(702)).execute();
    expect(await feed.poll()).toEqual([702]);
    release();
    await slow;
    expect(await feed.poll()).toEqual([701]);
  });

  it("follows colour marks the same way", async () => {
    const mark = (id: number, recordId: number) =>
      t.services.db
        .insertInto("record_marks")
        .values({ id, table_id: 1, record_id: recordId, colour: "#e5484d", user_id: null, at: 1 })
        .execute();
    const feed = await feedAtHead(t.services.db, "record_marks", 1, now);
    await mark(2, 602);
    await mark(1, 601);
    expect((await feed.poll()).sort()).toEqual([601, 602]);
  });
});
