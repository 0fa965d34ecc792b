import { Command } from "commander";
import { recordAudit } from "../app/audit/log.server.ts";
import { normaliseMobile } from "../app/auth/mobile.ts";
import { assertPasswordPolicy, hashPassword } from "../app/auth/password.server.ts";
import { isRole, ROLES, SCOPE_KINDS } from "../app/auth/permissions.ts";
import { insertUser } from "../app/auth/users.server.ts";
import { createServices } from "../app/core/boot.server.ts";
import { loadConfig } from "../app/core/config.server.ts";
import { conflict, invalid } from "../app/core/errors.ts";
import { maskMobile } from "../app/people/crypto/mask.ts";

interface AddOptions {
  username: string;
  name: string;
  role: string;
  org: string;
  password: string;
  mobile?: string;
}

export function addUserCommand(): Command {
  return new Command("add")
    .description("create an account (the first street admin of an empty install creates the street too)")
    .requiredOption("-u, --username <username>", "login name")
    .requiredOption("-n, --name <name>", "display name, e.g. 王建国")
    .requiredOption("-r, --role <role>", `one of: ${ROLES.join(", ")}`)
    .requiredOption("-o, --org <org>", "org name (e.g. 金融街街道, 丰盛社区, or 丰盛社区/第一网格)")
    .requiredOption("-p, --password <password>", "initial password (must meet the password policy)")
    .option("-m, --mobile <mobile>", "mobile number")
    .action(async (opts: AddOptions) => {
      if (!isRole(opts.role)) throw invalid(`未知角色 / Unknown role: ${opts.role}`);
      const role = opts.role;
      const username = opts.username.trim().toLowerCase();
      assertPasswordPolicy(opts.password, username);
      const mobile = opts.mobile ? normaliseMobile(opts.mobile) : null;
      if (opts.mobile && !mobile) throw invalid("手机号码无效 / Not a valid mobile number");
      const services = await createServices({ ...loadConfig(), demo: false, logLevel: "warn" });
      try {
        const { db, dialect } = services;
        if (await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst()) {
          throw conflict(`用户名已存在 / Username taken: ${username}`);
        }
        const org = await findOrCreateOrg(services, opts.org, role === "street_admin");
        if (!(SCOPE_KINDS[role] as readonly string[]).includes(org.kind)) {
          throw invalid(
            `角色 ${role} 不能设在「${opts.org}」这一级 / Role ${role} cannot be placed at ${org.kind} level`,
          );
        }
        const userId = await insertUser(db, services, {
          username,
          displayName: opts.name,
          mobile,
          passwordHash: await hashPassword(opts.password),
          role,
          orgId: org.id,
        });
        await recordAudit(db, dialect, {
          event: "account.created",
          data: {
            after: {
              username,
              displayName: opts.name,
              mobile: mobile === null ? null : maskMobile(mobile),
              role,
              orgId: org.id,
              status: "active",
            },
          },
          actorName: "cli",
          target: { type: "account", id: userId },
          orgPath: org.path,
        });
        console.log(`Created ${role} ${username} at ${opts.org}.`);
      } finally {
        await services.database.close();
      }
    });
}

/** Resolve "社区" or "社区/网格" by name; an empty install may create its street. */
async function findOrCreateOrg(
  services: Awaited<ReturnType<typeof createServices>>,
  spec: string,
  mayCreateStreet: boolean,
): Promise<{ id: number; path: string; kind: string }> {
  const { db } = services;
  const names = spec
    .split("/")
    .map((s) => s.trim())
    .filter(Boolean);
  let parent: { id: number; path: string; kind: string } | undefined;
  for (const name of names) {
    let q = db.selectFrom("orgs").select(["id", "path", "kind"]).where("name", "=", name);
    if (parent) q = q.where("parent_id", "=", parent.id);
    const found = await q.execute();
    if (found.length > 1)
      throw invalid(`「${name}」不唯一，请写出上级，如 社区/网格 / "${name}" is ambiguous`);
    parent = found[0] ? { ...found[0], id: Number(found[0].id) } : undefined;
    if (!parent) break;
  }
  if (parent) return parent;
  const anyOrg = await db.selectFrom("orgs").select("id").limit(1).executeTakeFirst();
  if (!mayCreateStreet || anyOrg || names.length !== 1) throw invalid(`找不到组织 / No such org: ${spec}`);
  const now = Date.now();
  const result = await db
    .insertInto("orgs")
    .values({
      parent_id: null,
      kind: "street",
      name: names[0]!,
      path: "",
      sort: 1,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirstOrThrow();
  const id = Number(result.insertId);
  const path = `/${id}/`;
  await db.updateTable("orgs").set({ path }).where("id", "=", id).execute();
  return { id, path, kind: "street" };
}
