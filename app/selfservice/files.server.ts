// Photos on a resident's own profile: uploading a new one (it belongs to their record's org node, so
// the staff who review it can open it) and reading back only the pictures of their own record and
// proposals — never a file id they merely guessed.
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { readStoredFile, type StoredFile } from "../files/read.server.ts";
import type { FileVariant } from "../files/storage.server.ts";
import { storeFile, type UploadedFile, type UploadInput } from "../files/upload.server.ts";
import { recordCodec } from "../people/records/codec.server.ts";
import { residentAccess } from "../schema/resident-access.ts";
import { openChanges } from "./present.server.ts";
import { openValues, ownRecord } from "./profile.server.ts";
import { requestsOfAccount } from "./repository.server.ts";

/** Store a photo the resident picked for a resident-editable photo field of their record. */
export async function uploadOwnPhoto(
  services: Services,
  caller: Caller,
  input: UploadInput,
): Promise<UploadedFile> {
  const own = await ownRecord(services, caller);
  if (!own.table.fields.some((f) => f.type === "photo" && residentAccess(f) === "editable"))
    throw notFound("您的信息中没有可以更换的照片 / There is no photo on your profile you may change");
  return storeFile(services, caller, input, "photo", own.row.org_path);
}

/** A picture of the caller's own record or of one of their proposals. */
export async function readOwnFile(
  services: Services,
  caller: Caller,
  id: string,
  variant: FileVariant,
): Promise<StoredFile> {
  const own = await ownRecord(services, caller);
  const photos = own.table.allFields.filter((f) => f.type === "photo");
  const visible = photos.filter((f) => residentAccess(f) !== "none");
  const values = openValues(services, own);
  const mine = new Set(visible.map((f) => values[f.key]).filter((v) => typeof v === "string"));
  const codec = recordCodec(services.cipher, own.table, own.row.system_id);
  const requests = await requestsOfAccount(services.db, caller.actor.id, 50);
  for (const request of requests.filter((r) => Number(r.record_id) === own.row.id))
    for (const c of openChanges(codec, own.table, request))
      if (c.field?.type === "photo") for (const v of [c.old, c.new]) if (typeof v === "string") mine.add(v);
  return readStoredFile(services, id, variant, async () => {
    if (!mine.has(id)) throw notFound("未找到该文件 / No such file");
  });
}
