// Node/Express request ⇄ Fetch Request/Response, with a body size limit.
import { Readable } from "node:stream";
import type { Request, Response } from "express";

/** Build a Fetch Request; answers 413 itself (and returns null) when the body is too large. */
export async function toFetchRequest(
  req: Request,
  res: Response,
  maxBody: number,
): Promise<globalThis.Request | null> {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = await readBody(req, maxBody);
    if (!body) {
      res
        .status(413)
        .json({ error: { code: "too_large", message: "提交的内容太大 / Request body too large" } });
      return null;
    }
    init.body = new Uint8Array(body) as unknown as BodyInit;
  }
  return new globalThis.Request(url, init);
}

async function readBody(req: Request, maxBody: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBody) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function sendFetchResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status);
  res.statusMessage = response.statusText || res.statusMessage;
  for (const [key, value] of response.headers.entries()) {
    if (key === "set-cookie") continue;
    res.setHeader(key, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
  if (!response.body) {
    res.end();
    return;
  }
  const stream = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    res.on("finish", resolve);
    res.on("close", resolve);
    stream.pipe(res);
  });
}
