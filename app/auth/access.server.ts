// The single gate every domain function passes: role → action from the matrix, then row scope.
// A refusal is written to the system log before it is thrown.
import { recordAudit } from "../audit/log.server.ts";
import { forbidden } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { type Action, can, withinScope } from "./permissions.ts";

export interface ScopedTarget {
  /** Materialised org path of the row being reached. */
  orgPath: string;
  type: string;
  id: string | number;
}

export async function authorize(
  services: Services,
  caller: Caller,
  action: Action,
  target?: ScopedTarget,
): Promise<void> {
  const allowed =
    can(caller.actor.role, action) && (!target || withinScope(caller.actor.orgPath, target.orgPath));
  if (allowed) return;
  await recordAudit(services.db, services.dialect, {
    event: "access.denied",
    data: { action, ...(target ? { target: `${target.type}:${target.id}` } : {}) },
    caller,
    target: target ? { type: target.type, id: target.id } : null,
    orgPath: target?.orgPath ?? caller.actor.orgPath,
  });
  throw forbidden(
    target
      ? "无权访问该数据：超出您的管理范围 / Outside your scope: you may not reach this"
      : "您的角色无权执行此操作 / Your role may not do this",
  );
}

/** Record a refusal decided elsewhere (e.g. a console page a resident tried to open). */
export async function denyAndLog(
  services: Services,
  caller: Caller,
  action: Action,
  path: string,
): Promise<never> {
  await recordAudit(services.db, services.dialect, {
    event: "access.denied",
    data: { action, path },
    caller,
  });
  throw forbidden();
}
