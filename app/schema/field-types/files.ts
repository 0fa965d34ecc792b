// Stored file ids, shared by the photo and attachments types. Files are uploaded through the storage
// interface first; a record only keeps the ids it hands back.
import { fail } from "./problems.ts";
import type { FieldConfig } from "./types.ts";

/** The shape of an id the storage interface issues: up to 64 letters, digits, "-" or "_". */
export const FILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const isFileId = (value: unknown): value is string => typeof value === "string" && FILE_ID.test(value);

export const notFileId = (field: FieldConfig, given: string) =>
  fail(
    field,
    "file-id-invalid",
    `“${given.slice(0, 40)}”不是已上传文件的编号，请先上传文件`,
    `"${given.slice(0, 40)}" is not the id of an uploaded file; upload the file first`,
  );
