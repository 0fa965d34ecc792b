// 附件: any number of uploaded documents, kept as their file ids in upload order.
import { isFileId, notFileId } from "./files.ts";
import { isBlank, nothing, wrongKind } from "./problems.ts";
import type { FieldTypeDefinition } from "./types.ts";

export const attachmentsType: FieldTypeDefinition<string[]> = {
  type: "attachments",
  labelKey: "fieldTypes.attachments",
  parse(raw, field) {
    if (isBlank(raw)) return nothing();
    const items = typeof raw === "string" ? raw.split(/[\s,，;；]+/) : Array.isArray(raw) ? raw : null;
    if (!items?.every((item) => typeof item === "string"))
      return wrongKind(field, "已上传文件的编号", "ids of uploaded files");
    const ids = [...new Set(items.map((item) => item.trim()).filter((item) => item !== ""))];
    const bad = ids.find((id) => !isFileId(id));
    if (bad !== undefined) return notFileId(field, bad);
    return ids.length === 0 ? nothing() : { ok: true, value: ids };
  },
  format: (value) => (value === null ? "" : value.join(", ")),
  operators: ["empty", "not_empty"],
  storage: "json",
  sortable: false,
  sensitiveByDefault: false,
  readOnly: false,
  editor: "files",
};
