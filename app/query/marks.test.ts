// Colour marks through the domain on a real database (SQLite, or MariaDB in CI): the palette a table
// starts with, marking a selection all or nothing, reading back each record's newest colour, undo (and
// redo), and one log entry per batch however many records it marks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor, tableId } from "../../tests/support/factories.ts";
import { type AppError, isAppError } from "../core/errors.ts";
import type { Caller } from "../core/services.server.ts";
import { createRecord } from "../people/records/write.server.ts";
import { MARK_BATCH_MAX, marksOf, setMarks, undoMarks } from "./marks.server.ts";
import { addColour, deleteColour, listColours, updateColour } from "./palette.server.ts";

const ORANGE = "#f97316";
const GREEN = "#22c55e";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a typed refusal, got ${String(error)}`);
  return error;
}

describe("colour marks", () => {
  let t: TestServices;
  let admin: Caller;
  let fengsheng: Caller;
  let erlonglu: Caller;
  let people: number;
  const mine: number[] = [];
  let theirs: number;

  const markRows = async () =>
    Number(
      (
        await t.services.db
          .selectFrom("record_marks")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const colours = async (ids: number[]) => {
    const marks = await marksOf(t.services, people, ids);
    return ids.map((id) => marks.get(id) ?? null);
  };

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 1200 });
    admin = await callerFor(t.services, "admin");
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
    people = await tableId(t.services, "people");
    for (const name of ["甲", "乙", "丙"])
      mine.push(
        (await createRecord(t.services, fengsheng, "people", { values: { name: `标记${name}` } })).id,
      );
    theirs = (await createRecord(t.services, erlonglu, "people", { values: { name: "二龙路居民" } })).id;
  });
  afterAll(() => t.cleanup());

  it("gives the people table a default palette once, and keeps what staff change", async () => {
    const first = await listColours(t.services, fengsheng, "people");
    expect(first.colours.map((c) => c.colour)).toContain(ORANGE);
    expect(first.colours.find((c) => c.colour === ORANGE)?.meaning).toBe("重点关注");
    const again = await listColours(t.services, erlonglu, people);
    expect(again.colours).toEqual(first.colours);
    const grey = first.colours.find((c) => c.meaning === "已迁出")!;
    await deleteColour(t.services, fengsheng, grey.id);
    const purple = await addColour(t.services, fengsheng, "people", {
      colour: "#A855F7",
      meaning: "重点帮扶",
    });
    expect(purple.colour).toBe("#a855f7");
    expect((await listColours(t.services, fengsheng, "people")).colours.at(-1)?.id).toBe(purple.id);
    const renamed = await updateColour(t.services, fengsheng, purple.id, { meaning: "重点帮扶对象" });
    expect(renamed.meaning).toBe("重点帮扶对象");
    const now = (await listColours(t.services, fengsheng, "people")).colours;
    expect(now).toHaveLength(first.colours.length);
    expect(now.map((c) => c.colour)).not.toContain(grey.colour);
    const dup = await refusal(
      addColour(t.services, fengsheng, "people", { colour: ORANGE, meaning: "又一个" }),
    );
    expect(dup.status).toBe(409);
    const bad = await refusal(
      addColour(t.services, fengsheng, "people", { colour: "orange", meaning: "橙" }),
    );
    expect(bad.fields?.colour).toMatch(/#RRGGBB/);
    // Changing the palette is schema.write: an enterprise admin may read it, not change it.
    const qiye = await callerFor(t.services, "qiye");
    expect((await listColours(t.services, qiye, "people")).colours.length).toBeGreaterThan(0);
    expect(
      (await refusal(addColour(t.services, qiye, "people", { colour: "#000000", meaning: "黑" }))).status,
    ).toBe(403);
    expect((await auditEvents(t.services, "mark.colour_added")).length).toBe(1);
    expect((await auditEvents(t.services, "mark.colour_updated")).length).toBe(1);
    expect((await auditEvents(t.services, "mark.colour_removed")).length).toBe(1);
  });

  it("marks a selection, reads back each record's newest colour, and leaves unchanged ones alone", async () => {
    const [a, b, c] = mine as [number, number, number];
    const first = await setMarks(t.services, fengsheng, "people", { ids: [a, b], colour: ORANGE });
    expect(first.count).toBe(2);
    expect(first.undo).toEqual({ from: expect.any(Number), to: expect.any(Number) });
    expect(first.undo!.to - first.undo!.from).toBe(1);
    expect(await colours([a, b, c])).toEqual([ORANGE, ORANGE, null]);
    const same = await setMarks(t.services, fengsheng, "people", { ids: [a, b, a], colour: ORANGE });
    expect(same).toEqual({ count: 0, undo: null });
    const second = await setMarks(t.services, fengsheng, people, {
      ids: [b, c],
      colour: GREEN.toUpperCase(),
    });
    expect(second.count).toBe(2);
    expect(await colours([a, b, c])).toEqual([ORANGE, GREEN, GREEN]);
    const cleared = await setMarks(t.services, fengsheng, "people", { ids: [a], colour: null });
    expect(cleared.count).toBe(1);
    expect(await colours([a, b, c])).toEqual([null, GREEN, GREEN]);
    const applied = (await auditEvents(t.services, "mark.applied")).map((e) => JSON.parse(e.data));
    expect(applied).toHaveLength(3);
    expect(applied[1]).toMatchObject({ table: "people", colour: GREEN, count: 2 });
  });

  it("undoes a marking back to each record's previous colour, keeps later changes, and redoes", async () => {
    const [a, b, c] = mine as [number, number, number];
    await setMarks(t.services, fengsheng, "people", { ids: [a], colour: ORANGE });
    const batch = await setMarks(t.services, fengsheng, "people", { ids: [a, b, c], colour: "#eab308" });
    expect(batch.count).toBe(3);
    // Someone re-marks c after the batch: undo leaves c as it is now.
    await setMarks(t.services, erlonglu, "people", { ids: [theirs], colour: ORANGE });
    await setMarks(t.services, fengsheng, "people", { ids: [c], colour: ORANGE });
    const undone = await undoMarks(t.services, fengsheng, "people", batch.undo!);
    expect(undone).toMatchObject({ count: 2, skipped: 1 });
    expect(await colours([a, b, c])).toEqual([ORANGE, GREEN, ORANGE]);
    const twice = await undoMarks(t.services, fengsheng, "people", batch.undo!);
    expect(twice).toMatchObject({ count: 0, skipped: 3, undo: null });
    const redone = await undoMarks(t.services, fengsheng, "people", undone.undo!);
    expect(redone.count).toBe(2);
    expect(await colours([a, b, c])).toEqual(["#eab308", "#eab308", ORANGE]);
    expect(JSON.parse((await auditEvents(t.services, "mark.undone"))[0]!.data)).toMatchObject({
      count: 2,
      skipped: 1,
    });
    // A batch is undone only by who marked it.
    const other = await refusal(undoMarks(t.services, erlonglu, "people", batch.undo!));
    expect(other.status).toBe(404);
    const nonsense = await refusal(undoMarks(t.services, fengsheng, "people", { from: 9, to: 3 }));
    expect(nonsense.status).toBe(400);
  });

  it("refuses a selection with a record outside the caller's scope as a whole, writing nothing", async () => {
    const rowsBefore = await markRows();
    const deniedBefore = (await auditEvents(t.services, "access.denied")).length;
    const before = await colours([...mine, theirs]);
    const error = await refusal(
      setMarks(t.services, fengsheng, "people", { ids: [...mine, theirs], colour: GREEN }),
    );
    expect(error.status).toBe(403);
    expect(await markRows()).toBe(rowsBefore);
    expect(await colours([...mine, theirs])).toEqual(before);
    expect((await auditEvents(t.services, "access.denied")).length).toBe(deniedBefore + 1);
    // Ids that are no records of the table: 404, nothing written.
    const missing = await refusal(
      setMarks(t.services, fengsheng, "people", { ids: [mine[0]!, 99_999_999], colour: GREEN }),
    );
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(/未做任何标记 \/ .*nothing was marked/);
    expect(await markRows()).toBe(rowsBefore);
    const offPalette = await refusal(
      setMarks(t.services, fengsheng, "people", { ids: mine, colour: "#123456" }),
    );
    expect(offPalette.status).toBe(400);
    expect(offPalette.fields?.colour).toBeDefined();
    const tooMany = await refusal(
      setMarks(t.services, admin, "people", {
        ids: Array.from({ length: MARK_BATCH_MAX + 1 }, (_, i) => i + 1),
        colour: GREEN,
      }),
    );
    expect(tooMany.fields?.ids).toMatch(/10000/);
    const auditor = await callerFor(t.services, "auditor");
    expect(
      (await refusal(setMarks(t.services, auditor, "people", { ids: mine, colour: GREEN }))).status,
    ).toBe(403);
  });

  it("refuses to remove or recolour a palette colour records carry", async () => {
    const palette = (await listColours(t.services, fengsheng, "people")).colours;
    const orange = palette.find((c) => c.colour === ORANGE)!;
    const removal = await refusal(deleteColour(t.services, fengsheng, orange.id));
    expect(removal.status).toBe(409);
    expect(removal.message).toMatch(/条记录标着 #f97316/);
    expect(
      (await refusal(updateColour(t.services, fengsheng, orange.id, { colour: "#fb923c" }))).status,
    ).toBe(409);
    const blue = palette.find((c) => c.colour === "#3b82f6")!;
    expect((await updateColour(t.services, fengsheng, blue.id, { colour: "#2563eb" })).colour).toBe(
      "#2563eb",
    );
  });

  it("marks a thousand and more records in one batch, logged once", async () => {
    const all = (
      await t.services.db.selectFrom("records").select("id").where("table_id", "=", people).execute()
    ).map((r) => Number(r.id));
    expect(all.length).toBeGreaterThan(1200);
    const loggedBefore = (await auditEvents(t.services, "mark.applied")).length;
    const started = Date.now();
    const result = await setMarks(t.services, admin, "people", { ids: all, colour: GREEN });
    const took = Date.now() - started;
    expect(result.count).toBeGreaterThan(1000);
    expect(result.undo!.to - result.undo!.from + 1).toBe(result.count);
    const marks = await marksOf(t.services, people, all);
    expect(all.every((id) => marks.get(id) === GREEN)).toBe(true);
    const logged = await auditEvents(t.services, "mark.applied");
    expect(logged.length).toBe(loggedBefore + 1);
    expect(JSON.parse(logged.at(-1)!.data)).toMatchObject({ count: result.count, colour: GREEN });
    expect(took).toBeLessThan(10_000);
    const undone = await undoMarks(t.services, admin, "people", result.undo!);
    expect(undone.count).toBe(result.count);
    expect(await colours(mine)).toEqual(["#eab308", "#eab308", ORANGE]);
  });
});
