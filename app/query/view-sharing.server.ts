// Who a saved view is shared with (views.server.ts has the rules in its header): a view kept private,
// shared with a role from the owner's community, or shared with an org on one line with the owner's scope.
import type { ViewShare } from "../audit/events.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import type { ShareKind } from "./view.ts";

/** Two org paths on one line: one is the other, or above it. */
export const onOneLine = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

export interface Sharing {
  share: ShareKind;
  role: string | null;
  orgId: number | null;
  /** The anchor readers are measured from (null for a private view). */
  path: string | null;
  snapshot: ViewShare;
}

export async function resolveSharing(
  services: Services,
  caller: Caller,
  ownerOrgPath: string,
  asked: { share: ShareKind; role?: string | undefined; orgId?: number | undefined },
): Promise<Sharing> {
  if (asked.share === "private")
    return { share: "private", role: null, orgId: null, path: null, snapshot: { share: "private" } };
  await authorize(services, caller, "view.share");
  if (asked.share === "role") {
    if (!asked.role)
      throw invalid("请选择共享给哪个角色 / Choose the role to share with", {
        role: "请选择角色 / Choose a role",
      });
    return {
      share: "role",
      role: asked.role,
      orgId: null,
      path: await communityPath(services, ownerOrgPath),
      snapshot: { share: "role", role: asked.role },
    };
  }
  if (!asked.orgId)
    throw invalid("请选择共享给哪个组织 / Choose the org to share with", {
      orgId: "请选择组织 / Choose an org",
    });
  const org = await services.db
    .selectFrom("orgs")
    .select(["id", "name", "path"])
    .where("id", "=", asked.orgId)
    .executeTakeFirst();
  if (!org) throw invalid("没有这个组织 / No such org", { orgId: "没有这个组织 / No such org" });
  // Share with an org on one line with your own scope: yours, one below it or one above it.
  if (!onOneLine(caller.actor.orgPath, org.path))
    await authorize(services, caller, "view.share", { orgPath: org.path, type: "org", id: Number(org.id) });
  return {
    share: "org",
    role: null,
    orgId: Number(org.id),
    path: org.path,
    snapshot: { share: "org", org: org.name },
  };
}

/** The path of the community a scope lies in (the street for a street's scope; the scope itself failing both). */
async function communityPath(services: Services, orgPath: string): Promise<string> {
  const ids = orgPath.split("/").filter(Boolean).map(Number);
  const rows = await services.db
    .selectFrom("orgs")
    .select(["kind", "path"])
    .where("id", "in", ids.length > 0 ? ids : [0])
    .where("kind", "in", ["street", "community"])
    .execute();
  return rows.map((r) => r.path).sort((a, b) => b.length - a.length)[0] ?? orgPath;
}
