// POST /api/v1/imports, taken before React Router: its body is a spreadsheet of up to 512 MB, which the
// generic path (server/adapter.ts) would buffer in memory under a 21 MB limit. Here the body streams to
// a temporary file (app/api/import-upload.server.ts), and errors are answered as the rest of the API
// answers them.
import type { NextFunction, Request, Response } from "express";
import {
  importInput,
  receiveImport,
  TOO_LARGE_MESSAGE,
  UploadTooLarge,
  uploadName,
} from "../app/api/import-upload.server.ts";
import { jobOut } from "../app/api/presenters-transfer.ts";
import type { RequestContext } from "../app/core/context.ts";
import { isAppError } from "../app/core/errors.ts";
import { errorBody } from "../app/core/route.server.ts";
import type { Services } from "../app/core/services.server.ts";

export const IMPORT_UPLOAD_PATH = "/api/v1/imports";

export interface CsrfChecks {
  ok(req: Request, ctx: RequestContext): Promise<boolean>;
  refuse(req: Request, res: Response): void;
}

export function importUpload(services: Services, csrf: CsrfChecks) {
  return (req: Request, res: Response, next: NextFunction) => {
    handle(services, csrf, req, res).catch(next);
  };
}

async function handle(services: Services, csrf: CsrfChecks, req: Request, res: Response) {
  const ctx = res.locals.ctx as RequestContext;
  if (!ctx.caller) {
    res.set("WWW-Authenticate", 'Bearer realm="linli"');
    // The body is not read: the connection closes rather than draining a large upload.
    res.set("Connection", "close");
    res.status(401).json({
      error: { code: "unauthenticated", message: "请先登录或提供 API 令牌 / Sign in or send an API token" },
    });
    return;
  }
  if (!(await csrf.ok(req, ctx))) {
    res.set("Connection", "close");
    return csrf.refuse(req, res);
  }
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(req.originalUrl, "http://localhost").searchParams)
    if (value !== "") query[key] = value;
  try {
    const declared = Number(req.get("content-length"));
    const job = await receiveImport(services, ctx.caller, req, {
      name: uploadName(req.get("x-file-name")),
      input: importInput(query, req.get("x-import-options")),
      declaredBytes: Number.isFinite(declared) ? declared : undefined,
    });
    res.status(201).json(jobOut(job));
  } catch (error) {
    // A refusal before the whole body was read closes the connection instead of reading the rest.
    if (!req.readableEnded) res.set("Connection", "close");
    if (error instanceof UploadTooLarge) {
      res.status(413).json({ error: { code: "too_large", message: TOO_LARGE_MESSAGE } });
      return;
    }
    if (isAppError(error)) {
      res.status(error.status).json(errorBody(error));
      return;
    }
    throw error;
  }
}
