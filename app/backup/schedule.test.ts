// Scheduled backups and what surrounds a run: the schedule's settings, one claim when two app processes
// share a database, a failure in every active street admin's inbox and the system log, retention, and a
// run left behind by a dead process marked interrupted.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices, testDialect } from "../../tests/support/db.ts";
import { accountId, addAccount, auditEvents, orgId } from "../../tests/support/factories.ts";
import { createServices } from "../core/boot.server.ts";
import type { Services } from "../core/services.server.ts";
import { applyRetention } from "./retention.server.ts";
import { beginBackup } from "./run.server.ts";
import { HOST, listRuns, markInterrupted } from "./runs.server.ts";
import { dueSlot, runScheduledBackup } from "./schedule.server.ts";
import { parseKeep, parseSchedule } from "./settings.ts";

// 2026-12-07 02:31 Beijing time.
const AT = Date.UTC(2026, 11, 6, 18, 31);

describe("backup settings", () => {
  it("reads the schedule and retention, and refuses what it cannot read", () => {
    expect(parseSchedule("daily 02:30")).toEqual({ kind: "daily", hour: 2, minute: 30 });
    expect(parseSchedule("daily")).toEqual({ kind: "daily", hour: 2, minute: 30 });
    expect(parseSchedule("OFF")).toEqual({ kind: "off" });
    expect(() => parseSchedule("weekly")).toThrow(/LINLI_BACKUP_SCHEDULE=weekly is not valid/);
    expect(() => parseSchedule("daily 25:00")).toThrow(/not valid/);
    expect(parseKeep("14")).toEqual({ count: 14 });
    expect(parseKeep("30d")).toEqual({ days: 30 });
    expect(() => parseKeep("0")).toThrow(/LINLI_BACKUP_KEEP=0 is not valid/);
  });

  it("is due once the hour has passed that day, Beijing time", () => {
    const daily = parseSchedule("daily 02:30");
    expect(dueSlot(daily, AT)).toBe("daily:2026-12-07");
    expect(dueSlot(daily, AT - 2 * 60_000)).toBeNull();
    expect(dueSlot(parseSchedule("daily 23:00"), AT)).toBeNull();
    expect(dueSlot(parseSchedule("off"), AT)).toBeNull();
  });
});

describe(`scheduled backups (${testDialect})`, () => {
  let t: TestServices;
  let other: Services;

  beforeAll(async () => {
    t = await createTestServices({ backupSchedule: "daily 02:30", backupKeep: "2" });
    // A second app process on the same database (and, here, the same data directory).
    other = await createServices(t.config);
  });
  afterAll(async () => {
    await other?.database.close();
    await t?.cleanup();
  });

  it("is made once when two processes find it due at the same moment", async () => {
    const started = await Promise.all([runScheduledBackup(t.services, AT), runScheduledBackup(other, AT)]);
    const made = started.filter((s) => s !== null);
    expect(made).toHaveLength(1);
    expect((await made[0]!.finished).status).toBe("done");
    expect(await runScheduledBackup(other, AT + 60_000)).toBeNull();
    // The claim itself is the unique slot: a second run of that slot does not start even when asked.
    expect(await beginBackup(other, { via: "schedule", slot: "daily:2026-12-07" })).toBeNull();
    const rows = await t.services.db.selectFrom("backups").selectAll().execute();
    expect(rows.map((r) => [r.slot, r.status, r.started_via])).toEqual([
      ["daily:2026-12-07", "done", "schedule"],
    ]);
    expect(fs.readdirSync(path.join(t.config.dataDir, "backups"))).toEqual([
      path.basename(rows[0]!.location),
    ]);
  });

  it("keeps the newest backups the retention setting asks for", async () => {
    for (let i = 0; i < 2; i++) await (await beginBackup(t.services, { via: "cli" }))!.finished;
    const runs = await listRuns(t.services);
    expect(runs.map((r) => r.status)).toEqual(["done", "done", "removed"]);
    expect(fs.existsSync(runs[2]!.location)).toBe(false);
    expect(fs.existsSync(runs[0]!.location)).toBe(true);
    // By age: everything older than a day goes, except the newest good backup.
    const days = { ...t.services, config: { ...t.config, backupKeep: "1d" } };
    expect(await applyRetention(days, Date.now() + 3 * 86_400_000)).toBe(1);
    expect((await listRuns(t.services)).map((r) => r.status)).toEqual(["done", "removed", "removed"]);
  });

  it("tells every active street admin when a backup fails, and logs it", async () => {
    const street = await orgId(t.services, "金融街街道");
    await addAccount(t.services, "street2", "street_admin", street);
    const gone = await addAccount(t.services, "street3", "street_admin", street);
    await t.services.db.updateTable("users").set({ status: "disabled" }).where("id", "=", gone).execute();
    // The backup directory cannot be made: a plain file stands where it should be.
    const blocker = path.join(t.config.dataDir, "blocker");
    fs.writeFileSync(blocker, "");
    const broken = { ...t.services, config: { ...t.config, backupDir: path.join(blocker, "backups") } };
    const started = await beginBackup(broken, { via: "schedule", slot: "daily:2026-12-08" });
    await expect(started!.finished).rejects.toThrow(/ENOTDIR|not a directory/);

    const [run] = await listRuns(t.services, 1);
    expect(run).toMatchObject({ status: "failed", via: "schedule", error: expect.stringMatching(/ENOTDIR/) });
    const notices = await t.services.db
      .selectFrom("inbox_messages")
      .select(["user_id", "title", "link"])
      .where("kind", "=", "backup.failed")
      .execute();
    const admins = [await accountId(t.services, "admin"), await accountId(t.services, "street2")];
    expect(notices.map((n) => Number(n.user_id)).sort()).toEqual(admins.sort());
    expect(notices[0]).toMatchObject({
      title: expect.stringContaining("数据备份失败"),
      link: "/admin/backups",
    });
    const logged = await auditEvents(t.services, "backup.failed");
    expect(JSON.parse(logged.at(-1)!.data)).toMatchObject({ backup: run!.id, via: "schedule" });
    expect(logged.at(-1)!.actor_name).toBe("system");
  });

  it("marks a run whose process died as interrupted and removes what it left", async () => {
    const dir = path.join(t.config.dataDir, "backups");
    const location = path.join(dir, "linli-backup-dead.lbk");
    fs.writeFileSync(`${location}.partial`, "half");
    const now = Date.now();
    const inserted = await t.services.db
      .insertInto("backups")
      .values({
        status: "running",
        started_via: "cli",
        slot: null,
        location,
        size: null,
        sha256: null,
        row_count: null,
        file_count: null,
        phase: "database",
        error: null,
        host: HOST,
        // No process has this id (above the kernel's pid limit).
        pid: 4_194_305,
        user_id: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .executeTakeFirstOrThrow();
    expect(await markInterrupted(t.services)).toBe(1);
    const [run] = await listRuns(t.services, 1);
    expect(run).toMatchObject({ id: Number(inserted.insertId), status: "interrupted" });
    expect(fs.existsSync(`${location}.partial`)).toBe(false);
  });
});
