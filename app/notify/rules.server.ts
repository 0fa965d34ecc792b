// Rules 定时规则 that start campaigns by themselves every day at their time (Beijing): birthday greetings
// for the people whose 出生日期 is today, or a reminder N days before a date field (证件有效期). A day's
// run is one campaign, unique per (rule, day), so several processes start it once; a rule can be paused
// and shows its next run. A day the server was down for entirely is not sent late.

import type { Selectable } from "kysely";
import { z } from "zod";
import type { DateMatch } from "../../analytics/query/audience.server.ts";
import { isUniqueViolation } from "../../db/dialect.ts";
import type { NoticeRuleTable } from "../../db/types.ts";
import { CHANNELS, type Channel } from "../../emails/channels/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { loadActor } from "../auth/actor.server.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { epochDays, isoFromEpochDays, todayInChina } from "../people/normalise/calendar.ts";
import { loadTable, type TableDef } from "../schema/tables.server.ts";
import { audienceSchema } from "./campaign-input.ts";
import { addressFieldsFor, type CampaignRequest, checkContent, insertCampaign } from "./campaigns.server.ts";
import { type CampaignContent, campaignContentSchema } from "./content.ts";
import { wakeNotices } from "./wake.server.ts";

type RuleRow = Selectable<NoticeRuleTable>;

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

export const ruleInputSchema = z.object({
  table: z.string().trim().min(1).max(80).default("people"),
  name: z.string().trim().min(1, "请填写规则名称 / Name the rule").max(100),
  kind: z.enum(["birthday", "before_date"], { error: "请选择规则类型 / Choose the kind of rule" }),
  /** The date field (key or label); birthday: 出生日期 by default. */
  field: z.string().trim().max(80).optional(),
  daysBefore: z.coerce.number().int().min(0).max(365).default(0),
  runAt: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间写成 HH:MM，如 08:00 / Time as HH:MM, e.g. 08:00")
    .default("08:00"),
  channels: z
    .array(z.enum(CHANNELS))
    .min(1, "请至少选择一个发送渠道 / Choose at least one channel")
    .transform((l) => [...new Set(l)]),
  content: campaignContentSchema,
  /** Narrows the rule to a view, filter or group; absent: everybody in the maker's scope. */
  audience: audienceSchema.optional(),
  addressFields: z.partialRecord(z.enum(["email", "sms", "fax"]), z.string().trim().max(80)).optional(),
  paused: z.boolean().default(false),
});

export const ruleUpdateSchema = z.object({ paused: z.boolean() });

/** The next moment at `runAt` (Beijing) after `now`. */
export function nextRunAfter(runAt: string, now: number): number {
  const minutes = Number(runAt.slice(0, 2)) * 60 + Number(runAt.slice(3, 5));
  const dayStart = Math.floor((now + BEIJING) / DAY) * DAY - BEIJING;
  const today = dayStart + minutes * 60_000;
  return today > now ? today : today + DAY;
}

function dateFieldOf(table: TableDef, kind: "birthday" | "before_date", given?: string) {
  const field = given
    ? table.fields.find((f) => f.key === given || f.label === given)
    : kind === "birthday"
      ? (table.fields.find((f) => f.label === "出生日期") ?? table.fields.find((f) => f.type === "date"))
      : undefined;
  if (!field)
    throw invalid("请选择规则依据的日期字段 / Choose the date field the rule counts from", {
      field: "请选择日期字段 / Choose a date field",
    });
  if (field.type !== "date")
    throw invalid(`「${field.label}」不是日期字段 / "${field.label}" is not a date field`, {
      field: "请选择日期字段 / Choose a date field",
    });
  return field;
}

export interface RuleView {
  id: number;
  name: string;
  kind: "birthday" | "before_date";
  table: string;
  field: { key: string; label: string } | null;
  daysBefore: number;
  runAt: string;
  channels: Channel[];
  content: CampaignContent;
  paused: boolean;
  nextRunAt: number | null;
  lastRunAt: number | null;
  createdBy: string;
}

function ruleRows(services: Services, caller: Caller) {
  return services.db
    .selectFrom("notice_rules as r")
    .innerJoin("users as u", "u.id", "r.created_by")
    .selectAll("r")
    .select("u.display_name as creator")
    .where("r.org_path", "like", `${caller.actor.orgPath}%`);
}

async function present(services: Services, row: RuleRow & { creator: string }): Promise<RuleView> {
  const table = await loadTable(services.db, Number(row.table_id));
  const field = table.fields.find((f) => f.key === row.field);
  return {
    id: Number(row.id),
    name: row.name,
    kind: row.kind,
    table: table.key,
    field: field ? { key: field.key, label: field.label } : null,
    daysBefore: Number(row.days_before),
    runAt: row.run_at,
    channels: row.channels.split(",") as Channel[],
    content: JSON.parse(row.content) as CampaignContent,
    paused: Number(row.paused) === 1,
    nextRunAt: Number(row.paused) === 1 || row.next_run_at === null ? null : Number(row.next_run_at),
    lastRunAt: row.last_run_at === null ? null : Number(row.last_run_at),
    createdBy: row.creator,
  };
}

export async function listRules(services: Services, caller: Caller): Promise<RuleView[]> {
  await authorize(services, caller, "notice.send");
  const rows = await ruleRows(services, caller).orderBy("r.id", "desc").execute();
  return Promise.all(rows.map((r) => present(services, r)));
}

