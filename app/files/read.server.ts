// Reading an uploaded file back. A file is reached under the same scope rule as records: the caller's
// org node must contain the node the file belongs to, so one community never sees another's files.
import { authorize } from "../auth/access.server.ts";
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { FILE_ID } from "../schema/field-types/files.ts";
import type { FileVariant } from "./storage.server.ts";

export interface StoredFile {
  name: string;
  mime: string;
  data: Buffer;
  /** A strong validator for HTTP caching: the content never changes under an id. */
  etag: string;
}

const NO_FILE = "未找到该文件 / No such file";

export async function readFile(
  services: Services,
  caller: Caller,
  id: string,
  variant: FileVariant = "original",
): Promise<StoredFile> {
  return readStoredFile(services, id, variant, (row) =>
    authorize(services, caller, "record.read", { orgPath: row.org_path, type: "file", id }),
  );
}

/** A stored file, once `allow` (which throws when not) has agreed the reader may have it. */
export async function readStoredFile(
  services: Services,
  id: string,
  variant: FileVariant,
  allow: (row: { org_path: string }) => Promise<void>,
): Promise<StoredFile> {
  if (!FILE_ID.test(id)) throw notFound(NO_FILE);
  const row = await services.db
    .selectFrom("files")
    .select(["id", "org_path", "name", "mime", "sha256", "has_thumb"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound(NO_FILE);
  await allow(row);
  if (variant === "thumb" && !Number(row.has_thumb)) {
    throw notFound("该文件没有缩略图 / This file has no thumbnail");
  }
  const data = await services.files.get(id, variant);
  if (!data) {
    // The row exists but the bytes do not: storage was lost or restored without them.
    services.log.error({ file: id, variant }, "stored file missing");
    throw notFound(NO_FILE);
  }
  if (variant === "thumb") {
    const dot = row.name.lastIndexOf(".");
    const stem = dot > 0 ? row.name.slice(0, dot) : row.name;
    return { name: `${stem}.thumb.webp`, mime: "image/webp", data, etag: `"${row.sha256.slice(0, 32)}-t"` };
  }
  return { name: row.name, mime: row.mime, data, etag: `"${row.sha256.slice(0, 32)}"` };
}
