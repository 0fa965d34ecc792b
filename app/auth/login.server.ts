// Password login (username or mobile), with throttling, lockout and a log row for every outcome.

import { recordAudit } from "../audit/log.server.ts";
import { AppError, invalid, tooManyRequests } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { mobileDigest } from "./account-mobile.server.ts";
import { loadActor } from "./actor.server.ts";
import { normaliseMobile } from "./mobile.ts";
import { dummyVerify, verifyPassword } from "./password.server.ts";
import { isRole, type Role } from "./permissions.ts";
import { createSession, deleteSession, deleteUserSessions } from "./sessions.server.ts";
import {
  clearFailures,
  IP_LIMIT,
  ipKey,
  lockedFor,
  registerFailure,
  USER_LIMIT,
  userKey,
} from "./throttle.server.ts";

export interface LoginInput {
  login: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  role: Role;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

const lockedMessage = (ms: number) =>
  `登录失败次数过多，已临时锁定，请 ${minutes(ms)} 分钟后再试 / Too many failed attempts: locked, try again in ${minutes(ms)} min`;

export async function login(services: Services, input: LoginInput): Promise<LoginResult> {
  const { db, dialect } = services;
  const name = input.login.trim().toLowerCase();
  if (!name || !input.password) {
    throw invalid("请输入用户名和密码 / Enter your username and password", {
      ...(name ? {} : { login: "必填 / Required" }),
      ...(input.password ? {} : { password: "必填 / Required" }),
    });
  }
  const ipLock = input.ip ? await lockedFor(db, ipKey(input.ip)) : 0;
  const userLock = await lockedFor(db, userKey(name));
  if (ipLock || userLock) {
    await recordAudit(db, dialect, {
      event: "auth.login_failed",
      data: { username: name, reason: "locked" },
      ip: input.ip,
      actorName: name,
    });
    services.usage.count("auth.login.failed", "");
    throw tooManyRequests(lockedMessage(Math.max(ipLock, userLock)));
  }

  const user = await db
    .selectFrom("users")
    .select(["id", "username", "password_hash", "status", "role"])
    .where((eb) => {
      const mobile = normaliseMobile(name);
      return mobile
        ? eb.or([eb("username", "=", name), eb("mobile_digest", "=", mobileDigest(services, mobile))])
        : eb("username", "=", name);
    })
    .executeTakeFirst();
  const passwordOk = user
    ? await verifyPassword(user.password_hash, input.password)
    : await dummyVerify(input.password);

  if (!user || !passwordOk || user.status !== "active" || !isRole(user.role)) {
    const reason = !user ? "unknown_user" : !passwordOk ? "bad_password" : "disabled";
    await failed(services, name, input.ip, reason);
    if (reason === "disabled") throw invalid("该账号已停用，请联系管理员 / This account is disabled");
    throw invalid("用户名或密码错误 / Wrong username or password");
  }

  await clearFailures(db, userKey(name));
  const actor = await loadActor(db, user.id);
  if (!actor) throw invalid("该账号已停用，请联系管理员 / This account is disabled");
  const session = await createSession(db, services.config, { id: user.id, role: user.role }, input);
  await db.updateTable("users").set({ last_login_at: Date.now() }).where("id", "=", user.id).execute();
  await recordAudit(db, dialect, {
    event: "auth.login",
    data: { method: "password" },
    caller: { actor, ip: input.ip, via: "session" },
  });
  services.usage.count(user.role === "resident" ? "auth.login.resident" : "auth.login.staff", actor.orgPath);
  return { ...session, role: user.role };
}

async function failed(
  services: Services,
  name: string,
  ip: string | null,
  reason: "unknown_user" | "bad_password" | "disabled",
): Promise<void> {
  const { db, dialect } = services;
  await recordAudit(db, dialect, {
    event: "auth.login_failed",
    data: { username: name, reason },
    ip,
    actorName: name,
  });
  // Nobody is signed in yet: the attempt belongs to no org.
  services.usage.count("auth.login.failed", "");
  const perUser = await registerFailure(db, userKey(name), USER_LIMIT);
  const perIp = ip ? await registerFailure(db, ipKey(ip), IP_LIMIT) : { locked: false };
  if (perUser.locked || perIp.locked) {
    await recordAudit(db, dialect, {
      event: "auth.locked",
      data: { username: name, minutes: 15 },
      ip,
      actorName: name,
    });
    throw tooManyRequests(lockedMessage(15 * 60_000));
  }
  if (reason !== "disabled") {
    const left = USER_LIMIT - perUser.failures;
    throw new AppError(
      "invalid",
      `用户名或密码错误，再失败 ${left} 次将临时锁定 / Wrong username or password; ${left} more failures lock the account`,
    );
  }
}

export async function logout(services: Services, caller: Caller, sessionId: string): Promise<void> {
  await deleteSession(services.db, sessionId);
  await recordAudit(services.db, services.dialect, { event: "auth.logout", data: {}, caller });
  services.usage.count("auth.logout", caller.actor.orgPath);
}

export async function logoutEverywhere(services: Services, caller: Caller): Promise<number> {
  const sessions = await deleteUserSessions(services.db, caller.actor.id);
  await recordAudit(services.db, services.dialect, {
    event: "auth.logout_everywhere",
    data: { sessions },
    caller,
  });
  services.usage.count("auth.logout", caller.actor.orgPath);
  return sessions;
}
