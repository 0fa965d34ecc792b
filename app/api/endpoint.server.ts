// Turns a route module's handlers into loader/action functions driven by the operation registry:
// 405 with Allow → 401 → path id, query and JSON body parsed (400 on anything malformed) → handler →
// JSON with the registry's status. Handlers then only call one domain function and a presenter.
import type { AppLoadContext } from "react-router";
import { invalid } from "../core/errors.ts";
import { apiCaller, runApi } from "../core/route.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import {
  type ApiOperation,
  type ApiPath,
  allowedMethods,
  type HttpMethod,
  OPERATIONS,
} from "./operations.ts";

export interface RouteArgs {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string | undefined>;
}

export interface ApiCall {
  request: Request;
  services: Services;
  /** The signed-in caller; reading it on a public operation answers 401 when nobody is signed in. */
  readonly caller: Caller;
  /** The `{id}` path parameter (0 on paths without one). */
  id: number;
  /** Query parameters, empty values dropped. */
  query: Record<string, string>;
  /** The parsed JSON body ({} when the operation takes none, or an optional body was left empty). */
  body: unknown;
}

type Handler = (call: ApiCall) => Promise<unknown> | unknown;

export function methodNotAllowed(path: ApiPath): Response {
  const allow = allowedMethods(path);
  return Response.json(
    {
      error: {
        code: "method_not_allowed",
        message: `此接口只接受 ${allow.join("、")} / This endpoint accepts ${allow.join(", ")} only`,
      },
    },
    { status: 405, headers: { Allow: allow.join(", ") } },
  );
}

/** A loader or action for `path` that answers the methods given here, as the registry describes them. */
export function endpoint(path: ApiPath, handlers: Partial<Record<HttpMethod, Handler>>) {
  return (args: RouteArgs): Promise<Response> | Response => {
    const method = (args.request.method === "HEAD" ? "GET" : args.request.method) as HttpMethod;
    const op: ApiOperation | undefined = OPERATIONS.find((o) => o.path === path && o.method === method);
    const handler = handlers[method];
    if (!op || !handler) return methodNotAllowed(path);
    return runApi(
      async () => {
        const caller = op.access === "public" ? null : apiCaller(args.context);
        const call: ApiCall = {
          request: args.request,
          services: args.context.services,
          get caller() {
            return caller ?? apiCaller(args.context);
          },
          id: path.includes("{id}") ? pathId(args.params.id) : 0,
          query: op.query ? queryOf(args.request) : {},
          body: op.body ? await readJson(args.request, op.body.required) : {},
        };
        const result = await handler(call);
        return op.success.status === 204 ? new Response(null, { status: 204 }) : result;
      },
      { status: op.success.status },
    );
  };
}

/** A positive integer id from the path; anything else is a 400, never a 500. */
export function pathId(value: string | undefined): number {
  const id = /^[1-9]\d{0,14}$/.test(value ?? "") ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id)) {
    throw invalid("路径中的编号无效 / The id in the path is not valid", {
      id: "应为正整数 / Must be a positive integer",
    });
  }
  return id;
}

export function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== "") out[key] = value;
  return out;
}

/** The request body as a JSON object; malformed JSON (or an array, string …) is a 400. An optional body may be empty. */
export async function readJson(request: Request, required: boolean): Promise<unknown> {
  const text = await request.text();
  if (!required && text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid("请求体不是有效的 JSON / Body is not valid JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw invalid("请求体应为 JSON 对象 / The body must be a JSON object");
  }
  return body;
}
