// The query engine, saved views and colour marks through the JSON API, route module to domain to
// database and replica and back: each operation's happy path shaped as the registry documents it, and
// its bad input — malformed filters, unknown fields, SQL-looking text that must stay plain text — as a
// bilingual 4xx, never a 500.
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor, orgId, tableId } from "../../tests/support/factories.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import { addDays, addYears, todayInChina } from "../people/normalise/calendar.ts";
import { createRecord } from "../people/records/write.server.ts";
import * as colourRoute from "../routes/api/colour.ts";
import * as openApiRoute from "../routes/api/openapi.ts";
import * as coloursRoute from "../routes/api/table-colours.ts";
import * as facetsRoute from "../routes/api/table-facets.ts";
import * as marksRoute from "../routes/api/table-marks.ts";
import * as undoRoute from "../routes/api/table-marks-undo.ts";
import * as queryRoute from "../routes/api/table-query.ts";
import * as statsRoute from "../routes/api/table-stats.ts";
import * as totalsRoute from "../routes/api/table-totals.ts";
import * as viewsRoute from "../routes/api/table-views.ts";
import * as viewRoute from "../routes/api/view.ts";
import { documented, routeCaller } from "./api-call.test-support.ts";
import { operation } from "./operations.ts";

const born = (years: number, seq: string) =>
  buildId("110102", addDays(addYears(todayInChina(), -years), -40), seq);

const INJECTIONS = [
  "'; DROP TABLE records; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "1; DELETE FROM record_marks",
  "%' UNION SELECT * FROM users --",
  "$p1",
];

const elderly = {
  kind: "group",
  join: "and",
  items: [{ kind: "condition", field: "age", op: "gte", value: 70 }],
};

