// GET /admin/audit/export?format=xlsx|csv&<the viewer's filters> — the filtered system log as a download.
import { exportAuditXlsx } from "../../audit/export-xlsx.server.ts";
import { exportAuditCsv } from "../../audit/query.server.ts";
import { requireStaff, run } from "../../core/route.server.ts";
import type { Route } from "./+types/audit-export";

/** Today in China time as YYYYMMDD, for the file name. */
function chinaDay(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const xlsx = params.format === "xlsx";
  const body: BodyInit = xlsx
    ? new Uint8Array(await run(() => exportAuditXlsx(context.services, caller, params)))
    : await run(() => exportAuditCsv(context.services, caller, params));
  return new Response(body, {
    headers: {
      "Content-Type": xlsx ? XLSX : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${chinaDay()}.${xlsx ? "xlsx" : "csv"}"`,
      "Cache-Control": "no-store",
    },
  });
}
