// The registry, the route table and the OpenAPI document must describe the same API.
import type { RouteConfigEntry } from "@react-router/dev/routes";
import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import routes from "../routes.ts";
import type { RouteArgs } from "./endpoint.server.ts";
import { openApiDocument } from "./openapi.server.ts";
import { API_BASE, type ApiOperation, OPERATIONS } from "./operations.ts";

/** Every route of the table as [url path, file], with layouts' prefixes applied. */
function flatten(entries: RouteConfigEntry[], base = ""): [string, string][] {
  return entries.flatMap((e) => {
    const path = [base, e.path ?? ""].filter(Boolean).join("/");
    return [[path, e.file] as [string, string], ...flatten(e.children ?? [], path)];
  });
}

const apiRoutes = flatten(routes).filter(
  ([path]) => path.startsWith(API_BASE.slice(1)) && !path.endsWith("*"),
);
const routePath = (op: ApiOperation) => `${API_BASE.slice(1)}${op.path.replace(/\{(\w+)\}/g, ":$1")}`;
const routeFile = (op: ApiOperation) => apiRoutes.find(([path]) => path === routePath(op))?.[1];

type RouteModule = { loader?: (a: RouteArgs) => unknown; action?: (a: RouteArgs) => unknown };

async function answer(op: ApiOperation, method: string): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ `../${routeFile(op)}`)) as RouteModule;
  const fn = method === "GET" ? mod.loader : mod.action;
  const args: RouteArgs = {
    request: new Request(`http://localhost${API_BASE}${op.path.replace("{id}", "7")}`, { method }),
    context: { caller: null } as unknown as AppLoadContext,
    params: { id: "7" },
  };
  // Route code throws a Response for 401; either way we want the Response.
  return (await Promise.resolve()
    .then(() => fn!(args))
    .catch((thrown: unknown) => thrown)) as Response;
}

describe("operation registry", () => {
  it("has a route in app/routes.ts for every operation", () => {
    for (const op of OPERATIONS) expect(routeFile(op), `${op.method} ${op.path}`).toBeDefined();
  });

  it("describes every API route file", () => {
    for (const [path, file] of apiRoutes) {
      expect(
        OPERATIONS.some((op) => routePath(op) === path),
        `${file} (${path}) is not in app/api/operations.ts`,
      ).toBe(true);
    }
  });

  it("has unique operation ids and method + path pairs", () => {
    expect(new Set(OPERATIONS.map((op) => op.operationId)).size).toBe(OPERATIONS.length);
    expect(new Set(OPERATIONS.map((op) => `${op.method} ${op.path}`)).size).toBe(OPERATIONS.length);
  });

  it("documents exactly the query parameters each schema takes", () => {
    for (const op of OPERATIONS as readonly ApiOperation[]) {
      if (!op.query) continue;
      expect(Object.keys(op.queryHelp ?? {}).sort(), op.operationId).toEqual(
        Object.keys(op.query.shape).sort(),
      );
    }
  });

  it("gives request examples that the request schemas accept", () => {
    for (const op of OPERATIONS as readonly ApiOperation[]) {
      if (op.body) expect(op.body.schema.safeParse(op.body.example).success, op.operationId).toBe(true);
    }
  });

  it("answers every registered method (401 for a visitor), and 405 with Allow otherwise", async () => {
    for (const op of OPERATIONS as readonly ApiOperation[]) {
      if (routeFile(op)!.endsWith(".tsx")) continue; // a page (the docs), rendered by React
      const res = await answer(op, op.method);
      expect(res.status, `${op.method} ${op.path}`).toBe(op.access === "public" ? op.success.status : 401);
      const allowed: string[] = OPERATIONS.filter((o) => o.path === op.path).map((o) => o.method);
      for (const other of ["GET", "POST", "PATCH", "DELETE"].filter((m) => !allowed.includes(m))) {
        const refused = await answer(op, other);
        expect(refused.status, `${other} ${op.path}`).toBe(405);
        expect(refused.headers.get("Allow")).toBe(allowed.join(", "));
        expect((await refused.json()).error.code).toBe("method_not_allowed");
      }
    }
  });
});

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("is OpenAPI 3.1 with the API's title, server and both ways to authenticate", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Linli 邻里 API", version: "1" });
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      in: "cookie",
      name: "linli_session",
    });
    expect(doc.components.securitySchemes.csrfHeader).toMatchObject({ in: "header", name: "X-CSRF-Token" });
  });

  it("has every registry operation, with summary, tag, parameters and responses", () => {
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const op of OPERATIONS as readonly ApiOperation[]) {
      const item = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect(item, `${op.method} ${op.path}`).toBeDefined();
      expect(item!.summary).toBe(`${op.summary.zh} / ${op.summary.en}`);
      expect(tags.has((item!.tags as string[])[0]!)).toBe(true);
      const responses = item!.responses as Record<string, unknown>;
      expect(Object.keys(responses).sort()).toEqual([op.success.status, ...op.errors].map(String).sort());
      const params = item!.parameters as { name: string; in: string }[];
      if (op.path.includes("{id}"))
        expect(params).toContainEqual(expect.objectContaining({ name: "id", in: "path" }));
      if (op.body) expect(item!.requestBody).toMatchObject({ required: op.body.required });
      if (op.access === "public") expect(item!.security).toEqual([]);
    }
  });

  it("resolves every $ref", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [, section, name] = /#\/components\/(\w+)\/(\w+)/.exec(ref)!;
      expect(
        (doc.components as Record<string, Record<string, unknown>>)[section!]?.[name!],
        ref,
      ).toBeDefined();
    }
  });
});
