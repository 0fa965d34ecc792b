// GET /admin/audit/export?<the viewer's filters> — the filtered system log as a CSV download.
import { exportAuditCsv } from "../../audit/query.server.ts";
import { requireStaff, run } from "../../core/route.server.ts";
import type { Route } from "./+types/audit-export";

/** Today in China time as YYYYMMDD, for the file name. */
function chinaDay(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const csv = await run(() => exportAuditCsv(context.services, caller, params));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${chinaDay()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
