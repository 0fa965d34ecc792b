import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { auditOverview, consoleOverview, scopeOverview, unitOverview } from "./overview.server.ts";

describe("console overview", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("counts the whole street for the street admin", async () => {
    const overview = await consoleOverview(t.services, await callerFor(t.services, "admin"));
    expect(overview.kind).toBe("scope");
    if (overview.kind !== "scope") return;
    expect(overview.counts).toEqual({
      communities: 14,
      grids: 42,
      enterprises: 3,
      merchants: 3,
      accounts: 8,
    });
    expect(overview.communities[0]).toMatchObject({ name: "二龙路社区", grids: 3, units: 2, accounts: 2 });
  });

  it("counts only their own community for a community admin", async () => {
    const overview = await scopeOverview(t.services, await callerFor(t.services, "fengsheng"));
    expect(overview.scopeName).toBe("丰盛社区");
    expect(overview.counts).toEqual({ communities: 1, grids: 3, enterprises: 1, merchants: 1, accounts: 4 });
    expect(overview.communities.map((c) => c.name)).toEqual(["丰盛社区"]);
  });

  it("gives the auditor log counts and the newest rows, and nothing else", async () => {
    const fengsheng = await callerFor(t.services, "fengsheng");
    await expect(auditOverview(t.services, fengsheng)).rejects.toMatchObject({ kind: "forbidden" });
    const auditor = await callerFor(t.services, "auditor");
    const overview = await consoleOverview(t.services, auditor);
    expect(overview.kind).toBe("audit");
    if (overview.kind !== "audit") return;
    expect(overview.counts.denials).toBe(1);
    expect(overview.counts.today).toBeGreaterThanOrEqual(2);
    expect(overview.latest[0]).toMatchObject({ event: "access.denied", actorName: "fengsheng" });
    await expect(scopeOverview(t.services, auditor)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("shows an enterprise admin their unit and its community", async () => {
    const overview = await consoleOverview(t.services, await callerFor(t.services, "qiye"));
    expect(overview).toMatchObject({
      kind: "unit",
      unit: { name: "金融街控股物业服务有限公司", kind: "enterprise" },
      community: { name: "丰盛社区" },
    });
    await expect(unitOverview(t.services, await callerFor(t.services, "auditor"))).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});
