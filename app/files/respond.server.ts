// A stored file as an HTTP response. Pictures and PDFs open in the browser; everything else downloads,
// so an uploaded document can never run as a page of this site (with nosniff, the browser must believe
// the Content-Type we give, which comes from the bytes we checked at upload).
import { contentDisposition } from "./names.ts";
import type { StoredFile } from "./read.server.ts";

const INLINE = /^(image\/(jpeg|png|webp|gif)|application\/pdf)$/;

export function fileResponse(file: StoredFile, request: Request): Response {
  const headers = new Headers({
    "Content-Type": file.mime,
    "Content-Disposition": contentDisposition(INLINE.test(file.mime) ? "inline" : "attachment", file.name),
    "X-Content-Type-Options": "nosniff",
    // Personal data: kept by the browser only, never by a shared proxy, and re-checked on every use (a
    // cheap 304 thanks to the ETag) so a later user of the same browser cannot open it from the cache.
    "Cache-Control": "private, no-cache",
    ETag: file.etag,
  });
  const cached = request.headers.get("If-None-Match");
  if (cached?.split(",").some((tag) => tag.trim() === file.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(file.data.length));
  // A Buffer is a Uint8Array; the cast only bridges Node's and the DOM's typings of its backing store.
  return new Response(file.data as unknown as BodyInit, { status: 200, headers });
}
