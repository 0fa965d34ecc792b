// Reading the system log: the auditor's viewer and its filters (person, actor, action, time, community),
// and the filtered log as .xlsx or CSV. Filters travel in URLs, so none takes an ID or phone number.
import { sql } from "kysely";
import { z } from "zod";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { recordAudit } from "./log.server.ts";

const DATE_ERROR = "日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD";
/** A record's system ID as the registry hands them out: RY-000123. */
const SYSTEM_ID = /^[A-Za-z]{1,10}-\d{1,12}$/;
/** Six digits in a row is part of an ID or phone number: those never go into a URL or a log search. */
const NUMBERISH = /\d{6}/;

export const auditFilterSchema = z.object({
  event: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z_]+\.[a-z_]*$/, "未知的事件类型 / Unknown event type")
    .optional()
    .describe(
      "事件类型（org.updated），或以点结尾的一组（record.）/ An event type, or a group ending in a dot",
    ),
  actor: z.string().trim().max(64).optional(),
  person: z
    .string()
    .trim()
    .max(50)
    .refine((v) => SYSTEM_ID.test(v) || !NUMBERISH.test(v), {
      message:
        "请填写系统编号（如 RY-000123）或姓名；证件号码、手机号码不能用于日志检索 / Give a system ID or a name; ID and phone numbers cannot be searched here",
    })
    .optional(),
  org: z.coerce.number().int().positive().optional(),
  from: z.iso.date({ error: DATE_ERROR }).optional(),
  to: z.iso.date({ error: DATE_ERROR }).optional(),
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
/** A name may belong to several people; more than this many is too vague to be a filter. */
const MAX_NAMESAKES = 50;

/** Empty strings from a search form mean "no filter". */
function clean(input: unknown): unknown {
  if (!input || typeof input !== "object") return {};
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== "" && v !== undefined && v !== null),
  );
}

/** The system IDs a person filter stands for: the ID itself, or the records (in scope) of that name. */
async function personIds(services: Services, caller: Caller, person: string): Promise<string[]> {
  if (SYSTEM_ID.test(person)) return [person.toUpperCase()];
  const rows = await services.db
    .selectFrom("records")
    .select("system_id")
    .where(services.dialect.jsonText(sql.ref("data"), "name"), "=", person)
    .where("org_path", "like", `${caller.actor.orgPath}%`)
    .limit(MAX_NAMESAKES + 1)
    .execute();
  if (rows.length > MAX_NAMESAKES)
    throw invalid(`同名的人太多，请改用系统编号 / Too many people of that name; use a system ID`, {
      person: "请改用系统编号 / Use a system ID",
    });
  return rows.map((r) => r.system_id);
}

/** The org path a community filter stands for; only an org inside the reader's own scope. */
async function orgPath(services: Services, caller: Caller, id: number): Promise<string> {
  const org = await services.db.selectFrom("orgs").select("path").where("id", "=", id).executeTakeFirst();
  if (!org?.path.startsWith(caller.actor.orgPath))
    throw invalid("不在您的管辖范围内的组织 / Not an org in your scope", { org: "无效 / Not valid" });
  return org.path;
}

async function filtered(services: Services, caller: Caller, f: AuditFilter) {
  const scope = caller.actor.orgPath;
  let q = services.db
    .selectFrom("audit_log")
    .where((eb) => eb.or([eb("org_path", "like", `${scope}%`), eb("org_path", "is", null)]));
  if (f.event?.endsWith(".")) q = q.where("event", "like", `${f.event}%`);
  else if (f.event) q = q.where("event", "=", f.event);
  if (f.actor) q = q.where("actor_name", "=", f.actor.toLowerCase());
  if (f.from) q = q.where("at", ">=", Date.parse(`${f.from}T00:00:00+08:00`));
  if (f.to) q = q.where("at", "<", Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000);
  if (f.org) q = q.where("org_path", "like", `${await orgPath(services, caller, f.org)}%`);
  if (f.person) {
    const ids = await personIds(services, caller, f.person);
    if (ids.length === 0) return q.where(sql.lit(false));
    // A record's own events name it as the target; deletions, restores and purges list it in data.
    // System IDs are letters, a dash and digits, so they hold no LIKE wildcard.
    q = q.where((eb) =>
      eb.or([eb("target_id", "in", ids), ...ids.map((id) => eb("data", "like", `%"${id}"%`))]),
    );
  }
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
  const base = await filtered(services, caller, f);
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

/** An export holds at most this many rows, newest first; narrow the filter for more. */
export const EXPORT_MAX_ROWS = 100_000;

/** The filtered rows an export writes (checked, capped) and its log row, written before the file. */
export async function exportRows(services: Services, caller: Caller, input: unknown, format: "csv" | "xlsx") {
  await authorize(services, caller, "audit.export");
  const f = parseInput(auditFilterSchema, clean(input));
  const rows = await (await filtered(services, caller, f))
    .selectAll()
    .orderBy("id", "desc")
    .limit(EXPORT_MAX_ROWS)
    .execute();
  const { page: _page, ...filters } = f;
  await recordAudit(services.db, services.dialect, {
    event: "audit.exported",
    data: { filters, rows: rows.length, format },
    caller,
  });
  services.usage.count("audit.export", caller.actor.orgPath);
  return rows.map(toView);
}

const CSV_COLUMNS = ["id", "time", "event", "actor", "role", "ip", "target", "data"];

function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : String(value);
  // Quote, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The filtered log as CSV (UTF-8 with BOM so Excel opens it), newest first. */
export async function exportAuditCsv(services: Services, caller: Caller, input: unknown): Promise<string> {
  const rows = await exportRows(services, caller, input, "csv");
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const time = new Date(r.at).toISOString();
    const target = r.targetType ? `${r.targetType}:${r.targetId}` : "";
    lines.push(
      [r.id, time, r.event, r.actorName, r.actorRole, r.ip, target, JSON.stringify(r.data)]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Orgs a reader may narrow the log to: every node of their scope below its top, in tree order. */
export async function auditOrgChoices(
  services: Services,
  caller: Caller,
): Promise<{ id: number; name: string; depth: number }[]> {
  await authorize(services, caller, "audit.read");
  const scope = caller.actor.orgPath;
  const rows = await services.db
    .selectFrom("orgs")
    .select(["id", "name", "path"])
    .where("path", "like", `${scope}_%`)
    .where("kind", "in", ["community", "grid", "enterprise", "merchant"])
    .orderBy("path")
    .execute();
  const depth0 = scope.split("/").length;
  return rows.map((r) => ({ id: Number(r.id), name: r.name, depth: r.path.split("/").length - depth0 }));
}
