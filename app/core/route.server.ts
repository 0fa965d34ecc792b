// Thin-route helpers: who is calling, and typed errors → HTTP. Routes call these, then one domain function.
import { type AppLoadContext, data, redirect } from "react-router";
import { denyAndLog } from "../auth/access.server.ts";
import { can } from "../auth/permissions.ts";
import { type AppError, isAppError } from "./errors.ts";
import type { Caller } from "./services.server.ts";

/** The signed-in caller, or a redirect to the login page that comes back here afterwards. */
export function requireCaller(context: AppLoadContext, request: Request): Caller {
  if (context.caller) return context.caller;
  const url = new URL(request.url);
  throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** A caller who may enter the staff console; others are refused (and the attempt is logged). */
export async function requireStaff(context: AppLoadContext, request: Request): Promise<Caller> {
  const caller = requireCaller(context, request);
  if (!can(caller.actor.role, "console.enter")) {
    await run(() => denyAndLog(context.services, caller, "console.enter", new URL(request.url).pathname));
  }
  return caller;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: { code: error.kind, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
}

/** Run domain code in a page loader: typed errors become error pages with their status. */
export async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error)) throw data(errorBody(error), { status: error.status });
    throw error;
  }
}

/**
 * Run domain code in a form action: bad input and conflicts come back as data for the form to show
 * beside its fields (with a 4xx status); other typed errors become error pages.
 */
export async function runForm<T>(
  fn: () => Promise<T>,
  /**
   * On a page with several forms: which form was sent (and, for pages without JavaScript, what was typed),
   * so the refusal is shown beside that form only. Read back with `failureOf` (app/components/formErrors.tsx).
   */
  tag?: { form: string; values?: unknown },
): Promise<T | ReturnType<typeof data<ErrorBody>>> {
  try {
    return await fn();
  } catch (error) {
    if (
      isAppError(error) &&
      (error.kind === "invalid" || error.kind === "conflict" || error.kind === "too_many_requests")
    ) {
      return data({ ...errorBody(error), ...tag }, { status: error.status });
    }
    if (isAppError(error)) throw data(errorBody(error), { status: error.status });
    throw error;
  }
}

/** Run domain code in a JSON API route: every typed error becomes a JSON error with its status. */
export async function runApi(fn: () => Promise<unknown>, init?: ResponseInit): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    return Response.json(result ?? { ok: true }, init);
  } catch (error) {
    if (isAppError(error)) return Response.json(errorBody(error), { status: error.status });
    throw error;
  }
}

/** The API's caller: unauthenticated calls get a 401 JSON error, never a redirect. */
export function apiCaller(context: AppLoadContext): Caller {
  if (context.caller) return context.caller;
  throw Response.json(
    { error: { code: "unauthenticated", message: "请先登录或提供 API 令牌 / Sign in or send an API token" } },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="linli"' } },
  );
}

/** Where to go after login: a local path only (never another site). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
