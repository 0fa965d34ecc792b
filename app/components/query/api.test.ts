import { describe, expect, it } from "vitest";
import { QueryApiError, queryApi } from "./api.ts";

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe("query API client", () => {
  it("posts queries in the body with the CSRF token", async () => {
    const { fn, calls } = fakeFetch(200, { items: [{ field: "sex", label: "性别", values: [] }] });
    const api = queryApi("people", "tok", fn);
    const facets = await api.facets({ search: "王" }, ["sex"]);
    expect(facets[0]!.field).toBe("sex");
    expect(calls[0]!.url).toBe("/api/v1/tables/people/facets");
    expect(calls[0]!.init.method).toBe("POST");
    expect((calls[0]!.init.headers as Record<string, string>)["x-csrf-token"]).toBe("tok");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ query: { search: "王" }, fields: ["sex"] });
  });

  it("reads wrapped lists and empty answers", async () => {
    expect(await queryApi("p", "t", fakeFetch(200, { items: [{ id: 1 }] }).fn).views()).toEqual([{ id: 1 }]);
    await expect(queryApi("p", "t", fakeFetch(204, undefined).fn).deleteView(3)).resolves.toBeUndefined();
  });

  it("turns refusals into errors with the server's message and fields", async () => {
    const body = {
      error: {
        code: "conflict",
        message: "已有名为“甲”的视图 / A view named “甲” exists already",
        fields: { name: "x" },
      },
    };
    const api = queryApi("p", "t", fakeFetch(409, body).fn);
    const error = await api.createView({ name: "甲", definition: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryApiError);
    expect((error as QueryApiError).status).toBe(409);
    expect((error as QueryApiError).fields).toEqual({ name: "x" });
    const broken = queryApi("p", "t", (async () => {
      throw new TypeError("offline");
    }) as unknown as typeof fetch);
    await expect(broken.totals({})).rejects.toMatchObject({ status: 0 });
  });
});
