// The panels' requests as the real API takes them: the client's URLs and bodies go through the route
// modules to the engine and a real database, and the answers are shaped by the panels' own helpers.
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../../tests/support/db.ts";
import { callerFor } from "../../../tests/support/factories.ts";
import { buildId } from "../../people/identity/id-fixtures.ts";
import { addDays, addYears, todayInChina } from "../../people/normalise/calendar.ts";
import { createRecord } from "../../people/records/write.server.ts";
import type { FilterGroup } from "../../query/view.ts";
import * as colourRoute from "../../routes/api/colour.ts";
import * as coloursRoute from "../../routes/api/table-colours.ts";
import * as facetsRoute from "../../routes/api/table-facets.ts";
import * as queryRoute from "../../routes/api/table-query.ts";
import * as statsRoute from "../../routes/api/table-stats.ts";
import * as viewsRoute from "../../routes/api/table-views.ts";
import * as viewRoute from "../../routes/api/view.ts";
import { QueryApiError, queryApi } from "./api.ts";
import { paletteChanges, setMeaning } from "./colours.ts";
import { toggleFacet } from "./facets.ts";
import { pathFromServerKey } from "./filter-tree.ts";
import { crossTable, statsRequest } from "./stats.ts";
import { levelNodes, levelRequest } from "./tree.ts";
import { definitionToSave, groupViews } from "./views.ts";

type Handler = (args: {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string>;
}) => Promise<Response> | Response;

const ROUTES: [RegExp, Record<string, Handler>][] = [
  [/^\/api\/v1\/tables\/([^/]+)\/facets$/, { POST: facetsRoute.action as Handler }],
  [/^\/api\/v1\/tables\/([^/]+)\/stats$/, { POST: statsRoute.action as Handler }],
  [/^\/api\/v1\/tables\/([^/]+)\/query$/, { POST: queryRoute.action as Handler }],
  [
    /^\/api\/v1\/tables\/([^/]+)\/views$/,
    { GET: viewsRoute.loader as Handler, POST: viewsRoute.action as Handler },
  ],
  [/^\/api\/v1\/views\/(\d+)$/, { PATCH: viewRoute.action as Handler, DELETE: viewRoute.action as Handler }],
  [
    /^\/api\/v1\/tables\/([^/]+)\/colours$/,
    { GET: coloursRoute.loader as Handler, POST: coloursRoute.action as Handler },
  ],
  [
    /^\/api\/v1\/colours\/(\d+)$/,
    { PATCH: colourRoute.action as Handler, DELETE: colourRoute.action as Handler },
  ],
];

const born = (years: number, seq: string) =>
  buildId("110102", addDays(addYears(todayInChina(), -years), -40), seq);

