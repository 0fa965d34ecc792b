// The resident flags staff set on fields (who sees and who may propose what), the built-in defaults on
// a new and on an existing database, and photos proposed from the resident's profile.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as selfService from "../../db/migrations/0008_self_service.ts";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import type { Caller } from "../core/services.server.ts";
import { readFile } from "../files/read.server.ts";
import { addField, updateField } from "../schema/edit-fields.server.ts";
import { residentAccess } from "../schema/resident-access.ts";
import { loadTable } from "../schema/tables.server.ts";
import { readOwnFile, uploadOwnPhoto } from "./files.server.ts";
import { getOwnProfile } from "./profile.server.ts";
import { proposeChanges, withdrawProposal } from "./propose.server.ts";
import { getReview } from "./review.server.ts";

const accessOf = async (t: TestServices) =>
  Object.fromEntries(
    (await loadTable(t.services.db, "people")).fields
      .map((f) => [f.key, residentAccess(f)] as const)
      .filter(([, a]) => a !== "none"),
  );

const DEFAULTS = {
  name: "visible",
  document: "visible",
  sex: "visible",
  birthDate: "visible",
  mobile: "editable",
  email: "editable",
  address: "editable",
  photo: "editable",
  workUnit: "editable",
};

describe("resident flags and photos", () => {
  let t: TestServices;
  let fengsheng: Caller;
  let zhangwei: Caller;
  let liuyang: Caller;
  beforeAll(async () => {
    t = await createTestServices({ demoResidents: true });
    fengsheng = await callerFor(t.services, "fengsheng");
    zhangwei = await callerFor(t.services, "zhangwei");
    liuyang = await callerFor(t.services, "liuyang");
  });
  afterAll(() => t.cleanup());

  const field = async (key: string) =>
    (await loadTable(t.services.db, "people")).fields.find((f) => f.key === key)!;

  it("gives the built-in person table its defaults on a new database", async () => {
    expect(await accessOf(t)).toEqual(DEFAULTS);
  });

  it("lets staff make a field editable (and so visible), and refuses what makes no sense", async () => {
    const occupation = await field("occupation");
    const changed = await updateField(t.services, fengsheng, occupation.id, { residentEditable: "on" });
    expect(changed.options).toMatchObject({ residentVisible: true, residentEditable: true, maxLength: 50 });
    const hidden = await updateField(t.services, fengsheng, occupation.id, { residentVisible: "" });
    expect(residentAccess(hidden)).toBe("none");
    expect(hidden.options.residentEditable).toBeUndefined();
    await expect(
      updateField(t.services, fengsheng, occupation.id, { residentVisible: "", residentEditable: "on" }),
    ).rejects.toMatchObject({ kind: "invalid", fields: { residentEditable: expect.any(String) } });
    for (const key of ["document", "age"])
      await expect(
        updateField(t.services, fengsheng, (await field(key)).id, { residentEditable: "on" }),
      ).rejects.toMatchObject({ kind: "invalid", fields: { residentEditable: expect.any(String) } });
    for (const key of ["householdHead", "attachments"])
      await expect(
        updateField(t.services, fengsheng, (await field(key)).id, { residentVisible: "on" }),
      ).rejects.toMatchObject({ kind: "invalid", fields: { residentVisible: expect.any(String) } });
    const added = await addField(t.services, fengsheng, "people", {
      label: "微信号",
      type: "text",
      residentEditable: "on",
    });
    expect(residentAccess(added)).toBe("editable");
    const profile = await getOwnProfile(t.services, zhangwei);
    expect(profile.fields.find((f) => f.key === added.key)).toMatchObject({ editable: true });
    await expect(
      proposeChanges(t.services, zhangwei, { values: { [occupation.key]: "教师" } }),
    ).rejects.toMatchObject({ kind: "invalid" });
  });

  it("proposes a new photo: the reviewer sees old and new, only the resident's own files open", async () => {
    const picture = (colour: string) =>
      sharp({ create: { width: 60, height: 80, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const photo = await uploadOwnPhoto(t.services, zhangwei, {
      name: "me.png",
      data: await picture("#c0392b"),
    });
    const proposal = await proposeChanges(t.services, zhangwei, { values: { photo: photo.id } });
    const review = await getReview(t.services, fengsheng, proposal.id);
    expect(review.changes[0]).toMatchObject({ field: "photo", photo: { old: null, new: photo.id } });
    // The reviewer opens it like any file of their scope; the resident through their own profile only.
    expect((await readFile(t.services, fengsheng, photo.id, "thumb")).mime).toBe("image/webp");
    expect((await readOwnFile(t.services, zhangwei, photo.id, "original")).data.length).toBeGreaterThan(0);
    await expect(readOwnFile(t.services, liuyang, photo.id, "original")).rejects.toMatchObject({
      kind: "not_found",
    });
    const stray = await uploadOwnPhoto(t.services, liuyang, {
      name: "x.png",
      data: await picture("#2e86de"),
    });
    await expect(readOwnFile(t.services, zhangwei, stray.id, "original")).rejects.toMatchObject({
      kind: "not_found",
    });
    await withdrawProposal(t.services, zhangwei, proposal.id);
  });
});

describe("migration 0008 on an existing database", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices({ demo: false });
  });
  afterAll(() => t.cleanup());

  it("gives the built-in fields the resident defaults, keeping their other options", async () => {
    const db = t.services.db;
    await selfService.down(db);
    // As a database from before this migration: the built-in fields without resident flags.
    for (const f of await db.selectFrom("data_fields").select(["id", "options"]).execute()) {
      const { residentVisible: _v, residentEditable: _e, ...rest } = JSON.parse(f.options);
      await db
        .updateTable("data_fields")
        .set({ options: JSON.stringify(rest) })
        .where("id", "=", f.id)
        .execute();
    }
    expect(await accessOf(t)).toEqual({});
    await selfService.up(db);
    expect(await accessOf(t)).toEqual(DEFAULTS);
    expect((await loadTable(db, "people")).fields.find((f) => f.key === "workUnit")!.options).toMatchObject({
      maxLength: 100,
    });
  });
});
