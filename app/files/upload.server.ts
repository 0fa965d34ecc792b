// Uploading a photo or document for a record. The bytes go to the file store first, then the `files`
// row and its system-log entry commit together; if the database refuses, the bytes are removed again,
// so neither a row without a file nor (beyond a crash between the two steps) a file without a row is left.
import crypto from "node:crypto";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { processImage } from "./images.server.ts";
import { cleanFileName, withExtension } from "./names.ts";
import { contentMatches, DOCUMENT_EXTENSIONS, DOCUMENT_MIME, extensionOf, textCharset } from "./sniff.ts";

export type FileKind = "photo" | "file";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface UploadInput {
  name: string;
  /** The type the browser declared. Not trusted: what is stored is decided from the bytes. */
  type?: string;
  data: Buffer;
}

export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  hasThumb: boolean;
  width: number | null;
  height: number | null;
}

const PHOTO_ONLY = "照片须为 JPG、PNG 或 WebP 图片 / The photo must be a JPG, PNG or WebP image";
const UNSUPPORTED =
  "仅支持 PDF、图片（JPG/PNG/WebP/GIF）、Word、Excel 和 TXT 文件 / Only PDF, images (JPG/PNG/WebP/GIF), Word, Excel and TXT files are accepted";
const refuse = (message: string) => invalid(message, { file: message });

/** A random id, URL-safe, 24 characters, starting with a letter or digit as file ids must. */
export function newFileId(): string {
  for (;;) {
    const id = crypto.randomBytes(18).toString("base64url");
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/**
 * Store an uploaded photo (`kind` "photo": a picture, ≤ 10 MB) or document (`kind` "file": PDF, picture,
 * Word, Excel or text, ≤ 20 MB). The file belongs to the caller's org node, or to `options.orgId` when a
 * staff member above it uploads for a record there, so the people who can see the record see the file.
 */
export async function uploadFile(
  services: Services,
  caller: Caller,
  input: UploadInput,
  kind: FileKind,
  options: { orgId?: number } = {},
): Promise<UploadedFile> {
  return storeFile(services, caller, input, kind, await ownerPath(services, caller, options.orgId));
}

/**
 * Store an upload as belonging to `orgPath`, for a caller the caller of this function has already
 * allowed to put it there (uploadFile: staff writing records there; a resident: their own record).
 */
export async function storeFile(
  services: Services,
  caller: Caller,
  input: UploadInput,
  kind: FileKind,
  orgPath: string,
): Promise<UploadedFile> {
  if (kind !== "photo" && kind !== "file") {
    throw invalid("上传类型须为 photo 或 file / Kind must be photo or file", {
      kind: "上传类型须为 photo 或 file / Kind must be photo or file",
    });
  }
  const prepared = await prepare(input, kind);

  const id = newFileId();
  const size = prepared.data.length;
  const sha256 = crypto.createHash("sha256").update(prepared.data).digest("hex");
  await services.files.put(id, "original", prepared.data);
  try {
    if (prepared.thumb) await services.files.put(id, "thumb", prepared.thumb);
    await services.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("files")
        .values({
          id,
          org_path: orgPath,
          name: prepared.name,
          mime: prepared.mime,
          size,
          sha256,
          width: prepared.width,
          height: prepared.height,
          has_thumb: prepared.thumb ? 1 : 0,
          created_at: Date.now(),
          created_by: caller.actor.id,
        })
        .execute();
      await recordAudit(trx, services.dialect, {
        event: "file.uploaded",
        data: { file: id, name: prepared.name, size, mime: prepared.mime },
        caller,
        target: { type: "file", id },
        orgPath,
      });
    });
  } catch (error) {
    await services.files
      .remove(id)
      .catch((e) => services.log.error({ err: e, file: id }, "file cleanup failed"));
    throw error;
  }
  return {
    id,
    name: prepared.name,
    mime: prepared.mime,
    size,
    hasThumb: prepared.thumb !== null,
    width: prepared.width,
    height: prepared.height,
  };
}

/** The org path the file will belong to, after checking the caller may write records there. */
async function ownerPath(services: Services, caller: Caller, orgId: number | undefined): Promise<string> {
  if (orgId === undefined) {
    await authorize(services, caller, "record.write");
    return caller.actor.orgPath;
  }
  const org = await services.db.selectFrom("orgs").select("path").where("id", "=", orgId).executeTakeFirst();
  if (!org) throw notFound("未找到该组织 / No such organisation");
  await authorize(services, caller, "record.write", { orgPath: org.path, type: "org", id: orgId });
  return org.path;
}

interface Prepared {
  name: string;
  mime: string;
  data: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

/** Check size and type, and turn pictures into clean upright copies with a thumbnail. */
async function prepare(input: UploadInput, kind: FileKind): Promise<Prepared> {
  const data = input.data;
  if (data.length === 0) throw refuse("文件是空的 / The file is empty");
  const limit = kind === "photo" ? MAX_PHOTO_BYTES : MAX_DOCUMENT_BYTES;
  if (data.length > limit) {
    const mb = limit / 1024 / 1024;
    throw refuse(
      kind === "photo"
        ? `照片不能超过 ${mb} MB / The photo must be at most ${mb} MB`
        : `文件不能超过 ${mb} MB / The file must be at most ${mb} MB`,
    );
  }
  const name = cleanFileName(input.name ?? "", kind === "photo" ? "照片" : "文件");
  const ext = extensionOf(name);
  const docKind = kind === "file" ? DOCUMENT_EXTENSIONS[ext] : "image";
  if (!docKind) throw refuse(UNSUPPORTED);

  if (docKind === "image") {
    const result = await processImage(data);
    if (!result.ok) {
      if (result.reason === "heic") {
        throw refuse(
          "暂不支持 HEIC 格式，请在手机相机设置中选择“兼容性最佳”或转为 JPG 后上传 / HEIC is not supported; set the camera to “Most Compatible” or convert to JPG",
        );
      }
      if (result.reason === "broken") {
        throw refuse("图片已损坏，无法读取 / The picture is damaged and cannot be read");
      }
      throw refuse(kind === "photo" ? PHOTO_ONLY : mismatch(ext));
    }
    const { image } = result;
    return {
      // The stored picture may be in another format than the name said (HEIC → JPG, a PNG named .jpg).
      name: withExtension(name, image.ext),
      mime: image.mime,
      data: image.data,
      thumb: image.thumb,
      width: image.width,
      height: image.height,
    };
  }

  if (!contentMatches(docKind, data)) throw refuse(mismatch(ext));
  const mime = docKind === "txt" ? `text/plain; charset=${textCharset(data)}` : DOCUMENT_MIME[docKind];
  return { name, mime, data, thumb: null, width: null, height: null };
}

const mismatch = (ext: string) =>
  `文件内容与扩展名 .${ext} 不符 / The file's content does not match its .${ext} extension`;