describe("the panels against the API", () => {
  let t: TestServices;
  let api: ReturnType<typeof queryApi>;

  beforeAll(async () => {
    t = await createTestServices();
    const caller = await callerFor(t.services, "fengsheng");
    const fetchFn = (async (url: string, init: RequestInit) => {
      const method = init.method ?? "GET";
      for (const [pattern, handlers] of ROUTES) {
        const match = pattern.exec(url);
        const handler = match && handlers[method];
        if (!handler) continue;
        const request = new Request(`http://localhost${url}`, {
          method,
          body: init.body as string | undefined,
          headers: init.headers as Record<string, string>,
        });
        const context = { services: t.services, caller } as unknown as AppLoadContext;
        return handler({ request, context, params: { id: match[1]! } });
      }
      throw new Error(`no route for ${method} ${url}`);
    }) as unknown as typeof fetch;
    api = queryApi("people", "token", fetchFn);

    const person = (name: string, years: number, seq: string, extra: Record<string, unknown>) =>
      createRecord(t.services, caller, "people", {
        values: { name, document: born(years, seq).number, ...extra },
      });
    const home = (building: string, unit: string) => ({ estate: "丰汇园小区", building, unit, room: "101" });
    await person("张三丰", 76, "131", {
      specialGroups: ["独居老人"],
      floorArea: 60,
      address: home("2号楼", "1单元"),
    });
    await person("李四", 36, "151", {
      specialGroups: ["低保户"],
      floorArea: 45.5,
      address: home("2号楼", "3单元"),
    });
    await person("王五", 71, "171", { address: home("10号楼", "1单元") });
    await person("赵六", 45, "191", { address: { estate: "大院胡同小区", building: "1号楼" } });
    await (await t.services.analytics.replica("people")).refresh();
  });
  afterAll(() => t.cleanup());

  it("builds the address tree level by level", async () => {
    const top = levelRequest({}, "address", [])!;
    const estates = levelNodes((await api.facets(top.query, top.fields))[0]);
    expect(estates).toEqual([
      { value: "大院胡同小区", count: 1 },
      { value: "丰汇园小区", count: 3 },
    ]);
    const below = levelRequest({}, "address", ["丰汇园小区"])!;
    const buildings = levelNodes((await api.facets(below.query, below.fields))[0]);
    expect(buildings.map((b) => [b.value, b.count])).toEqual([
      ["2号楼", 2],
      ["10号楼", 1],
    ]);
    const units = levelRequest({}, "address", ["丰汇园小区", "2号楼"])!;
    expect(levelNodes((await api.facets(units.query, units.fields))[0]).map((u) => u.value)).toEqual([
      "1单元",
      "3单元",
    ]);
  });

  it("counts facets with the field's own ticks left out", async () => {
    const facets = toggleFacet(undefined, "specialGroups", "独居老人");
    const [special] = await api.facets({ facets }, ["specialGroups"]);
    expect(special!.values.map((v) => v.count).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
  });

  it("runs what the condition builder makes and points at a bad condition", async () => {
    const filter: FilterGroup = {
      kind: "group",
      join: "or",
      items: [
        {
          kind: "group",
          join: "and",
          items: [
            { kind: "condition", field: "age", op: "gte", value: 70 },
            { kind: "condition", field: "specialGroups", op: "has_any", values: ["独居老人"] },
          ],
        },
        { kind: "condition", field: "floorArea", op: "between", values: [40, 50] },
        { kind: "condition", field: "birthDate", op: "age_between", values: [44, 46] },
      ],
    };
    const window = await api.stats(statsRequest({ filter }, "sex", undefined, [{ fn: "count" }]));
    expect(window.total[0]).toBe(3);
    const bad: FilterGroup = {
      kind: "group",
      join: "and",
      items: [{ kind: "condition", field: "floorArea", op: "gt", value: "很大" }],
    };
    const error = await api.facets({ filter: bad }, ["sex"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryApiError);
    expect((error as QueryApiError).status).toBe(400);
    const keys = Object.keys((error as QueryApiError).fields).map(pathFromServerKey);
    expect(keys).toContainEqual([0]);
  });

  it("shapes statistics as a cross table with totals", async () => {
    const result = await api.stats(
      statsRequest({ sort: [{ field: "name", dir: "asc" }] }, "sex", "specialGroups", [
        { fn: "count" },
        { fn: "avg", field: "floorArea" },
      ]),
    );
    const table = crossTable(result, "合计");
    expect(table.groups.at(-1)).toEqual({ label: "合计", span: 2, total: true });
    expect(table.footer.values.at(-2)).toBe(4);
    expect(table.rows.every((r) => r.values.length === table.leaves.length)).toBe(true);
  });

  it("saves, refuses a taken name, renames, shares and deletes views", async () => {
    const definition = definitionToSave({ search: "", facets: { sex: ["1"] }, sort: [] });
    const saved = await api.createView({ name: "男性", share: "private", definition });
    expect(saved.definition).toEqual({ facets: { sex: ["1"] } });
    const clash = await api.createView({ name: "男性", definition }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(QueryApiError);
    expect((clash as QueryApiError).status).toBe(409);
    const renamed = await api.updateView(saved.id, {
      name: "男性居民",
      share: "role",
      role: "community_admin",
    });
    expect(renamed.shareRole).toBe("community_admin");
    const { mine } = groupViews(await api.views());
    expect(mine.map((v) => v.name)).toContain("男性居民");
    await api.deleteView(saved.id);
    expect((await api.views()).some((v) => v.id === saved.id)).toBe(false);
  });

  it("edits the palette colour by colour", async () => {
    const before = await api.palette();
    expect(before.length).toBeGreaterThan(0);
    let after = setMeaning(before, before[0]!.colour, "每周走访");
    after = setMeaning(after, "#8b5cf6", "重点帮扶对象");
    const changes = paletteChanges(before, after);
    for (const { id, meaning } of changes.update) await api.updateColour(id, { meaning });
    for (const c of changes.add) await api.addColour(c);
    const now = await api.palette();
    expect(now.find((p) => p.colour === before[0]!.colour)?.meaning).toBe("每周走访");
    expect(now.find((p) => p.colour === "#8b5cf6")?.meaning).toBe("重点帮扶对象");
    await api.deleteColour(now.find((p) => p.colour === "#8b5cf6")!.id!);
    expect((await api.palette()).some((p) => p.colour === "#8b5cf6")).toBe(false);
  });
});
