// Reading the system log: the auditor's viewer, filters and export.
import { z } from "zod";
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { recordAudit } from "./log.server.ts";

export const auditFilterSchema = z.object({
  event: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  from: z.iso.date({ error: "日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD" }).optional(),
  to: z.iso.date({ error: "日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD" }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditEntryView {
  id: number;
  at: number;
  event: string;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
}

const PAGE_SIZE = 50;

/** Empty strings from a search form mean "no filter". */
function clean(input: unknown): unknown {
  if (!input || typeof input !== "object") return {};
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== "" && v !== undefined && v !== null),
  );
}

function filtered(services: Services, caller: Caller, f: AuditFilter) {
  const scope = caller.actor.orgPath;
  let q = services.db
    .selectFrom("audit_log")
    .where((eb) => eb.or([eb("org_path", "like", `${scope}%`), eb("org_path", "is", null)]));
  if (f.event) q = q.where("event", "like", `${f.event}%`);
  if (f.actor) q = q.where("actor_name", "=", f.actor.toLowerCase());
  if (f.from) q = q.where("at", ">=", Date.parse(`${f.from}T00:00:00+08:00`));
  if (f.to) q = q.where("at", "<", Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000);
  return q;
}

const toView = (r: {
  id: number;
  at: number;
  event: string;
  actor_name: string | null;
  actor_role: string | null;
  ip: string | null;
  target_type: string | null;
  target_id: string | null;
  data: string;
}): AuditEntryView => ({
  id: Number(r.id),
  at: Number(r.at),
  event: r.event,
  actorName: r.actor_name,
  actorRole: r.actor_role,
  ip: r.ip,
  targetType: r.target_type,
  targetId: r.target_id,
  data: JSON.parse(r.data),
});

export async function searchAudit(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<{
  entries: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
  filter: AuditFilter;
}> {
  await authorize(services, caller, "audit.read");
  const f = parseInput(auditFilterSchema, clean(input));
  const base = filtered(services, caller, f);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("id", "desc")
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { entries: rows.map(toView), total: Number(count.n), page: f.page, pageSize: PAGE_SIZE, filter: f };
}

const CSV_COLUMNS = ["id", "time", "event", "actor", "role", "ip", "target", "data"];

function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : String(value);
  // Quote, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The filtered log as CSV (UTF-8 with BOM so Excel opens it), newest first, at most 100k rows. */
export async function exportAuditCsv(services: Services, caller: Caller, input: unknown): Promise<string> {
  await authorize(services, caller, "audit.export");
  const f = parseInput(auditFilterSchema, clean(input));
  const rows = await filtered(services, caller, f).selectAll().orderBy("id", "desc").limit(100_000).execute();
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const time = new Date(Number(r.at)).toISOString();
    const target = r.target_type ? `${r.target_type}:${r.target_id}` : "";
    lines.push(
      [r.id, time, r.event, r.actor_name, r.actor_role, r.ip, target, r.data].map(csvCell).join(","),
    );
  }
  const { page: _page, ...filters } = f;
  await recordAudit(services.db, services.dialect, {
    event: "audit.exported",
    data: { filters, rows: rows.length, format: "csv" },
    caller,
  });
  services.usage.count("audit.export", caller.actor.orgPath);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
