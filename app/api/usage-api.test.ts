// GET /api/v1/usage through its route module: the figures as the registry documents them, bad dates and
// unknown features as a bilingual 400, and a 403 for those who do not run the platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import * as usageRoute from "../routes/api/usage.ts";
import { chinaDay } from "../stats/periods.ts";
import type { UsageResult } from "../stats/results.ts";
import { documented, routeCaller } from "./api-call.test-support.ts";

describe("usage API", () => {
  let t: TestServices;
  const call = routeCaller(() => t.services);
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.cleanup());

  it("answers this week by day by default, every feature, as documented", async () => {
    const res = await call(usageRoute.loader, "admin");
    expect(res.status).toBe(200);
    documented("getUsage", res.body);
    const body = res.body as UsageResult;
    expect(body.period).toBe("day");
    expect(body.periods).toHaveLength(7);
    expect(body.periods.some((p) => p.key === chinaDay(Date.now()))).toBe(true);
    expect(body.series.length).toBeGreaterThan(10);
  });

  it("takes the period, the range and a comma-separated list of features from the query string", async () => {
    t.services.usage.count("transfer.export", "/1/");
    await t.services.usage.flush();
    const today = chinaDay(Date.now());
    const res = await call(usageRoute.loader, "admin", {
      query: `?period=month&from=${today}&to=${today}&features=transfer.export,auth.login.staff`,
    });
    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual([expect.objectContaining({ key: today.slice(0, 7) })]);
    expect(res.body.series.map((s: { feature: string }) => s.feature)).toEqual([
      "transfer.export",
      "auth.login.staff",
    ]);
    expect(res.body.totals[0].count).toBeGreaterThanOrEqual(1);
  });

  it("answers 400 with a message for bad dates, a reversed range, too long a range or an unknown feature", async () => {
    for (const query of [
      "?from=2026-13-01",
      "?from=yesterday",
      "?from=2026-12-10&to=2026-12-01",
      "?period=day&from=2000-01-01&to=2026-01-01",
      "?period=fortnight",
      "?features=auth.login.staff,messages.sent",
    ]) {
      const res = await call(usageRoute.loader, "fengsheng", { query });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("invalid");
    }
    const bad = await call(usageRoute.loader, "admin", { query: "?from=2026-02-30" });
    expect(bad.body.error.fields.from).toMatch(/YYYY-MM-DD/);
  });

  it("answers 403 for a resident, an auditor and an enterprise admin", async () => {
    for (const who of ["zhangwei", "auditor", "qiye"]) {
      const res = await call(usageRoute.loader, who);
      expect(res.status, who).toBe(403);
    }
  });

  it("answers 405 to a POST", async () => {
    const res = await call(usageRoute.action, "admin", { method: "POST", body: {} });
    expect(res.status).toBe(405);
  });
});
