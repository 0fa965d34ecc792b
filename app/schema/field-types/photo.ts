// 照片: one uploaded image (thumbnails are made on upload), kept as its file id.
import { isFileId, notFileId } from "./files.ts";
import { isBlank, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const photoType: FieldTypeDefinition<string> = {
  type: "photo",
  labelKey: "fieldTypes.photo",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    if (typeof raw !== "string") return wrongKind(field, "已上传照片的编号", "the id of an uploaded photo");
    const id = raw.trim();
    return isFileId(id) ? { ok: true, value: id } : notFileId(field, id);
  },
  format: (value) => value ?? "",
  operators: ["empty", "not_empty"],
  storage: "text",
  sortable: false,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "photo",
};
