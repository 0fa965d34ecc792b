// The account an operator command acts as (`--as admin`): the same Caller a session or API token
// builds, so every permission, scope and log entry is that account's. A command can never act as an
// account that is unknown or disabled.
import { accountExists, loadActorByUsername } from "../app/auth/actor.server.ts";
import { forbidden, notFound } from "../app/core/errors.ts";
import type { Caller, Services } from "../app/core/services.server.ts";

export async function callerFor(services: Services, username: string): Promise<Caller> {
  const name = username.trim().toLowerCase();
  const actor = await loadActorByUsername(services.db, name);
  if (actor) return { actor, ip: null, via: "cli" };
  if (!(await accountExists(services.db, name)))
    throw notFound(`没有账号 ${name} / No account named ${name}`);
  throw forbidden(`账号 ${name} 已停用，不能用它执行命令 / Account ${name} is disabled and cannot act`);
}
