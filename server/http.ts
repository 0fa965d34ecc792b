// The HTTP server: security headers, health check, who is calling, CSRF, then React Router.
import crypto from "node:crypto";
import path from "node:path";
import { parse as parseCookies } from "cookie";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "react-router";
import { loadActor } from "../app/auth/actor.server.ts";
import { CSRF_COOKIE, csrfCookie } from "../app/auth/cookies.server.ts";
import { randomToken, SESSION_COOKIE, touchSession } from "../app/auth/sessions.server.ts";
import { userIdForToken } from "../app/auth/tokens.server.ts";
import { isDemo } from "../app/core/boot.server.ts";
import type { RequestContext } from "../app/core/context.ts";
import type { Actor, Caller, Services } from "../app/core/services.server.ts";
import { sendFetchResponse, toFetchRequest } from "./adapter.ts";
import { IMPORT_UPLOAD_PATH, importUpload } from "./import-upload.ts";

export interface HttpOptions {
  /** Loads the React Router server build (a fresh one per request in development). */
  build: () => Promise<ServerBuild>;
  mode: "production" | "development";
  /** Directory of the built client assets; absent in development (Vite serves them). */
  clientDir?: string;
  /** Extra middleware placed before React Router (Vite's dev middleware). */
  before?: express.RequestHandler;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_BODY = 21 * 1024 * 1024;

interface Locals {
  nonce: string;
  ctx: RequestContext;
}

export function createHttpApp(services: Services, options: HttpOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", services.config.trustProxy);
  const dev = options.mode === "development";

  app.use((_req, res, next) => {
    res.locals.nonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: dev
            ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
            : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: dev ? ["'self'", "ws:", "wss:"] : ["'self'"],
          // PDFs the page made (a print job, the designer's preview) shown or printed in a frame as blob: URLs.
          frameSrc: ["'self'", "blob:"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // HSTS only means something over HTTPS; added below when the request is secure.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  app.get("/healthz", async (_req, res) => {
    try {
      await services.db.selectFrom("settings").select("key").limit(1).execute();
      const replica = services.analytics.status("people");
      res.json({
        status: "ok",
        database: services.dialect.name,
        // The query engine: "loading" right after a start, "ready" once the grid answers from memory.
        queryEngine: replica?.state ?? "idle",
        version: process.env.npm_package_version ?? "0.1.0",
      });
    } catch {
      res.status(503).json({ status: "unavailable", database: services.dialect.name });
    }
  });

  if (options.clientDir) {
    app.use(
      "/assets",
      express.static(path.join(options.clientDir, "assets"), { immutable: true, maxAge: "1y" }),
    );
    app.use(express.static(options.clientDir, { maxAge: "1h", index: false }));
  }
  if (options.before) app.use(options.before);

  app.use((req, res, next) => {
    identify(services, req, res)
      .then((ctx) => {
        res.locals.ctx = ctx;
        next();
      })
      .catch(next);
  });

  // Spreadsheet uploads stream to disk instead of being buffered for React Router.
  app.post(
    IMPORT_UPLOAD_PATH,
    importUpload(services, { ok: (req, ctx) => csrfOk(req, null, ctx), refuse: refuseCsrf }),
  );

  const handlerFor = async () => createRequestHandler(await options.build(), options.mode);
  let cached: ReturnType<typeof createRequestHandler> | undefined;

  app.all(/.*/, async (req, res, next) => {
    try {
      const locals = res.locals as Locals;
      const request = await toFetchRequest(req, res, MAX_BODY);
      if (!request) return;
      if (UNSAFE.has(req.method) && !CSRF_FREE.test(req.path) && !(await csrfOk(req, request, locals.ctx))) {
        return refuseCsrf(req, res);
      }
      if (!cached || dev) cached = await handlerFor();
      const handler = cached;
      const response = await handler(request, locals.ctx as AppLoadContext);
      await sendFetchResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    services.log.error({ err: error }, "unhandled request error");
    if (res.headersSent) return res.end();
    res
      .status(500)
      .type("text/plain; charset=utf-8")
      .send("服务器内部错误，请稍后再试 / Internal error, please try again later");
  });
  return app;
}

/**
 * A notice's unsubscribe link: its signed token is the whole authority, it acts for nobody signed in,
 * and mail programs send its one-click POST (RFC 8058) from outside without a CSRF token.
 */
const CSRF_FREE = /^\/unsubscribe\/[\w.-]+$/;

/** Who is calling: a bearer API token, a cookie session, or nobody. */
async function identify(services: Services, req: Request, res: Response): Promise<RequestContext> {
  const cookies = parseCookies(req.headers.cookie ?? "");
  const ip = req.ip ?? null;
  const secure = req.secure;
  let caller: Caller | null = null;
  let sessionId: string | null = null;
  let csrfToken: string;

  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (bearer) {
    const userId = await userIdForToken(services, bearer);
    const actor = userId ? await loadActor(services.db, userId) : null;
    if (actor) caller = { actor, ip, via: "token" };
    csrfToken = "";
  } else {
    const token = cookies[SESSION_COOKIE];
    let actor: Actor | null = null;
    const session = token
      ? await touchSession(services.db, services.config, token, async (uid) => {
          actor = await loadActor(services.db, uid);
          return actor?.role ?? null;
        })
      : null;
    if (session && actor) {
      caller = { actor, ip, via: "session" };
      sessionId = session.id;
      csrfToken = session.csrfToken;
    } else {
      csrfToken = cookies[CSRF_COOKIE] ?? "";
      if (!/^[\w-]{32}$/.test(csrfToken)) {
        csrfToken = randomToken(24);
        res.append("Set-Cookie", csrfCookie(csrfToken, secure));
      }
    }
  }
  return {
    services,
    caller,
    sessionId,
    csrfToken,
    nonce: res.locals.nonce,
    ip,
    secure,
    demo: await isDemo(services),
  };
}

/**
 * State changes need proof they come from our own pages: the X-CSRF-Token header or a `_csrf` form field
 * equal to the session's token, and (where the browser says) a same-origin request.
 * Bearer-token calls carry no ambient credentials and are exempt.
 */
async function csrfOk(
  req: Request,
  /** The request as React Router gets it, to read a form's `_csrf` field; null: header only. */
  request: globalThis.Request | null,
  ctx: RequestContext,
): Promise<boolean> {
  if (ctx.caller?.via === "token") return true;
  const site = req.headers["sec-fetch-site"];
  if (site && site !== "same-origin" && site !== "none") return false;
  const expected = ctx.csrfToken;
  if (!expected) return false;
  const header = req.headers["x-csrf-token"];
  if (typeof header === "string") return safeEqual(header, expected);
  const type = req.headers["content-type"] ?? "";
  if (
    request &&
    (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))
  ) {
    try {
      const form = await request.clone().formData();
      const sent = form.get("_csrf");
      return typeof sent === "string" && safeEqual(sent, expected);
    } catch {
      return false;
    }
  }
  return false;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function refuseCsrf(req: Request, res: Response) {
  const message =
    "页面已过期或来源不明，请刷新页面后重试 / The form expired or came from elsewhere; reload and try again";
  if (req.path.startsWith("/api/") || req.accepts(["html", "json"]) === "json") {
    res.status(403).json({ error: { code: "csrf", message } });
  } else {
    res
      .status(403)
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><meta charset="utf-8"><title>403</title><p>${message}</p><p><a href="${encodeURI(req.originalUrl)}">刷新 / Reload</a></p>`,
      );
  }
}
