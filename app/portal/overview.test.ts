import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { getPortalOverview, getPortalStreet } from "./overview.server.ts";

describe("portal overview", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("shows the street, every community with its grids, enterprises and merchants, in tree order", async () => {
    const overview = await getPortalOverview(t.services);
    expect(overview.street).toEqual({ name: "金融街街道" });
    expect(overview.communities).toHaveLength(14);
    expect(overview.communities[0]).toMatchObject({
      name: "二龙路社区",
      grids: 3,
      enterprises: 1,
      merchants: 1,
    });
    expect(overview.communities.find((c) => c.name === "大院社区")).toMatchObject({
      grids: 3,
      enterprises: 0,
      merchants: 0,
    });
    expect(overview.totals).toEqual({ communities: 14, grids: 42, enterprises: 3, merchants: 3 });
    expect(overview.units).toContainEqual(
      expect.objectContaining({ name: "丰盛便民超市", kind: "merchant", community: "丰盛社区" }),
    );
  });

  it("gives out names and counts only, never accounts or org paths", async () => {
    const text = JSON.stringify(await getPortalOverview(t.services));
    expect(text).not.toContain("张伟");
    expect(text).not.toContain("zhangwei");
    expect(text).not.toMatch(/"path"/);
  });

  it("says so when no street has been set up", async () => {
    const empty = await createTestServices({ demo: false });
    try {
      expect(await getPortalStreet(empty.services)).toBeNull();
      const overview = await getPortalOverview(empty.services);
      expect(overview).toMatchObject({ street: null, communities: [], units: [] });
    } finally {
      await empty.cleanup();
    }
  });
});
