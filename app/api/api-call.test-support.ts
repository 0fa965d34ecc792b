// Calls API route modules the way a token holder would, for the API's tests: no server, a real database.
// Every answer must be JSON and under 500; every error must carry a bilingual message.
import type { AppLoadContext } from "react-router";
import { expect } from "vitest";
import { callerFor } from "../../tests/support/factories.ts";
import type { Services } from "../core/services.server.ts";
import type { RouteArgs } from "./endpoint.server.ts";
import { type OperationId, operation } from "./operations.ts";

export type Handler = (args: RouteArgs) => Promise<Response> | Response;
export interface CallInit {
  method?: string;
  id?: string | number;
  body?: unknown;
  query?: string;
}

/** Chinese first, then " / " and the English: what every error message of the API looks like. */
export const BILINGUAL = /[\u4e00-\u9fff].* \/ .*[A-Za-z]/;

export function routeCaller(services: () => Services) {
  return async (handler: Handler, username: string, init: CallInit = {}) => {
    const caller = { ...(await callerFor(services(), username)), via: "token" as const };
    const request = new Request(`http://localhost/api/v1/x${init.query ?? ""}`, {
      method: init.method ?? "GET",
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: { "Content-Type": "application/json" },
    });
    const context = { services: services(), caller } as unknown as AppLoadContext;
    const res = await handler({ request, context, params: { id: init.id?.toString() } });
    expect(res.status).toBeLessThan(500);
    const body = res.status === 204 ? null : await res.json();
    if (res.status >= 400) expect(body.error.message).toMatch(BILINGUAL);
    return { status: res.status, body };
  };
}

/** Checks a body is what the registry promises for the operation. */
export const documented = (id: OperationId, body: unknown) => operation(id).success.schema!.parse(body);