describe("query API", () => {
  let t: TestServices;
  let people: number;
  const ids: Record<string, number> = {};
  const call = routeCaller(() => t.services);
  const names = (body: { rows: { display: Record<string, string> }[] }) =>
    body.rows.map((r) => r.display.name);
  const caughtUp = async () => (await t.services.analytics.replica("people")).refresh();

  beforeAll(async () => {
    t = await createTestServices();
    people = await tableId(t.services, "people");
    const fengsheng = await callerFor(t.services, "fengsheng");
    const erlonglu = await callerFor(t.services, "erlonglu");
    const person = async (who: typeof fengsheng, name: string, years: number, seq: string, extra = {}) => {
      ids[name] = (
        await createRecord(t.services, who, "people", {
          values: { name, document: born(years, seq).number, ...extra },
        })
      ).id;
    };
    await person(fengsheng, "张三丰", 76, "131", { specialGroups: ["独居老人"], floorArea: 60 });
    await person(fengsheng, "李四", 36, "151", { specialGroups: ["低保户"], floorArea: 45.5 });
    await person(fengsheng, "王五", 71, "171", { mobile: "13912345678" });
    await person(erlonglu, "阿毛", 74, "113", { specialGroups: ["独居老人"] });
    await caughtUp();
  });
  afterAll(() => t.cleanup());

  describe("queries", () => {
    it("answers a window of rows under a filter and sort, by table id or key, in the caller's scope", async () => {
      const body = { query: { filter: elderly, sort: [{ field: "name", dir: "asc" }] }, limit: 50 };
      const res = await call(queryRoute.action, "fengsheng", { method: "POST", id: people, body });
      expect(res.status).toBe(200);
      documented("queryRecords", res.body);
      expect(res.body.total).toBe(2);
      expect(names(res.body)).toEqual(["王五", "张三丰"]);
      expect(JSON.stringify(res.body)).not.toContain("13912345678");
      const byKey = await call(queryRoute.action, "fengsheng", { method: "POST", id: "people", body });
      expect(byKey.body).toEqual(res.body);
      const street = await call(queryRoute.action, "admin", { method: "POST", id: "people", body });
      expect(names(street.body)).toEqual(["阿毛", "王五", "张三丰"]);
      // A whole phone number is found from the body, never a URL.
      const phone = await call(queryRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { query: { search: "13912345678" } },
      });
      expect(names(phone.body)).toEqual(["王五"]);
      const example = await call(queryRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: operation("queryRecords").body!.example,
      });
      expect(example.status).toBe(200);
    });

    it("refuses malformed filters and unknown fields with 400 saying where", async () => {
      const post = (body: unknown, id: string | number = people) =>
        call(queryRoute.action, "fengsheng", { method: "POST", id, body });
      const badOp = await post({
        query: {
          filter: { kind: "group", join: "and", items: [{ kind: "condition", field: "age", op: "over" }] },
        },
      });
      expect(badOp.status).toBe(400);
      expect(Object.keys(badOp.body.error.fields).join()).toContain("query.filter.items.0");
      const unknown = await post({
        query: {
          filter: {
            kind: "group",
            join: "or",
            items: [{ kind: "condition", field: "shoeSize", op: "eq", value: 1 }],
          },
        },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain("shoeSize");
      const badSort = await post({ query: { sort: [{ field: "shoeSize" }] } });
      expect(badSort.status).toBe(400);
      const tooMany = await post({ limit: 5000 });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.fields.limit).toBeDefined();
      const notObject = await post(["query"]);
      expect(notObject.status).toBe(400);
      expect((await post({}, 99_999_999)).status).toBe(404);
      expect((await post({}, "no_such_table")).status).toBe(404);
      expect((await post({}, "../records")).status).toBe(400);
      const auditor = await call(queryRoute.action, "auditor", { method: "POST", id: people, body: {} });
      expect(auditor.status).toBe(403);
    });

    it("treats SQL-looking search and filter text as plain text: no match, no error", async () => {
      for (const text of INJECTIONS) {
        const search = await call(queryRoute.action, "fengsheng", {
          method: "POST",
          id: people,
          body: { query: { search: text } },
        });
        expect(search.status, text).toBe(200);
        expect(search.body.total, text).toBe(0);
        const filter = await call(queryRoute.action, "fengsheng", {
          method: "POST",
          id: people,
          body: {
            query: {
              filter: {
                kind: "group",
                join: "or",
                items: [
                  { kind: "condition", field: "name", op: "contains", value: text },
                  { kind: "condition", field: "name", op: "eq", value: text },
                  { kind: "condition", field: "nativePlace", op: "starts_with", value: text },
                ],
              },
            },
          },
        });
        expect(filter.status, `${text}: ${JSON.stringify(filter.body)}`).toBe(200);
        expect(filter.body.total, text).toBe(0);
        // A choice field holds dictionary codes: such text is no option of it, and a 400 says so.
        const choice = await call(queryRoute.action, "fengsheng", {
          method: "POST",
          id: people,
          body: {
            query: {
              filter: {
                kind: "group",
                join: "and",
                items: [{ kind: "condition", field: "specialGroups", op: "has_any", values: [text] }],
              },
            },
          },
        });
        expect(choice.status, text).toBe(400);
        expect(choice.body.error.message).toContain("不是字典「特殊人群」中的选项");
        const facets = await call(facetsRoute.action, "fengsheng", {
          method: "POST",
          id: people,
          body: { query: { search: text }, fields: ["sex"] },
        });
        expect(facets.status, text).toBe(200);
      }
      const still = await call(queryRoute.action, "admin", { method: "POST", id: people, body: {} });
      expect(still.body.total).toBe(4);
    });

    it("counts facets, groups statistics and totals the footer", async () => {
      const facets = await call(facetsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { query: {}, fields: ["specialGroups", "sex"] },
      });
      expect(facets.status).toBe(200);
      documented("countFacets", facets.body);
      const groups = facets.body.items[0];
      expect(groups.field).toBe("specialGroups");
      expect(groups.values).toContainEqual(expect.objectContaining({ label: "独居老人", count: 1 }));
      const unknownFacet = await call(facetsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { fields: ["shoeSize"] },
      });
      expect(unknownFacet.status).toBe(400);
      expect(
        (await call(facetsRoute.action, "fengsheng", { method: "POST", id: people, body: { fields: [] } }))
          .status,
      ).toBe(400);

      const stats = await call(statsRoute.action, "admin", {
        method: "POST",
        id: "people",
        body: { rows: "sex", measures: [{ fn: "count" }, { fn: "avg", field: "age" }] },
      });
      expect(stats.status).toBe(200);
      documented("groupRecords", stats.body);
      expect(stats.body.total[0]).toBe(4);
      const badMeasure = await call(statsRoute.action, "admin", {
        method: "POST",
        id: people,
        body: { rows: "sex", measures: [{ fn: "median" }] },
      });
      expect(badMeasure.status).toBe(400);
      const badRows = await call(statsRoute.action, "admin", {
        method: "POST",
        id: people,
        body: { rows: "nope" },
      });
      expect(badRows.status).toBe(400);
      expect(badRows.body.error.message).toContain("nope");

      const totals = await call(totalsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { query: { filter: elderly } },
      });
      expect(totals.status).toBe(200);
      documented("totalRecords", totals.body);
      expect(totals.body.count).toBe(2);
      expect(totals.body.numbers.floorArea.sum).toBe(60);
      const all = await call(totalsRoute.action, "fengsheng", { method: "POST", id: people, body: {} });
      expect(all.body.count).toBe(3);
      // The query goes in `query`: a bare one is refused rather than silently ignored.
      const bare = await call(totalsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { filter: elderly },
      });
      expect(bare.status).toBe(400);
    });
  });

  describe("saved views", () => {
    let viewId: number;

    it("saves, lists, reads, changes and deletes a view", async () => {
      const created = await call(viewsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { name: "高龄", definition: { filter: elderly, columns: [{ key: "name" }, { key: "age" }] } },
      });
      expect(created.status).toBe(201);
      documented("createView", created.body);
      expect(created.body).toMatchObject({ name: "高龄", mine: true, canEdit: true, share: "private" });
      viewId = created.body.id;
      const example = await call(viewsRoute.action, "fengsheng", {
        method: "POST",
        id: "people",
        body: operation("createView").body!.example,
      });
      expect(example.status).toBe(201);
      expect(example.body.shareRole).toBe("community_admin");

      const list = await call(viewsRoute.loader, "fengsheng", { id: "people" });
      expect(list.status).toBe(200);
      documented("listViews", list.body);
      expect(list.body.items.map((v: { name: string }) => v.name)).toEqual(["独居老人", "高龄"]);
      const one = await call(viewRoute.loader, "fengsheng", { id: viewId });
      documented("getView", one.body);
      const patched = await call(viewRoute.action, "fengsheng", {
        method: "PATCH",
        id: viewId,
        body: { name: "七十岁以上" },
      });
      expect(patched.status).toBe(200);
      documented("updateView", patched.body);
      expect(patched.body.name).toBe("七十岁以上");
      expect(patched.body.definition.columns).toHaveLength(2);
      // Another community neither sees nor changes it.
      expect((await call(viewRoute.loader, "erlonglu", { id: viewId })).status).toBe(404);
      const erlonglu = await call(viewsRoute.loader, "erlonglu", { id: people });
      expect(erlonglu.body.items).toEqual([]);
    });

    it("answers duplicates with 409, unknown fields and malformed definitions with 400", async () => {
      const dup = await call(viewsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { name: "七十岁以上", definition: {} },
      });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe("conflict");
      const unknown = await call(viewsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { name: "坏", definition: { columns: [{ key: "shoeSize" }] } },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields["definition.columns.0.key"]).toMatch(/shoeSize/);
      const malformed = await call(viewsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: {
          name: "坏",
          definition: { filter: { kind: "group", join: "and", items: [{ kind: "condition" }] } },
        },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toContain("definition.filter.items.0");
      const injected = await call(viewsRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { name: INJECTIONS[0], definition: { search: INJECTIONS[1] } },
      });
      expect(injected.status).toBe(201);
      expect(injected.body.name).toBe(INJECTIONS[0]);
      const badShare = await call(viewRoute.action, "fengsheng", {
        method: "PATCH",
        id: viewId,
        body: { share: "org", orgId: await orgId(t.services, "二龙路社区") },
      });
      expect(badShare.status).toBe(403);
    });

    it("deletes a view with 204", async () => {
      const res = await call(viewRoute.action, "fengsheng", { method: "DELETE", id: viewId });
      expect(res.status).toBe(204);
      expect((await call(viewRoute.loader, "fengsheng", { id: viewId })).status).toBe(404);
      expect((await call(viewRoute.action, "fengsheng", { method: "DELETE", id: viewId })).status).toBe(404);
    });
  });

  describe("palette and marks", () => {
    it("lists, adds, changes and removes palette colours", async () => {
      const palette = await call(coloursRoute.loader, "fengsheng", { id: "people" });
      expect(palette.status).toBe(200);
      documented("listColours", palette.body);
      expect(palette.body.table.key).toBe("people");
      expect(palette.body.items.length).toBeGreaterThanOrEqual(3);
      const added = await call(coloursRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: operation("addColour").body!.example,
      });
      expect(added.status).toBe(201);
      documented("addColour", added.body);
      const dup = await call(coloursRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { colour: "#A855F7", meaning: "again" },
      });
      expect(dup.status).toBe(409);
      const patched = await call(colourRoute.action, "fengsheng", {
        method: "PATCH",
        id: added.body.id,
        body: { meaning: "困难家庭" },
      });
      expect(patched.status).toBe(200);
      documented("updateColour", patched.body);
      const bad = await call(colourRoute.action, "fengsheng", {
        method: "PATCH",
        id: added.body.id,
        body: { colour: "purple" },
      });
      expect(bad.status).toBe(400);
      expect((await call(colourRoute.action, "qiye", { method: "DELETE", id: added.body.id })).status).toBe(
        403,
      );
      expect(
        (await call(colourRoute.action, "fengsheng", { method: "DELETE", id: added.body.id })).status,
      ).toBe(204);
      expect(
        (await call(colourRoute.action, "fengsheng", { method: "DELETE", id: added.body.id })).status,
      ).toBe(404);
    });

    it("marks records, filters the grid by the colour, and undoes", async () => {
      const orange = "#f97316";
      const marked = await call(marksRoute.action, "fengsheng", {
        method: "POST",
        id: "people",
        body: { ids: [ids.张三丰, ids.李四], colour: orange },
      });
      expect(marked.status).toBe(200);
      documented("setMarks", marked.body);
      expect(marked.body.count).toBe(2);
      await caughtUp();
      const byColour = await call(queryRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { query: { colours: [orange], sort: [{ field: "name" }] } },
      });
      expect(byColour.status).toBe(200);
      expect(names(byColour.body)).toEqual(["李四", "张三丰"]);
      expect(byColour.body.rows[0].colour).toBe(orange);

      const undone = await call(undoRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: marked.body.undo,
      });
      expect(undone.status).toBe(200);
      documented("undoMarks", undone.body);
      expect(undone.body).toMatchObject({ count: 2, skipped: 0 });
      await caughtUp();
      const none = await call(queryRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { query: { colours: [orange] } },
      });
      expect(none.body.total).toBe(0);
      expect((await auditEvents(t.services, "mark.applied")).length).toBe(1);
      expect((await auditEvents(t.services, "mark.undone")).length).toBe(1);
    });

    it("refuses marks outside the caller's scope, unknown records and bad bodies", async () => {
      const outside = await call(marksRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { ids: [ids.张三丰, ids.阿毛], colour: "#22c55e" },
      });
      expect(outside.status).toBe(403);
      const missing = await call(marksRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { ids: [99_999_999], colour: "#22c55e" },
      });
      expect(missing.status).toBe(404);
      for (const body of [
        { ids: [], colour: "#22c55e" },
        { ids: [ids.张三丰] },
        { ids: ["1 OR 1=1"], colour: "#22c55e" },
        { ids: [ids.张三丰], colour: "'; DROP TABLE record_marks; --" },
      ]) {
        const res = await call(marksRoute.action, "fengsheng", { method: "POST", id: people, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
      }
      const undo = await call(undoRoute.action, "fengsheng", {
        method: "POST",
        id: people,
        body: { from: 1 },
      });
      expect(undo.status).toBe(400);
      const auditor = await call(marksRoute.action, "auditor", {
        method: "POST",
        id: people,
        body: { ids: [ids.张三丰], colour: "#22c55e" },
      });
      expect(auditor.status).toBe(403);
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
      ["/tables/{id}/query", "post"],
      ["/tables/{id}/facets", "post"],
      ["/tables/{id}/stats", "post"],
      ["/tables/{id}/totals", "post"],
      ["/tables/{id}/views", "get"],
      ["/tables/{id}/views", "post"],
      ["/views/{id}", "patch"],
      ["/views/{id}", "delete"],
      ["/tables/{id}/colours", "post"],
      ["/colours/{id}", "delete"],
      ["/tables/{id}/marks", "post"],
      ["/tables/{id}/marks/undo", "post"],
    ])
      expect(doc.paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
    expect(doc.paths["/tables/{id}/colours"].post["x-linli-access"]).toBe("schema.write");
    expect(doc.components.schemas.SavedView).toBeDefined();
    expect(doc.components.schemas.GridRow).toBeDefined();
  });
});
