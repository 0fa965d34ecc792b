import { describe, expect, it } from "vitest";
import type { SavedView } from "./api.ts";
import { zh } from "./fixtures.test-support.ts";
import { definitionToSave, groupViews, nameProblem, sameDefinition, shareInput, shareText } from "./views.ts";

const view = (id: number, name: string, rest: Partial<SavedView> = {}): SavedView => ({
  id,
  name,
  owner: { id: 1, username: "wang", displayName: "王芳" },
  mine: true,
  canEdit: true,
  share: "private",
  shareRole: null,
  shareOrg: null,
  definition: {},
  ...rest,
});

const views = [
  view(1, "独居老人"),
  view(2, "低保户", { mine: false, canEdit: false, share: "role", shareRole: "community_admin" }),
  view(3, "八十岁以上"),
  view(4, "残疾人", { mine: false, share: "org", shareOrg: { id: 2, name: "丰盛社区" } }),
];

describe("saved views", () => {
  it("groups mine and shared, by name", () => {
    const { mine, shared } = groupViews(views);
    expect(mine.map((v) => v.id)).toEqual([3, 1]);
    expect(shared.map((v) => v.id)).toEqual([4, 2]);
  });

  it("says with whom a view is shared", () => {
    expect(shareText(views[0]!, zh)).toBe("仅自己");
    expect(shareText(views[1]!, zh)).toBe("共享给社区管理员");
    expect(shareText(views[3]!, zh)).toBe("共享给丰盛社区");
  });

  it("checks names and sharing before asking the server", () => {
    expect(nameProblem("  ", views)).toBe("nameEmpty");
    expect(nameProblem("独".repeat(61), views)).toBe("nameTooLong");
    expect(nameProblem(" 独居老人 ", views)).toBe("nameTaken");
    expect(nameProblem("独居老人", views, 1)).toBeNull();
    // Another owner's name may be used again.
    expect(nameProblem("低保户", views)).toBeNull();
    expect(shareInput({ share: "role" })).toBe("chooseRole");
    expect(shareInput({ share: "org", orgId: 2 })).toEqual({ share: "org", orgId: 2 });
    expect(shareInput({ share: "private", role: "x" })).toEqual({ share: "private" });
  });

  it("keeps what a view means, without empty parts", () => {
    const def = {
      search: "",
      filter: { kind: "group" as const, join: "and" as const, items: [] },
      facets: {},
      colours: [],
      sort: [{ field: "name", dir: "asc" as const }],
    };
    expect(definitionToSave(def)).toEqual({ sort: [{ field: "name", dir: "asc" }] });
    expect(sameDefinition(def, { sort: [{ dir: "asc", field: "name" }] })).toBe(true);
    expect(sameDefinition(def, {})).toBe(false);
    // Columns that are not among the keys a view may keep are left out.
    const grid = { columns: [{ key: "$id", frozen: true }, { key: "name", width: 96 }, { key: "calc_x" }] };
    expect(
      definitionToSave({ ...grid, computed: [{ key: "calc_x", label: "x", formula: "1" }] }, ["name"]),
    ).toEqual({
      columns: [{ key: "name", width: 96 }, { key: "calc_x" }],
      computed: [{ key: "calc_x", label: "x", formula: "1" }],
    });
    expect(sameDefinition(grid, { columns: [{ key: "name", width: 96 }] }, ["name"])).toBe(true);
  });
});
