// In-site messages 站内信: every account has an inbox. Domains post notices to accounts (in the same
// transaction as the change they report, when there is one); the owner lists them, sees how many are
// unread and marks them read. Nobody reads another account's inbox.
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface Notice {
  /** A short kind for icons and filters: "selfservice.approved", "backup.failed" … */
  kind: string;
  title: string;
  body: string;
  /** A path inside the app ("/sns/profile"), never an outside address. */
  link?: string;
}

export interface InboxMessage {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: number;
  read: boolean;
}

const LINK = /^\/(?!\/)[^\s]*$/;

/** Posts the notice to each account (one row each). */
export async function sendNotice(db: Executor, userIds: readonly number[], notice: Notice): Promise<void> {
  if (notice.link !== undefined && !LINK.test(notice.link))
    throw new Error(`a notice links inside the app only, not to ${notice.link}`);
  const now = Date.now();
  const rows = [...new Set(userIds)].map((user_id) => ({
    user_id,
    kind: notice.kind,
    title: notice.title.slice(0, 200),
    body: notice.body,
    link: notice.link ?? null,
    created_at: now,
    read_at: null,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto("inbox_messages")
      .values(rows.slice(i, i + 200))
      .execute();
}

export const inboxListSchema = z.object({
  unread: z.coerce.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

/** The caller's messages, newest first, and how many are unread. */
export async function listInbox(
  services: Services,
  caller: Caller,
  input: unknown = {},
): Promise<{ unread: number; items: InboxMessage[] }> {
  const { unread, limit, before } = parseInput(inboxListSchema, input);
  let query = services.db
    .selectFrom("inbox_messages")
    .selectAll()
    .where("user_id", "=", caller.actor.id)
    .orderBy("id", "desc")
    .limit(limit);
  if (unread) query = query.where("read_at", "is", null);
  if (before) query = query.where("id", "<", before);
  const rows = await query.execute();
  return {
    unread: await unreadCount(services, caller),
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: Number(r.created_at),
      read: r.read_at !== null,
    })),
  };
}

export async function unreadCount(services: Services, caller: Caller): Promise<number> {
  const row = await services.db
    .selectFrom("inbox_messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", caller.actor.id)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the caller's messages read (another account's is "not found"). */
export async function markRead(services: Services, caller: Caller, id: number): Promise<void> {
  const result = await services.db
    .updateTable("inbox_messages")
    .set({ read_at: Date.now() })
    .where("id", "=", id)
    .where("user_id", "=", caller.actor.id)
    .where("read_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0)
    await recordAudit(services.db, services.dialect, {
      event: "inbox.read",
      data: { count: 1, message: id },
      caller,
    });
  if (Number(result.numUpdatedRows) === 0) {
    const mine = await services.db
      .selectFrom("inbox_messages")
      .select("id")
      .where("id", "=", id)
      .where("user_id", "=", caller.actor.id)
      .executeTakeFirst();
    if (!mine) throw notFound("没有这条消息 / No such message");
  }
}

/** Marks all of the caller's messages read; returns how many were unread. */
export async function markAllRead(services: Services, caller: Caller): Promise<number> {
  const result = await services.db
    .updateTable("inbox_messages")
    .set({ read_at: Date.now() })
    .where("user_id", "=", caller.actor.id)
    .where("read_at", "is", null)
    .executeTakeFirst();
  const count = Number(result.numUpdatedRows);
  if (count > 0)
    await recordAudit(services.db, services.dialect, { event: "inbox.read", data: { count }, caller });
  return count;
}
