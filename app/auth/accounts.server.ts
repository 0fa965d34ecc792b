// Staff and resident accounts: list, create, edit (role, scope, status), reset password.
// Managers reach only accounts inside their own subtree and grant only the roles below theirs.
import crypto from "node:crypto";
import { z } from "zod";
import type { AccountSnapshot } from "../audit/events.ts";
import { recordAudit } from "../audit/log.server.ts";
import { conflict, forbidden, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { listOrgs, type OrgNode } from "../org/tree.server.ts";
import type { FieldCipher } from "../people/crypto/field-cipher.server.ts";
import { maskMobile } from "../people/crypto/mask.ts";
import { authorize } from "./access.server.ts";
import { mobileColumns, mobileDigest, openMobile } from "./account-mobile.server.ts";
import { normaliseMobile } from "./mobile.ts";
import { assertPasswordPolicy, hashPassword } from "./password.server.ts";
import { grantableRoles, ROLES, type Role, SCOPE_KINDS } from "./permissions.ts";
import { deleteUserSessions } from "./sessions.server.ts";
import { insertUser } from "./users.server.ts";

export interface Account {
  id: number;
  username: string;
  displayName: string;
  mobile: string | null;
  role: Role;
  orgId: number;
  orgName: string;
  orgPath: string;
  status: "active" | "disabled";
  lastLoginAt: number | null;
  createdAt: number;
}

const mobileField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const m = normaliseMobile(v);
    if (!m) ctx.addIssue({ code: "custom", message: "手机号码无效 / Not a valid mobile number" });
    return m;
  });

export const createAccountSchema = z.object({
  username: z
    .string({ error: "必填 / Required" })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z][a-z0-9_.-]{2,31}$/,
      "用户名为 3–32 位字母、数字、下划线，以字母开头 / 3–32 letters, digits, _ . -; start with a letter",
    ),
  displayName: z
    .string({ error: "必填 / Required" })
    .trim()
    .min(1, "姓名不能为空 / Name is required")
    .max(50),
  mobile: mobileField.optional(),
  role: z.enum(ROLES, { error: "角色无效 / Unknown role" }),
  orgId: z.coerce
    .number({ error: "请选择所属组织 / Choose an organisation" })
    .int()
    .positive("请选择所属组织 / Choose an organisation"),
  password: z.string({ error: "必填 / Required" }),
});

export const updateAccountSchema = z.object({
  displayName: z.string().trim().min(1, "姓名不能为空 / Name is required").max(50).optional(),
  mobile: mobileField.optional(),
  role: z.enum(ROLES, { error: "角色无效 / Unknown role" }).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(["active", "disabled"], { error: "状态无效 / Unknown status" }).optional(),
});

export const listAccountsSchema = z.object({
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["active", "disabled"]).optional(),
});

