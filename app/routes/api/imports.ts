// POST /api/v1/imports — upload a spreadsheet (the body is the file) and start checking it. Uploads are
// normally taken by the streaming handler in server/import-upload.ts before React Router buffers the
// body; this module answers the same way for what still reaches it (small bodies, route-level tests).
import { Readable } from "node:stream";
import { endpoint } from "../../api/endpoint.server.ts";
import {
  importInput,
  receiveImport,
  TOO_LARGE_MESSAGE,
  UploadTooLarge,
  uploadName,
} from "../../api/import-upload.server.ts";
import { jobOut } from "../../api/presenters-transfer.ts";

export const loader = endpoint("/imports", {});

export const action = endpoint("/imports", {
  POST: async ({ services, caller, request, query }) => {
    const body = request.body ? Readable.fromWeb(request.body as never) : Readable.from([]);
    try {
      const job = await receiveImport(services, caller, body, {
        name: uploadName(request.headers.get("x-file-name")),
        input: importInput(query, request.headers.get("x-import-options")),
      });
      return jobOut(job);
    } catch (error) {
      if (!(error instanceof UploadTooLarge)) throw error;
      return Response.json({ error: { code: "too_large", message: TOO_LARGE_MESSAGE } }, { status: 413 });
    }
  },
});
