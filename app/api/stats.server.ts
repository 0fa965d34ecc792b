// The API's side of statistics: a report's export as a downloaded file under its Chinese name.
import type { Caller, Services } from "../core/services.server.ts";
import { contentDisposition } from "../files/names.ts";
import { exportReport } from "../stats/reports.server.ts";

export async function reportFileResponse(
  services: Services,
  caller: Caller,
  id: number,
  query: Record<string, string>,
): Promise<Response> {
  const file = await exportReport(services, caller, id, query);
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.body.length),
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "X-Content-Type-Options": "nosniff",
      // Counts of people by community: kept by no shared cache, nor by the browser after use.
      "Cache-Control": "private, no-store",
    },
  });
}
