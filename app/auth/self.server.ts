// What a signed-in account does to itself: change its own password (staff console and resident area alike).
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { invalid, tooManyRequests } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";
import { clearFailures, LOCK_MS, lockedFor, registerFailure, USER_LIMIT } from "./throttle.server.ts";

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "必填 / Required" })
    .min(1, "请输入当前密码 / Enter your current password"),
  newPassword: z.string({ error: "必填 / Required" }).min(1, "请输入新密码 / Enter a new password"),
  confirmPassword: z
    .string({ error: "必填 / Required" })
    .min(1, "请再次输入新密码 / Repeat the new password"),
});

// Wrong current passwords are throttled like logins, so a left-open session cannot be used to guess it.
const throttleKey = (userId: number) => `pwchange:${userId}`;

function tooManyWrong(ms: number) {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return tooManyRequests(
    `当前密码错误次数过多，请 ${minutes} 分钟后再试 / Too many wrong attempts; try again in ${minutes} min`,
  );
}

/**
 * Change the caller's own password: the current one must be right and the new one must pass the policy.
 * Every other session of the account ends; the one making the change (if any) stays signed in.
 */
export async function changeOwnPassword(
  services: Services,
  caller: Caller,
  input: unknown,
  currentSessionId: string | null,
): Promise<{ otherSessionsEnded: number }> {
  const data = parseInput(changePasswordSchema, input);
  const { db } = services;
  const userId = caller.actor.id;
  const locked = await lockedFor(db, throttleKey(userId));
  if (locked) throw tooManyWrong(locked);
  const user = await db
    .selectFrom("users")
    .select(["password_hash"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, data.currentPassword))) {
    const failure = await registerFailure(db, throttleKey(userId), USER_LIMIT);
    if (failure.locked) throw tooManyWrong(LOCK_MS);
    throw invalid("当前密码不正确 / The current password is wrong", {
      currentPassword: "当前密码不正确 / Wrong password",
    });
  }
  const problem =
    data.newPassword === data.currentPassword
      ? "新密码不能与当前密码相同 / The new password must differ from the current one"
      : passwordProblem(data.newPassword, caller.actor.username);
  if (problem) throw invalid(problem, { newPassword: problem });
  if (data.newPassword !== data.confirmPassword) {
    throw invalid("两次输入的新密码不一致 / The two new passwords differ", {
      confirmPassword: "与新密码不一致 / Does not match",
    });
  }
  await clearFailures(db, throttleKey(userId));
  const hash = await hashPassword(data.newPassword);
  return db.transaction().execute(async (trx) => {
    const now = Date.now();
    await trx
      .updateTable("users")
      .set({ password_hash: hash, password_changed_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
    let others = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (currentSessionId) others = others.where("id", "!=", currentSessionId);
    const ended = await others.executeTakeFirst();
    await recordAudit(trx, services.dialect, { event: "auth.password_changed", data: {}, caller });
    return { otherSessionsEnded: Number(ended.numDeletedRows) };
  });
}