function accountQuery(services: Services) {
  return services.db
    .selectFrom("users")
    .innerJoin("orgs", "orgs.id", "users.org_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.mobile_sealed",
      "users.role",
      "users.org_id",
      "users.status",
      "users.last_login_at",
      "users.created_at",
      "orgs.name as org_name",
      "orgs.path as org_path",
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountQuery>["executeTakeFirstOrThrow"]>>;

const toAccount =
  (cipher: FieldCipher) =>
  (r: AccountRow): Account => ({
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    mobile: openMobile(cipher, r.username, r.mobile_sealed),
    role: r.role as Role,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    orgPath: r.org_path,
    status: r.status,
    lastLoginAt: r.last_login_at === null ? null : Number(r.last_login_at),
    createdAt: Number(r.created_at),
  });

const snapshot = (a: Account): AccountSnapshot => ({
  username: a.username,
  displayName: a.displayName,
  // The log keeps a masked number: it names the change without holding the personal data.
  mobile: a.mobile === null ? null : maskMobile(a.mobile),
  role: a.role,
  orgId: a.orgId,
  status: a.status,
});

export async function listAccounts(
  services: Services,
  caller: Caller,
  filters: unknown = {},
): Promise<Account[]> {
  await authorize(services, caller, "account.read");
  const f = parseInput(listAccountsSchema, filters);
  let q = accountQuery(services).where("orgs.path", "like", `${caller.actor.orgPath}%`);
  if (f.role) q = q.where("users.role", "=", f.role);
  if (f.status) q = q.where("users.status", "=", f.status);
  if (f.q) {
    const like = `%${f.q}%`;
    // A mobile number is found whole, through its blind index: the stored number is sealed.
    const mobile = normaliseMobile(f.q);
    q = q.where((eb) =>
      eb.or([
        eb("users.username", "like", like),
        eb("users.display_name", "like", like),
        ...(mobile ? [eb("users.mobile_digest", "=", mobileDigest(services, mobile))] : []),
      ]),
    );
  }
  const rows = await q.orderBy("orgs.path").orderBy("users.username").limit(1000).execute();
  return rows.map(toAccount(services.cipher));
}

/** What an account form may offer: the caller's org tree and the roles they may hand out. */
export async function accountFormOptions(
  services: Services,
  caller: Caller,
): Promise<{ orgs: OrgNode[]; roles: readonly Role[] }> {
  await authorize(services, caller, "account.write");
  return { orgs: await listOrgs(services, caller), roles: grantableRoles(caller.actor.role) };
}

async function findAccount(services: Services, id: number): Promise<Account> {
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("账号不存在 / No such account");
  const row = await accountQuery(services).where("users.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("账号不存在 / No such account");
  return toAccount(services.cipher)(row);
}

export async function getAccount(services: Services, caller: Caller, id: number): Promise<Account> {
  const account = await findAccount(services, id);
  await authorize(services, caller, "account.read", { orgPath: account.orgPath, type: "account", id });
  return account;
}

/** The org an account is to be anchored at: inside the caller's scope and of a kind the role allows. */
async function checkPlacement(services: Services, caller: Caller, role: Role, orgId: number) {
  const org = await services.db
    .selectFrom("orgs")
    .select(["id", "path", "kind"])
    .where("id", "=", orgId)
    .executeTakeFirst();
  if (!org) throw invalid("所属组织不存在 / No such organisation", { orgId: "不存在 / Not found" });
  await authorize(services, caller, "account.write", { orgPath: org.path, type: "org", id: orgId });
  if (!grantableRoles(caller.actor.role).includes(role)) {
    await authorize(services, caller, "account.write", { orgPath: "/", type: "role", id: role });
  }
  if (!(SCOPE_KINDS[role] as readonly string[]).includes(org.kind)) {
    throw invalid("该角色不能设在这一级组织 / This role cannot be placed at that level", {
      orgId: "组织层级与角色不匹配 / Level does not fit the role",
    });
  }
}

export async function createAccount(services: Services, caller: Caller, input: unknown): Promise<Account> {
  await authorize(services, caller, "account.write");
  const data = parseInput(createAccountSchema, input);
  await checkPlacement(services, caller, data.role, data.orgId);
  assertPasswordPolicy(data.password, data.username);
  await assertUnique(services, data.username, data.mobile ?? null);
  const passwordHash = await hashPassword(data.password);
  const created = await services.db.transaction().execute(async (trx) => {
    const newId = await insertUser(trx, services, {
      username: data.username,
      displayName: data.displayName,
      mobile: data.mobile ?? null,
      passwordHash,
      role: data.role,
      orgId: data.orgId,
    });
    const org = await trx
      .selectFrom("orgs")
      .select("path")
      .where("id", "=", data.orgId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, services.dialect, {
      event: "account.created",
      data: {
        after: {
          username: data.username,
          displayName: data.displayName,
          mobile: data.mobile ?? null,
          role: data.role,
          orgId: data.orgId,
          status: "active",
        },
      },
      caller,
      target: { type: "account", id: newId },
      orgPath: org.path,
    });
    return { newId, orgPath: org.path };
  });
  // A resident's account is their registration on the platform, counted where they live.
  if (data.role === "resident") services.usage.count("account.register", created.orgPath);
  return findAccount(services, created.newId);
}

export async function updateAccount(
  services: Services,
  caller: Caller,
  id: number,
  input: unknown,
): Promise<Account> {
  const before = await findAccount(services, id);
  await authorize(services, caller, "account.write", { orgPath: before.orgPath, type: "account", id });
  const data = parseInput(updateAccountSchema, input);
  const role = data.role ?? before.role;
  const orgId = data.orgId ?? before.orgId;
  if (
    id === caller.actor.id &&
    (role !== before.role || orgId !== before.orgId || data.status === "disabled")
  ) {
    throw forbidden(
      "不能修改自己的角色、范围或停用自己 / You cannot change your own role or scope, or disable yourself",
    );
  }
  if (role !== before.role || orgId !== before.orgId) await checkPlacement(services, caller, role, orgId);
  else if (!grantableRoles(caller.actor.role).includes(before.role)) {
    // A community admin may not edit (or disable) an account whose role sits above what it can grant.
    await authorize(services, caller, "account.write", { orgPath: "/", type: "role", id: before.role });
  }
  if (data.mobile !== undefined && data.mobile !== before.mobile)
    await assertUnique(services, null, data.mobile, id);

  await services.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({
        display_name: data.displayName ?? before.displayName,
        ...mobileColumns(services, before.username, data.mobile === undefined ? before.mobile : data.mobile),
        role,
        org_id: orgId,
        status: data.status ?? before.status,
        updated_at: Date.now(),
      })
      .where("id", "=", id)
      .execute();
    // Disabling, or changing what an account may do, ends its sessions at once.
    if (data.status === "disabled" || role !== before.role || orgId !== before.orgId) {
      await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
    }
  });
  const after = await findAccount(services, id);
  await recordAudit(services.db, services.dialect, {
    event: "account.updated",
    data: { before: snapshot(before), after: snapshot(after) },
    caller,
    target: { type: "account", id },
    orgPath: after.orgPath,
  });
  return after;
}

/** Sets a new password (or generates one, returned once) and ends the account's sessions. */
export async function resetPassword(
  services: Services,
  caller: Caller,
  id: number,
  newPassword?: string,
): Promise<{ password: string }> {
  const account = await findAccount(services, id);
  await authorize(services, caller, "account.write", { orgPath: account.orgPath, type: "account", id });
  if (!grantableRoles(caller.actor.role).includes(account.role)) {
    await authorize(services, caller, "account.write", { orgPath: "/", type: "role", id: account.role });
  }
  const password = newPassword || generatePassword();
  assertPasswordPolicy(password, account.username);
  const hash = await hashPassword(password);
  await services.db
    .updateTable("users")
    .set({ password_hash: hash, password_changed_at: Date.now(), updated_at: Date.now() })
    .where("id", "=", id)
    .execute();
  await deleteUserSessions(services.db, id);
  await recordAudit(services.db, services.dialect, {
    event: "account.password_reset",
    data: { username: account.username },
    caller,
    target: { type: "account", id },
    orgPath: account.orgPath,
  });
  return { password };
}

/** A readable one-time password that meets the policy, e.g. "Kq7m-Vw3x-Hn9p". */
export function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const group = () => Array.from({ length: 4 }, () => alphabet[crypto.randomInt(alphabet.length)]).join("");
  for (;;) {
    const candidate = `${group()}-${group()}-${group()}`;
    if (/[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}

async function assertUnique(
  services: Services,
  username: string | null,
  mobile: string | null,
  exceptId?: number,
) {
  if (username) {
    const u = await services.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst();
    if (u) throw conflict("用户名已被使用 / Username already taken", { username: "已存在 / Taken" });
  }
  if (mobile) {
    let q = services.db
      .selectFrom("users")
      .select("id")
      .where("mobile_digest", "=", mobileDigest(services, mobile));
    if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
    if (await q.executeTakeFirst()) {
      throw conflict("该手机号已绑定其他账号 / Mobile number already used by another account", {
        mobile: "已被使用 / Taken",
      });
    }
  }
}
