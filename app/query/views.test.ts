// Saved views through the domain on a real database (SQLite, or MariaDB in CI): who sees a private or a
// shared view across two communities and the street, who may change one, and the definition checked
// against the table (unknown fields, malformed filters, broken formulas) with messages that point at it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { addAccount, auditEvents, callerFor, orgId } from "../../tests/support/factories.ts";
import { type AppError, isAppError } from "../core/errors.ts";
import type { Caller } from "../core/services.server.ts";
import type { ViewDefinition } from "./view.ts";
import { createView, deleteView, getView, listViews, updateView } from "./views.server.ts";

const elderly: ViewDefinition = {
  filter: {
    kind: "group",
    join: "and",
    items: [
      { kind: "condition", field: "age", op: "gte", value: 70 },
      {
        kind: "group",
        join: "or",
        items: [{ kind: "condition", field: "specialGroups", op: "has_any", values: ["独居老人"] }],
      },
    ],
  },
  sort: [{ field: "name", dir: "asc" }],
  columns: [{ key: "name", frozen: true }, { key: "age" }],
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a typed refusal, got ${String(error)}`);
  return error;
}

describe("saved views", () => {
  let t: TestServices;
  const who: Record<string, Caller> = {};
  const names = async (reader: string) =>
    (await listViews(t.services, who[reader]!, "people")).map((v) => v.name);

  beforeAll(async () => {
    t = await createTestServices();
    // A second community admin of 丰盛 (at a grid) and one of 二龙路, besides the demo accounts.
    await addAccount(
      t.services,
      "t_fs_grid_admin",
      "community_admin",
      await orgId(t.services, "第一网格", "丰盛社区"),
    );
    for (const name of ["admin", "fengsheng", "erlonglu", "qiye", "auditor", "t_fs_grid_admin"])
      who[name] = await callerFor(t.services, name);
  });
  afterAll(() => t.cleanup());

  it("keeps a private view to its owner, even from the street admin", async () => {
    const view = await createView(t.services, who.fengsheng!, "people", {
      name: "我的老人",
      definition: elderly,
    });
    expect(view).toMatchObject({ name: "我的老人", share: "private", mine: true, canEdit: true });
    expect(view.owner.username).toBe("fengsheng");
    expect(view.definition.filter?.items).toHaveLength(2);
    expect(await names("fengsheng")).toEqual(["我的老人"]);
    for (const other of ["erlonglu", "admin", "t_fs_grid_admin"]) expect(await names(other)).toEqual([]);
    expect((await refusal(getView(t.services, who.admin!, view.id))).status).toBe(404);
    expect((await refusal(deleteView(t.services, who.admin!, view.id))).status).toBe(404);
    // Enterprise admins keep private views too; the auditor reads no records, so no views.
    await createView(t.services, who.qiye!, "people", { name: "员工", definition: {} });
    expect((await refusal(listViews(t.services, who.auditor!, "people"))).status).toBe(403);
  });

  it("shares with a role inside the owner's community, and the street admin oversees it", async () => {
    const view = await createView(t.services, who.fengsheng!, "people", {
      name: "丰盛独居老人",
      share: "role",
      role: "community_admin",
      definition: elderly,
    });
    expect(view).toMatchObject({ share: "role", shareRole: "community_admin", shareOrg: null });
    // The other community admin of 丰盛 (at a grid) sees it, without edit rights; 二龙路 does not.
    const seen = (await listViews(t.services, who.t_fs_grid_admin!, "people")).find((v) => v.id === view.id);
    expect(seen).toMatchObject({ mine: false, canEdit: false, owner: { username: "fengsheng" } });
    expect(await names("erlonglu")).not.toContain("丰盛独居老人");
    // The street admin is not of the role, yet sees every shared view of its street and may change it.
    const overseen = await getView(t.services, who.admin!, view.id);
    expect(overseen).toMatchObject({ mine: false, canEdit: true });
    const denied = await refusal(updateView(t.services, who.t_fs_grid_admin!, view.id, { name: "改名" }));
    expect(denied.status).toBe(403);
    expect(denied.message).toContain("创建者或街道管理员");
    const denials = await auditEvents(t.services, "access.denied");
    expect(denials.at(-1)?.data).toContain(`view:${view.id}`);
    expect((await refusal(getView(t.services, who.erlonglu!, view.id))).status).toBe(404);
  });

  it("shares the street admin's view with every community admin of the street", async () => {
    await createView(t.services, who.admin!, "people", {
      name: "全街道高龄",
      share: "role",
      role: "community_admin",
      definition: elderly,
    });
    for (const reader of ["fengsheng", "erlonglu", "t_fs_grid_admin"])
      expect(await names(reader)).toContain("全街道高龄");
    expect(await names("qiye")).not.toContain("全街道高龄");
    const [view] = (await listViews(t.services, who.erlonglu!, "people")).filter(
      (v) => v.name === "全街道高龄",
    );
    expect(view?.canEdit).toBe(false);
    expect((await refusal(deleteView(t.services, who.erlonglu!, view!.id))).status).toBe(403);
  });

  it("shares with an org: everyone at or below it, or above it", async () => {
    const erlonglu = await orgId(t.services, "二龙路社区");
    const view = await createView(t.services, who.admin!, "people", {
      name: "二龙路专用",
      share: "org",
      orgId: erlonglu,
      definition: {},
    });
    expect(view.shareOrg).toEqual({ id: erlonglu, name: "二龙路社区" });
    expect(await names("erlonglu")).toContain("二龙路专用");
    expect(await names("fengsheng")).not.toContain("二龙路专用");
    // A community admin may not share with another community.
    const across = await refusal(
      createView(t.services, who.fengsheng!, "people", {
        name: "越界",
        share: "org",
        orgId: erlonglu,
        definition: {},
      }),
    );
    expect(across.status).toBe(403);
    // …nor an enterprise admin share at all; a role or org must be named.
    const noRight = await refusal(
      createView(t.services, who.qiye!, "people", {
        name: "共享",
        share: "role",
        role: "enterprise_admin",
        definition: {},
      }),
    );
    expect(noRight.status).toBe(403);
    const noRole = await refusal(
      createView(t.services, who.fengsheng!, "people", { name: "共享", share: "role", definition: {} }),
    );
    expect(noRole.status).toBe(400);
    expect(noRole.fields?.role).toBeDefined();
  });

  it("lets the owner rename, redefine, share and delete, each in the system log", async () => {
    const view = await createView(t.services, who.erlonglu!, "people", { name: "草稿", definition: {} });
    const renamed = await updateView(t.services, who.erlonglu!, view.id, {
      name: "二龙路低保",
      definition: { facets: { specialGroups: ["低保户"] } },
    });
    expect(renamed.name).toBe("二龙路低保");
    expect(renamed.definition.facets).toEqual({ specialGroups: ["低保户"] });
    expect(renamed.updatedAt).toBeGreaterThanOrEqual(view.updatedAt);
    const shared = await updateView(t.services, who.erlonglu!, view.id, {
      share: "org",
      orgId: await orgId(t.services, "二龙路社区"),
    });
    expect(shared.share).toBe("org");
    const back = await updateView(t.services, who.erlonglu!, view.id, { share: "private" });
    expect(back).toMatchObject({ share: "private", shareOrg: null });
    const updated = await auditEvents(t.services, "view.updated");
    expect(JSON.parse(updated.at(-1)!.data)).toMatchObject({
      view: "二龙路低保",
      changes: ["name", "definition"],
    });
    const shares = (await auditEvents(t.services, "view.shared")).map((e) => JSON.parse(e.data));
    expect(shares.at(-2)).toMatchObject({
      before: { share: "private" },
      after: { share: "org", org: "二龙路社区" },
    });
    expect(shares.at(-1)).toMatchObject({ after: { share: "private" } });
    await deleteView(t.services, who.erlonglu!, view.id);
    expect((await refusal(getView(t.services, who.erlonglu!, view.id))).status).toBe(404);
    const deleted = await auditEvents(t.services, "view.deleted");
    expect(JSON.parse(deleted.at(-1)!.data)).toMatchObject({ view: "二龙路低保", owner: "erlonglu" });
    expect((await auditEvents(t.services, "view.created")).length).toBeGreaterThanOrEqual(6);
  });

  it("answers a duplicate name of the same owner and table with 409, another owner's with success", async () => {
    await createView(t.services, who.fengsheng!, "people", { name: "重名", definition: {} });
    const again = await refusal(
      createView(t.services, who.fengsheng!, "people", { name: " 重名 ", definition: {} }),
    );
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/已有名为“重名”的视图 \/ A view named "重名" exists/);
    expect(again.fields?.name).toBeDefined();
    await createView(t.services, who.erlonglu!, "people", { name: "重名", definition: {} });
    const other = await createView(t.services, who.fengsheng!, "people", { name: "另一个", definition: {} });
    const rename = await refusal(updateView(t.services, who.fengsheng!, other.id, { name: "重名" }));
    expect(rename.status).toBe(409);
  });

  it("refuses a field the table does not have with 400 naming it and where it is", async () => {
    const error = await refusal(
      createView(t.services, who.fengsheng!, "people", {
        name: "坏字段",
        definition: {
          filter: {
            kind: "group",
            join: "and",
            items: [
              { kind: "condition", field: "age", op: "gte", value: 60 },
              { kind: "condition", field: "shoeSize", op: "eq", value: 42 },
            ],
          },
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain("shoeSize");
    expect(error.fields?.["definition.filter.items.1.field"]).toMatch(/shoeSize/);
    for (const definition of [
      { sort: [{ field: "height" }] },
      { columns: [{ key: "height" }] },
      { facets: { height: ["1"] } },
      { colourRules: [{ field: "height", values: ["x"], colour: "#ff0000" }] },
      { address: { field: "height", estate: "丰汇园" } },
    ]) {
      const e = await refusal(createView(t.services, who.fengsheng!, "people", { name: "坏", definition }));
      expect(e.status, JSON.stringify(definition)).toBe(400);
      expect(e.message).toContain("height");
    }
    // A view's own computed column may be sorted by and shown.
    const computed = await createView(t.services, who.fengsheng!, "people", {
      name: "计算列",
      definition: {
        computed: [{ key: "calc_decade", label: "年代", formula: "YEAR([出生日期])" }],
        sort: [{ field: "calc_decade", dir: "desc" }],
        columns: [{ key: "name" }, { key: "calc_decade" }],
      },
    });
    expect(computed.definition.computed?.[0]?.key).toBe("calc_decade");
    // So may the grid's own columns, the system ID and the org.
    const own = await createView(t.services, who.fengsheng!, "people", {
      name: "编号排序",
      definition: {
        sort: [{ field: "$id", dir: "desc" }],
        columns: [{ key: "$id", width: 120, frozen: true }, { key: "$org" }, { key: "name" }],
      },
    });
    expect(own.definition.columns?.[0]).toEqual({ key: "$id", width: 120, frozen: true });
  });

  it("refuses a malformed definition with 400 pointing at the problem", async () => {
    const badOp = await refusal(
      createView(t.services, who.fengsheng!, "people", {
        name: "坏",
        definition: {
          filter: { kind: "group", join: "and", items: [{ kind: "condition", field: "age", op: "bigger" }] },
        },
      }),
    );
    expect(badOp.status).toBe(400);
    expect(badOp.message).toContain("definition.filter.items.0");
    const badJoin = await refusal(
      createView(t.services, who.fengsheng!, "people", {
        name: "坏",
        definition: { filter: { kind: "group", join: "xor", items: [] } },
      }),
    );
    expect(badJoin.fields?.["definition.filter.join"]).toMatch(/and 或 or/);
    const badColour = await refusal(
      createView(t.services, who.fengsheng!, "people", {
        name: "坏",
        definition: { colourRules: [{ field: "sex", values: ["1"], colour: "orange" }] },
      }),
    );
    expect(badColour.fields?.["definition.colourRules.0.colour"]).toMatch(/#RRGGBB/);
    const badFormula = await refusal(
      createView(t.services, who.fengsheng!, "people", {
        name: "坏",
        definition: { computed: [{ key: "calc_x", label: "X", formula: "[鞋码] + 1" }] },
      }),
    );
    expect(badFormula.fields?.["definition.computed.0.formula"]).toMatch(/第 \d+ 个字符/);
    const noName = await refusal(createView(t.services, who.fengsheng!, "people", { definition: {} }));
    expect(noName.fields?.name).toBeDefined();
    const notAView = await refusal(
      createView(t.services, who.fengsheng!, "people", "DROP TABLE saved_views"),
    );
    expect(notAView.status).toBe(400);
    expect((await refusal(listViews(t.services, who.fengsheng!, "no_such_table"))).status).toBe(404);
  });
});
