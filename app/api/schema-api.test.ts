// Table design and dictionaries through the JSON API: tables and sub-tables, fields added, edited,
// moved, removed and restored, dictionary options added, renamed and merged — each answer shaped as the
// registry documents it, each error bilingual JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { tableId } from "../../tests/support/factories.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import * as dictionariesRoute from "../routes/api/dictionaries.ts";
import * as dictionaryRoute from "../routes/api/dictionary.ts";
import * as mergeRoute from "../routes/api/dictionary-merge.ts";
import * as optionsRoute from "../routes/api/dictionary-options.ts";
import * as fieldRoute from "../routes/api/field.ts";
import * as moveRoute from "../routes/api/field-move.ts";
import * as restoreFieldRoute from "../routes/api/field-restore.ts";
import * as tableRoute from "../routes/api/table.ts";
import * as tableFieldsRoute from "../routes/api/table-fields.ts";
import * as recordsRoute from "../routes/api/table-records.ts";
import * as tablesRoute from "../routes/api/tables.ts";
import { documented, routeCaller } from "./api-call.test-support.ts";
import { operation } from "./operations.ts";

describe("schema API", () => {
  let t: TestServices;
  let peopleId: number;
  beforeAll(async () => {
    t = await createTestServices();
    peopleId = await tableId(t.services, "people");
  });
  afterAll(() => t.cleanup());

  const call = routeCaller(() => t.services);
  const createPerson = (values: Record<string, unknown>) =>
    call(recordsRoute.action, "fengsheng", { method: "POST", id: peopleId, body: { values } });

  describe("tables and fields", () => {
    let tableId: number;
    let fieldId: number;
    let dateKey: string;

    it("lists the tables, the person table among them, and shows one with its fields", async () => {
      const list = await call(tablesRoute.loader, "fengsheng");
      expect(list.status).toBe(200);
      documented("listTables", list.body);
      expect(list.body.items).toContainEqual(expect.objectContaining({ key: "people", name: "社区人员" }));
      const people = await call(tableRoute.loader, "fengsheng", { id: peopleId });
      documented("getTable", people.body);
      expect(people.body.fields.map((f: { key: string }) => f.key)).toContain("document");
      expect((await call(tableRoute.loader, "fengsheng", { id: 99999 })).status).toBe(404);
      expect((await call(tablesRoute.loader, "auditor")).status).toBe(403);
    });

    it("creates a sub-table, renames it, and refuses a taken name", async () => {
      const created = await call(tablesRoute.action, "fengsheng", {
        method: "POST",
        body: { name: "帮扶走访记录", parent: "people" },
      });
      expect(created.status).toBe(201);
      documented("createTable", created.body);
      expect(created.body).toMatchObject({ kind: "sub", parentId: peopleId, fields: [] });
      tableId = created.body.id;
      const renamed = await call(tableRoute.action, "fengsheng", {
        method: "PATCH",
        id: tableId,
        body: { name: "入户走访记录" },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe("入户走访记录");
      const taken = await call(tableRoute.action, "fengsheng", {
        method: "PATCH",
        id: tableId,
        body: { name: "社区人员" },
      });
      expect(taken.status).toBe(409);
      const blank = await call(tablesRoute.action, "fengsheng", { method: "POST", body: { name: " " } });
      expect(blank.status).toBe(400);
      expect(blank.body.error.fields.name).toBeDefined();
    });

    it("adds, edits, moves, removes and restores fields", async () => {
      const first = await call(tableFieldsRoute.action, "fengsheng", {
        method: "POST",
        id: tableId,
        body: { label: "走访日期", type: "date", required: true },
      });
      expect(first.status).toBe(201);
      documented("addField", first.body);
      dateKey = first.body.key;
      const example = await call(tableFieldsRoute.action, "fengsheng", {
        method: "POST",
        id: tableId,
        body: operation("addField").body!.example,
      });
      expect(example.status).toBe(201);
      fieldId = example.body.id;
      const badType = await call(tableFieldsRoute.action, "fengsheng", {
        method: "POST",
        id: tableId,
        body: { label: "鞋码", type: "shoe" },
      });
      expect(badType.status).toBe(400);
      expect(badType.body.error.fields.type).toBeDefined();
      const updated = await call(fieldRoute.action, "fengsheng", {
        method: "PATCH",
        id: fieldId,
        body: { label: "低保证编号", sensitive: true },
      });
      expect(updated.status).toBe(200);
      documented("updateField", updated.body);
      expect(updated.body).toMatchObject({ label: "低保证编号", sensitive: true });
      const moved = await call(moveRoute.action, "fengsheng", {
        method: "POST",
        id: fieldId,
        body: { direction: "up" },
      });
      documented("moveField", moved.body);
      expect(moved.body.fields.map((f: { id: number }) => f.id)).toEqual([fieldId, first.body.id]);
      const removed = await call(fieldRoute.action, "fengsheng", { method: "DELETE", id: fieldId });
      expect(removed.status).toBe(200);
      expect(removed.body.removedAt).not.toBeNull();
      const table = await call(tableRoute.loader, "fengsheng", { id: tableId });
      expect(table.body.removedFields.map((f: { id: number }) => f.id)).toEqual([fieldId]);
      const restored = await call(restoreFieldRoute.action, "fengsheng", { method: "POST", id: fieldId });
      expect(restored.status).toBe(200);
      expect(restored.body.removedAt).toBeNull();
      expect((await call(fieldRoute.action, "fengsheng", { method: "DELETE", id: 999999 })).status).toBe(404);
    });

    it("takes sub-table rows under a record", async () => {
      const person = await createPerson({
        name: "何平",
        document: buildId("110102", "1955-11-11", "153").number,
      });
      const created = await call(recordsRoute.action, "fengsheng", {
        method: "POST",
        id: tableId,
        body: { parentId: person.body.id, values: { [dateKey]: "2026-05-01" } },
      });
      expect(created.status).toBe(201);
      expect(created.body.parentId).toBe(person.body.id);
      const orphan = await call(recordsRoute.action, "fengsheng", {
        method: "POST",
        id: tableId,
        body: { values: { [dateKey]: "2026-05-01" } },
      });
      expect(orphan.status).toBe(400);
      expect(orphan.body.error.fields.parentId).toBeDefined();
    });
  });

  describe("dictionaries", () => {
    let dictionaryId: number;

    it("lists the built-in dictionaries and shows one by id", async () => {
      const list = await call(dictionariesRoute.loader, "fengsheng");
      expect(list.status).toBe(200);
      documented("listDictionaries", list.body);
      const ethnicity = list.body.items.find((d: { key: string }) => d.key === "ethnicity");
      expect(ethnicity.options.length).toBeGreaterThan(50);
      const one = await call(dictionaryRoute.loader, "fengsheng", { id: ethnicity.id });
      documented("getDictionary", one.body);
      expect(one.body.key).toBe("ethnicity");
      expect((await call(dictionaryRoute.loader, "fengsheng", { id: 99999 })).status).toBe(404);
    });

    it("creates a dictionary, adds, renames and merges options", async () => {
      const created = await call(dictionariesRoute.action, "fengsheng", {
        method: "POST",
        body: operation("createDictionary").body!.example,
      });
      expect(created.status).toBe(201);
      documented("createDictionary", created.body);
      expect(created.body).toMatchObject({ name: "帮扶类型", multiple: true, options: [] });
      dictionaryId = created.body.id;
      const add = (label: string) =>
        call(optionsRoute.action, "fengsheng", { method: "POST", id: dictionaryId, body: { label } });
      expect((await add("医疗救助")).status).toBe(201);
      expect((await add("医疗救助")).status).toBe(409);
      const both = await add("医疗帮扶");
      documented("addDictionaryOption", both.body);
      const [kept, dup] = both.body.options;
      const renamed = await call(optionsRoute.action, "fengsheng", {
        method: "PATCH",
        id: dictionaryId,
        body: { code: kept.code, label: "医疗救助金", colour: "#2563eb" },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.options[0]).toMatchObject({ label: "医疗救助金", colour: "#2563eb" });
      expect(renamed.body.options[0].synonyms).toContain("医疗救助");
      const badColour = await call(optionsRoute.action, "fengsheng", {
        method: "PATCH",
        id: dictionaryId,
        body: { code: kept.code, colour: "pink" },
      });
      expect(badColour.status).toBe(400);
      const noCode = await call(optionsRoute.action, "fengsheng", {
        method: "PATCH",
        id: dictionaryId,
        body: { label: "x" },
      });
      expect(noCode.status).toBe(400);
      expect(noCode.body.error.fields.code).toBeDefined();
      const merged = await call(mergeRoute.action, "fengsheng", {
        method: "POST",
        id: dictionaryId,
        body: { from: dup.code, into: kept.code },
      });
      expect(merged.status).toBe(200);
      documented("mergeDictionaryOptions", merged.body);
      expect(merged.body.options).toHaveLength(1);
      expect(merged.body.options[0].aliases).toContain(dup.code);
      const self = await call(mergeRoute.action, "fengsheng", {
        method: "POST",
        id: dictionaryId,
        body: { from: kept.code, into: kept.code },
      });
      expect(self.status).toBe(400);
      expect((await call(dictionariesRoute.loader, "auditor")).status).toBe(403);
    });
  });
});
