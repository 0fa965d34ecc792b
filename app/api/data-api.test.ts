// The community database's records through the JSON API, route module to domain to database and back:
// ID intelligence, typed errors as bilingual JSON (never a 500), versions, history, recycle bin, reveal
// (logged), scope, and every answer shaped as the registry documents it. Tables, fields and dictionaries:
// schema-api.test.ts.
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, tableId } from "../../tests/support/factories.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import * as openApiRoute from "../routes/api/openapi.ts";
import * as recordRoute from "../routes/api/record.ts";
import * as historyRoute from "../routes/api/record-history.ts";
import * as revealRoute from "../routes/api/record-reveal.ts";
import * as purgeRoute from "../routes/api/records-purge.ts";
import * as previewRoute from "../routes/api/records-purge-preview.ts";
import * as restoreRoute from "../routes/api/records-restore.ts";
import * as recordsRoute from "../routes/api/table-records.ts";
import * as searchRoute from "../routes/api/table-records-search.ts";
import * as binRoute from "../routes/api/table-recycle-bin.ts";
import { documented, routeCaller } from "./api-call.test-support.ts";
import { operation } from "./operations.ts";

describe("records API", () => {
  let t: TestServices;
  let peopleId: number;
  beforeAll(async () => {
    t = await createTestServices();
    peopleId = await tableId(t.services, "people");
  });
  afterAll(() => t.cleanup());

  const call = routeCaller(() => t.services);

  const createPerson = (values: Record<string, unknown>, username = "fengsheng") =>
    call(recordsRoute.action, username, { method: "POST", id: peopleId, body: { values } });

  describe("a person record", () => {
    const id = buildId("110102", "1962-08-15", "284");
    let recordId: number;

    it("creates a person from name and ID number alone, filling birth date, sex and age", async () => {
      const res = await createPerson({ name: "刘桂芳", document: id.number });
      expect(res.status).toBe(201);
      documented("createRecord", res.body);
      recordId = res.body.id;
      expect(res.body.systemId).toMatch(/^RY-\d{6}$/);
      expect(res.body.values.birthDate).toBe("1962-08-15");
      expect(res.body.display.sex).toBe("女");
      expect(res.body.values.age).toBeGreaterThanOrEqual(63);
      expect(res.body.orgName).toBe("丰盛社区");
      expect(res.body.masked).toContain("document");
      expect(JSON.stringify(res.body)).not.toContain(id.number);
    });

    it("accepts the documented example body", async () => {
      const op = operation("createRecord");
      const res = await call(recordsRoute.action, "fengsheng", {
        method: "POST",
        id: peopleId,
        body: op.body!.example,
      });
      expect(res.status).toBe(201);
      expect(res.body.values.birthDate).toBe("1949-12-31");
      expect(res.body.display.ethnicity).toBe("汉族");
    });

    it("refuses a wrong check digit with 400 naming the document field", async () => {
      const other = buildId("110102", "1975-04-02", "316");
      const wrong = other.number.slice(0, 17) + (other.number.endsWith("1") ? "2" : "1");
      const res = await createPerson({ name: "陈建国", document: wrong });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid");
      expect(res.body.error.fields.document).toMatch(/校验/);
    });

    it("refuses the same person twice with 409", async () => {
      const res = await createPerson({ name: "刘桂芳", document: id.number });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
      expect(res.body.error.fields.document).toBeDefined();
    });

    it("answers bad bodies, unknown fields and bad ids with 400, missing records with 404", async () => {
      const noValues = await call(recordsRoute.action, "fengsheng", {
        method: "POST",
        id: peopleId,
        body: {},
      });
      expect(noValues.status).toBe(400);
      expect(noValues.body.error.fields.values).toBeDefined();
      const unknown = await createPerson({ name: "张三", shoeSize: 42 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields.shoeSize).toBeDefined();
      const odd = await createPerson({ name: { first: "张" }, document: 12 });
      expect(odd.status).toBe(400);
      expect((await call(recordRoute.loader, "fengsheng", { id: "abc" })).status).toBe(400);
      expect((await call(recordRoute.loader, "fengsheng", { id: 99999999 })).status).toBe(404);
      expect((await call(recordsRoute.loader, "fengsheng", { id: 99999999 })).status).toBe(404);
      const page = await call(recordsRoute.loader, "fengsheng", { id: peopleId, query: "?pageSize=1000" });
      expect(page.status).toBe(400);
      expect(page.body.error.fields.pageSize).toBeDefined();
    });

    it("finds records by the whole ID number in a request body, never in a URL", async () => {
      const inUrl = await call(recordsRoute.loader, "fengsheng", {
        id: peopleId,
        query: `?q=${id.number}&page=1&pageSize=10`,
      });
      expect(inUrl.status).toBe(400);
      expect(inUrl.body.error.message).toContain("records/search");
      const res = await call(searchRoute.action, "fengsheng", {
        method: "POST",
        id: peopleId,
        body: { q: id.number, page: 1, pageSize: 10 },
      });
      expect(res.status).toBe(200);
      documented("searchRecords", res.body);
      expect(res.body.table.key).toBe("people");
      expect(res.body.items.map((r: { id: number }) => r.id)).toEqual([recordId]);
      expect(res.body.total).toBe(1);
    });

    it("refuses a save over a newer version with 409, saves with the current one", async () => {
      const current = await call(recordRoute.loader, "fengsheng", { id: recordId });
      documented("getRecord", current.body);
      const version = current.body.version;
      const saved = await call(recordRoute.action, "fengsheng", {
        method: "PATCH",
        id: recordId,
        body: { version, values: { nativePlace: "河北保定" } },
      });
      expect(saved.status).toBe(200);
      documented("updateRecord", saved.body);
      expect(saved.body.version).toBe(version + 1);
      expect(saved.body.values.nativePlace).toBe("河北保定");
      const stale = await call(recordRoute.action, "fengsheng", {
        method: "PATCH",
        id: recordId,
        body: { version, values: { nativePlace: "天津" } },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/刷新/);
    });

    it("lists the change in the history", async () => {
      const res = await call(historyRoute.loader, "fengsheng", { id: recordId });
      expect(res.status).toBe(200);
      documented("getRecordHistory", res.body);
      const [latest, first] = res.body.entries;
      expect(latest).toMatchObject({ kind: "update", by: expect.any(String) });
      expect(latest.changes).toContainEqual(
        expect.objectContaining({ field: "nativePlace", new: "河北保定", masked: false }),
      );
      expect(first.kind).toBe("create");
      expect(JSON.stringify(res.body)).not.toContain(id.number);
    });

    it("reveals the full number, and writes it to the system log", async () => {
      const before = (await auditEvents(t.services, "record.revealed")).length;
      const res = await call(revealRoute.action, "fengsheng", {
        method: "POST",
        id: recordId,
        body: { field: "document" },
      });
      expect(res.status).toBe(200);
      documented("revealRecordValue", res.body);
      expect(res.body).toEqual({ field: "document", text: id.number });
      const after = await auditEvents(t.services, "record.revealed");
      expect(after).toHaveLength(before + 1);
      expect(JSON.stringify(after.at(-1))).not.toContain(id.number);
      const notSensitive = await call(revealRoute.action, "fengsheng", {
        method: "POST",
        id: recordId,
        body: { field: "name" },
      });
      expect(notSensitive.status).toBe(404);
      const noField = await call(revealRoute.action, "fengsheng", { method: "POST", id: recordId, body: {} });
      expect(noField.status).toBe(400);
      expect(noField.body.error.fields.field).toBeDefined();
    });

    it("keeps another community out with 403", async () => {
      expect((await call(recordRoute.loader, "erlonglu", { id: recordId })).status).toBe(403);
      const patch = await call(recordRoute.action, "erlonglu", {
        method: "PATCH",
        id: recordId,
        body: { values: { nativePlace: "天津" } },
      });
      expect(patch.status).toBe(403);
      expect((await call(historyRoute.loader, "erlonglu", { id: recordId })).status).toBe(403);
      const reveal = await call(revealRoute.action, "erlonglu", {
        method: "POST",
        id: recordId,
        body: { field: "document" },
      });
      expect(reveal.status).toBe(403);
      expect((await call(recordRoute.action, "erlonglu", { method: "DELETE", id: recordId })).status).toBe(
        403,
      );
      const list = await call(recordsRoute.loader, "erlonglu", { id: peopleId });
      expect(list.body.items.map((r: { id: number }) => r.id)).not.toContain(recordId);
      // Roles without the permission at all: the auditor reads no records.
      expect((await call(recordRoute.loader, "auditor", { id: recordId })).status).toBe(403);
    });

    it("deletes into the recycle bin and restores from it", async () => {
      const deleted = await call(recordRoute.action, "fengsheng", { method: "DELETE", id: recordId });
      expect(deleted.status).toBe(200);
      documented("deleteRecord", deleted.body);
      expect(deleted.body.count).toBe(1);
      const again = await call(recordRoute.action, "fengsheng", { method: "DELETE", id: recordId });
      expect(again.body.count).toBe(0);
      const bin = await call(binRoute.loader, "fengsheng", { id: peopleId });
      expect(bin.status).toBe(200);
      documented("listRecycleBin", bin.body);
      expect(bin.body.items.map((r: { id: number }) => r.id)).toContain(recordId);
      expect(bin.body.items[0].purgeAt).toMatch(/^\d{4}-/);
      const binnedEdit = await call(recordRoute.action, "fengsheng", {
        method: "PATCH",
        id: recordId,
        body: { values: { nativePlace: "天津" } },
      });
      expect(binnedEdit.status).toBe(409);
      const restored = await call(restoreRoute.action, "fengsheng", {
        method: "POST",
        body: { ids: [recordId] },
      });
      expect(restored.status).toBe(200);
      expect(restored.body.count).toBe(1);
      const back = await call(recordRoute.loader, "fengsheng", { id: recordId });
      expect(back.body.deletedAt).toBeNull();
      const history = await call(historyRoute.loader, "fengsheng", { id: recordId });
      expect(history.body.entries.slice(0, 2).map((e: { kind: string }) => e.kind)).toEqual([
        "restore",
        "delete",
      ]);
      const empty = await call(restoreRoute.action, "fengsheng", { method: "POST", body: { ids: [] } });
      expect(empty.status).toBe(400);
    });

    it("purges only after a preview and the typed count", async () => {
      const person = await createPerson({
        name: "马文",
        document: buildId("110102", "1988-02-29", "417").number,
      });
      const ids = [person.body.id];
      const live = await call(previewRoute.action, "fengsheng", { method: "POST", body: { ids } });
      expect(live.status).toBe(400);
      await call(recordRoute.action, "fengsheng", { method: "DELETE", id: person.body.id });
      const preview = await call(previewRoute.action, "fengsheng", { method: "POST", body: { ids } });
      expect(preview.status).toBe(200);
      documented("previewPurge", preview.body);
      expect(preview.body.total).toBe(1);
      const wrong = await call(purgeRoute.action, "fengsheng", {
        method: "POST",
        body: { ids, reason: "重复登记", confirm: 2 },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields.confirm).toBeDefined();
      expect(
        (
          await call(purgeRoute.action, "erlonglu", {
            method: "POST",
            body: { ids, reason: "重复登记", confirm: 1 },
          })
        ).status,
      ).toBe(403);
      const purged = await call(purgeRoute.action, "fengsheng", {
        method: "POST",
        body: { ids, reason: "重复登记", confirm: 1 },
      });
      expect(purged.status).toBe(200);
      expect(purged.body.count).toBe(1);
      expect((await call(recordRoute.loader, "fengsheng", { id: person.body.id })).status).toBe(404);
    });
  });

  it("describes the new endpoints in the OpenAPI document", async () => {
    const res = await openApiRoute.loader({
      request: new Request("http://localhost/api/v1/openapi.json"),
      context: { services: t.services, caller: null } as unknown as AppLoadContext,
      params: {},
    });
    const doc = await res.json();
    for (const [path, method] of [
      ["/tables", "get"],
      ["/tables/{id}/fields", "post"],
      ["/fields/{id}", "delete"],
      ["/dictionaries/{id}/options", "patch"],
      ["/tables/{id}/records", "post"],
      ["/records/{id}", "patch"],
      ["/records/{id}/history", "get"],
      ["/records/{id}/reveal", "post"],
      ["/tables/{id}/recycle-bin", "get"],
      ["/records/purge", "post"],
    ])
      expect(doc.paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
    expect(doc.paths["/records/{id}/reveal"].post["x-linli-access"]).toBe("record.reveal");
    expect(doc.components.schemas.Record).toBeDefined();
    expect(doc.tags.map((tag: { name: string }) => tag.name)).toEqual(
      expect.arrayContaining(["tables", "dictionaries", "records"]),
    );
  });
});
