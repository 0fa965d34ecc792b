import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor, orgId } from "../../tests/support/factories.ts";
import { createOrg, getOrg, listOrgs, updateOrg } from "./tree.server.ts";

describe("org tree", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("shows a community admin only their own community's subtree", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const nodes = await listOrgs(t.services, fengsheng);
    expect(nodes[0]!.name).toBe("丰盛社区");
    expect(nodes.map((n) => n.name)).toContain("第一网格");
    expect(nodes.map((n) => n.name)).toContain("丰盛便民超市");
    expect(nodes.map((n) => n.name)).not.toContain("二龙路社区");
    expect(nodes.every((n) => n.path.startsWith(fengsheng.actor.orgPath))).toBe(true);
  });

  it("shows the street admin all 14 communities", async () => {
    const admin = await callerFor(t.services, "admin");
    const nodes = await listOrgs(t.services, admin);
    expect(nodes.filter((n) => n.kind === "community")).toHaveLength(14);
  });

  it("refuses (and logs) a community admin reaching another community", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const erlonglu = await orgId(t.services, "二龙路社区");
    await expect(getOrg(t.services, fengsheng, erlonglu)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      createOrg(t.services, fengsheng, { parentId: erlonglu, kind: "grid", name: "第九网格" }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    const denied = await auditEvents(t.services, "access.denied");
    expect(
      denied.filter((r) => r.actor_name === "fengsheng" && r.target_id === String(erlonglu)),
    ).toHaveLength(2);
  });

  it("lets a community admin add and rename grids in their community, with clear errors", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    const community = await orgId(t.services, "丰盛社区");
    const grid = await createOrg(t.services, fengsheng, {
      parentId: community,
      kind: "grid",
      name: "第四网格",
    });
    expect(grid.path).toMatch(new RegExp(`^${fengsheng.actor.orgPath}\\d+/$`));
    const renamed = await updateOrg(t.services, fengsheng, grid.id, { name: "新四网格" });
    expect(renamed.name).toBe("新四网格");
    await expect(
      createOrg(t.services, fengsheng, { parentId: community, kind: "grid", name: "第一网格" }),
    ).rejects.toMatchObject({ kind: "conflict" });
    await expect(
      createOrg(t.services, fengsheng, { parentId: community, kind: "community", name: "错误" }),
    ).rejects.toMatchObject({ kind: "invalid", fields: { kind: expect.any(String) } });
    await expect(
      createOrg(t.services, fengsheng, { parentId: community, kind: "grid", name: "  " }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fields: { name: expect.stringMatching(/名称/) },
    });
    expect((await auditEvents(t.services, "org.created")).length).toBeGreaterThan(0);
  });

  it("moves a grid with its subtree to another community (street admin) and records before → after", async () => {
    const admin = await callerFor(t.services, "admin");
    const grid = await orgId(t.services, "第三网格", "大院社区");
    const target = await orgId(t.services, "砖塔社区");
    await expect(updateOrg(t.services, admin, grid, { parentId: target })).rejects.toMatchObject({
      kind: "conflict",
    });
    const moved = await updateOrg(t.services, admin, grid, { parentId: target, name: "大院三网格" });
    const targetNode = await getOrg(t.services, admin, target);
    expect(moved.path).toBe(`${targetNode.path}${grid}/`);
    expect((await getOrg(t.services, admin, grid)).path).toBe(moved.path);
    const events = await auditEvents(t.services, "org.updated");
    const data = JSON.parse(events.at(-1)!.data);
    expect(data.before.parentId).not.toBe(data.after.parentId);
  });

  it("refuses moving a node under itself", async () => {
    const admin = await callerFor(t.services, "admin");
    const community = await orgId(t.services, "西单社区");
    const child = await orgId(t.services, "第一网格", "西单社区");
    await expect(updateOrg(t.services, admin, community, { parentId: child })).rejects.toMatchObject({
      kind: "invalid",
    });
  });
});