async function reachRule(services: Services, caller: Caller, id: number) {
  const row = await ruleRows(services, caller).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("没有这条规则 / No such rule");
  return row;
}

export async function getRule(services: Services, caller: Caller, id: number): Promise<RuleView> {
  await authorize(services, caller, "notice.send");
  return present(services, await reachRule(services, caller, id));
}

export async function createRule(services: Services, caller: Caller, input: unknown): Promise<RuleView> {
  await authorize(services, caller, "notice.send");
  const request = parseInput(ruleInputSchema, input);
  const table = await loadTable(services.db, request.table);
  const field = dateFieldOf(table, request.kind, request.field);
  const addressFields = addressFieldsFor(table, request.channels, request.addressFields);
  checkContent(table, request.content, request.channels);
  const now = Date.now();
  const id = await services.db.transaction().execute(async (trx) => {
    const { insertId } = await trx
      .insertInto("notice_rules")
      .values({
        table_id: table.id,
        name: request.name,
        kind: request.kind,
        field: field.key,
        days_before: request.kind === "birthday" ? 0 : request.daysBefore,
        run_at: request.runAt,
        channels: request.channels.join(","),
        content: JSON.stringify({ ...request.content, addressFields }),
        audience: request.audience ? JSON.stringify(request.audience) : null,
        paused: request.paused ? 1 : 0,
        org_id: caller.actor.orgId,
        org_path: caller.actor.orgPath,
        created_by: caller.actor.id,
        created_at: now,
        updated_at: now,
        next_run_at: nextRunAfter(request.runAt, now),
      })
      .executeTakeFirstOrThrow();
    const id = Number(insertId);
    await recordAudit(trx, services.dialect, {
      event: "notice.rule_created",
      data: { rule: id, name: request.name, kind: request.kind },
      caller,
      target: { type: "notice_rule", id },
    });
    return id;
  });
  return getRule(services, caller, id);
}

/** Pauses or resumes a rule. */
export async function updateRule(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<RuleView> {
  await authorize(services, caller, "notice.send");
  const { paused } = parseInput(ruleUpdateSchema, input);
  const row = await reachRule(services, caller, id);
  const now = Date.now();
  await services.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("notice_rules")
      .set({ paused: paused ? 1 : 0, updated_at: now, next_run_at: nextRunAfter(row.run_at, now) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.rule_updated",
      data: { rule: id, name: row.name, changes: [paused ? "paused" : "resumed"] },
      caller,
      target: { type: "notice_rule", id },
    });
  });
  return getRule(services, caller, id);
}

export async function deleteRule(services: Services, caller: Caller, id: number): Promise<void> {
  await authorize(services, caller, "notice.send");
  const row = await reachRule(services, caller, id);
  await services.db.transaction().execute(async (trx) => {
    // Its past campaigns stay (with their reports); they just no longer point at a rule.
    await trx.updateTable("campaigns").set({ rule_id: null }).where("rule_id", "=", id).execute();
    await trx.deleteFrom("notice_rules").where("id", "=", id).execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.rule_deleted",
      data: { rule: id, name: row.name },
      caller,
      target: { type: "notice_rule", id },
    });
  });
}

/** Starts the day's campaign of every rule whose time came; returns how many started here. */
export async function runDueRules(services: Services, now = Date.now()): Promise<number> {
  const due = await services.db
    .selectFrom("notice_rules")
    .selectAll()
    .where("paused", "=", 0)
    .where("next_run_at", "<=", now)
    .execute();
  let started = 0;
  for (const rule of due) {
    const today = todayInChina(new Date(now));
    const next = nextRunAfter(rule.run_at, now);
    const ranFor = todayInChina(new Date(Number(rule.next_run_at)));
    // Due for a day already gone (the server was down): not sent late; wait for the next run.
    const missed = ranFor < today && nextRunAfter(rule.run_at, now - DAY) > now;
    await services.db
      .updateTable("notice_rules")
      .set({ next_run_at: next, ...(missed ? {} : { last_run_at: now }) })
      .where("id", "=", rule.id)
      .where("next_run_at", "=", rule.next_run_at)
      .execute();
    if (missed) continue;
    if (await startRun(services, rule, today)) started++;
  }
  if (started > 0) wakeNotices(services);
  return started;
}

async function startRun(services: Services, rule: RuleRow, today: string): Promise<boolean> {
  const actor = await loadActor(services.db, Number(rule.created_by));
  if (!actor) return false;
  const caller: Caller = { actor, ip: null, via: "system" };
  const table = await loadTable(services.db, Number(rule.table_id));
  const { addressFields, ...content } = JSON.parse(rule.content) as CampaignContent & {
    addressFields: Record<string, string>;
  };
  const date: DateMatch =
    rule.kind === "birthday"
      ? { field: rule.field!, kind: "anniversary", day: today }
      : {
          field: rule.field!,
          kind: "on",
          day: isoFromEpochDays(epochDays(today) + Number(rule.days_before)),
        };
  const audience = rule.audience ? JSON.parse(rule.audience) : { kind: "query", query: {} };
  try {
    await insertCampaign(
      services.db,
      services,
      caller,
      {
        table,
        title: `${rule.name} ${today}`,
        channels: rule.channels.split(",") as Channel[],
        content,
        audience: { ...audience, date } as CampaignRequest["audience"],
        addressFields,
        sendAt: Date.now(),
      },
      { id: Number(rule.id), runKey: today },
    );
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // another process started today's run
    throw error;
  }
}
