// POST /admin/files — upload a photo or document (multipart: `file`, `kind` photo|file, optional `org`).
// Answers JSON for the record forms' upload widgets: 201 {id, name, mime, size, hasThumb, width, height}
// or a 4xx {error:{code,message,fields}}. CSRF: `_csrf` in the multipart body or X-CSRF-Token header,
// checked by the server before this runs; API-token callers send the same multipart request.
import { invalid } from "../../../core/errors.ts";
import { requireStaff, runApi } from "../../../core/route.server.ts";
import { type FileKind, uploadFile } from "../../../files/upload.server.ts";
import type { Route } from "./+types/upload";

const CHOOSE = "请选择要上传的文件 / Choose a file to upload";

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  if (request.method !== "POST") {
    return Response.json(
      { error: { code: "method_not_allowed", message: "仅支持 POST / POST only" } },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  return runApi(
    async () => {
      const form = await request.formData().catch(() => {
        throw invalid("请以 multipart/form-data 上传文件 / Send the file as multipart/form-data", {
          file: CHOOSE,
        });
      });
      const file = form.get("file");
      if (!(file instanceof File)) throw invalid(CHOOSE, { file: CHOOSE });
      const org = form.get("org");
      return uploadFile(
        context.services,
        caller,
        { name: file.name, type: file.type, data: Buffer.from(await file.arrayBuffer()) },
        (form.get("kind") ?? "file") as FileKind,
        typeof org === "string" && /^\d+$/.test(org) ? { orgId: Number(org) } : {},
      );
    },
    { status: 201 },
  );
}

export function loader() {
  return Response.json(
    { error: { code: "method_not_allowed", message: "请用 POST 上传文件 / Upload with POST" } },
    { status: 405, headers: { Allow: "POST" } },
  );
}
