import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor } from "../../tests/support/factories.ts";
import { getOwnProfile, getResidentHome } from "./home.server.ts";

describe("resident home", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("shows a resident their community, grid, the community's grids and units, and a count of residents", async () => {
    const home = await getResidentHome(t.services, await callerFor(t.services, "zhangwei"));
    expect(home).toMatchObject({
      kind: "resident",
      displayName: "张伟",
      community: { name: "丰盛社区", kind: "community" },
      grid: { name: "第一网格", kind: "grid" },
      residentAccounts: 1,
    });
    if (home.kind !== "resident") throw new Error("expected a resident home");
    expect(home.grids.map((g) => g.name)).toEqual(["第一网格", "第二网格", "第三网格"]);
    expect(home.units.map((u) => [u.name, u.kind])).toEqual([
      ["金融街控股物业服务有限公司", "enterprise"],
      ["丰盛便民超市", "merchant"],
    ]);
  });

  it("keeps residents of other communities out of the count and out of the data", async () => {
    const home = await getResidentHome(t.services, await callerFor(t.services, "liuyang"));
    expect(home).toMatchObject({ community: { name: "二龙路社区" }, residentAccounts: 1 });
    expect(JSON.stringify(home)).not.toContain("张伟");
  });

  it("answers staff with a variant instead of an error, and logs no refusal", async () => {
    const before = await t.services.db.selectFrom("audit_log").select("id").execute();
    const home = await getResidentHome(t.services, await callerFor(t.services, "admin"));
    expect(home).toEqual({ kind: "staff", displayName: "王建国", role: "street_admin" });
    const after = await t.services.db.selectFrom("audit_log").select("id").execute();
    expect(after.length).toBe(before.length);
  });

  it("gives every account its own profile with the org trail from the street down", async () => {
    const profile = await getOwnProfile(t.services, await callerFor(t.services, "zhangwei"));
    expect(profile).toEqual({
      displayName: "张伟",
      username: "zhangwei",
      role: "resident",
      trail: [
        expect.objectContaining({ kind: "street", name: "金融街街道" }),
        expect.objectContaining({ kind: "community", name: "丰盛社区" }),
        expect.objectContaining({ kind: "grid", name: "第一网格" }),
      ],
    });
  });
});
