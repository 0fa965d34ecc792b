// Print templates: the built-in ones (print-templates/, read-only, copied to change) and those an office
// designs or imports. An office sees its own, those of the offices above it (a street's letterhead) and
// of those below; it changes only templates of its own node or below. Every save is checked against the
// table's fields, so a template naming a removed field is refused with the field's name.
import { listBuiltinPrintTemplates } from "../../print-templates/index.server.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { can } from "../auth/permissions.ts";
import { forbidden, invalid, notFound } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { contentDisposition } from "../files/names.ts";
import { loadTable } from "../schema/tables.server.ts";
import { type CompiledTemplate, compileTemplate, printFieldNames } from "./prepare.server.ts";
import { type PrintTemplate, printTemplateSchema, type TemplateCategory } from "./template.ts";

export interface TemplateSummary {
  /** "builtin:badge" or the stored id as text. */
  ref: string;
  name: string;
  description: string;
  category: TemplateCategory;
  builtin: boolean;
  /** May the caller change or delete it. */
  editable: boolean;
  owner: string | null;
  updatedAt: number | null;
}

export interface TemplateDetail extends TemplateSummary {
  template: PrintTemplate;
}

const BUILTIN = "builtin:";
const NO_TEMPLATE = "没有这个打印模板 / No such print template";

const visibleTo = (caller: Caller, orgPath: string) =>
  orgPath.startsWith(caller.actor.orgPath) || caller.actor.orgPath.startsWith(orgPath);
const editableBy = (caller: Caller, orgPath: string) => orgPath.startsWith(caller.actor.orgPath);

function storedRows(services: Services) {
  return services.db
    .selectFrom("print_templates")
    .innerJoin("orgs", "orgs.id", "print_templates.org_id")
    .select([
      "print_templates.id",
      "print_templates.name",
      "print_templates.category",
      "print_templates.definition",
      "print_templates.org_path",
      "print_templates.updated_at",
      "orgs.name as org_name",
    ]);
}

export async function listTemplates(services: Services, caller: Caller): Promise<TemplateSummary[]> {
  await authorize(services, caller, "print.run");
  const builtins = (await listBuiltinPrintTemplates()).map(
    ({ key, template }): TemplateSummary => ({
      ref: `${BUILTIN}${key}`,
      name: template.name,
      description: template.description,
      category: template.category,
      builtin: true,
      editable: false,
      owner: null,
      updatedAt: null,
    }),
  );
  const rows = await storedRows(services).orderBy("print_templates.updated_at", "desc").execute();
  const design = canDesign(caller);
  const stored = rows
    .filter((r) => visibleTo(caller, r.org_path))
    .map((r): TemplateSummary => {
      const template = JSON.parse(r.definition) as PrintTemplate;
      return {
        ref: String(r.id),
        name: r.name,
        description: template.description ?? "",
        category: r.category as TemplateCategory,
        builtin: false,
        editable: design && editableBy(caller, r.org_path),
        owner: r.org_name,
        updatedAt: Number(r.updated_at),
      };
    });
  return [...stored, ...builtins];
}

/** Asked of the matrix directly: a listing is no attempt, so it writes no access.denied. */
const canDesign = (caller: Caller) => can(caller.actor.role, "print.design");

export async function getTemplate(services: Services, caller: Caller, ref: string): Promise<TemplateDetail> {
  await authorize(services, caller, "print.run");
  if (ref.startsWith(BUILTIN)) {
    const key = ref.slice(BUILTIN.length);
    const found = (await listBuiltinPrintTemplates()).find((b) => b.key === key);
    if (!found) throw notFound(NO_TEMPLATE);
    const t = found.template;
    return {
      ref,
      name: t.name,
      description: t.description,
      category: t.category,
      builtin: true,
      editable: false,
      owner: null,
      updatedAt: null,
      template: t,
    };
  }
  if (!/^\d{1,12}$/.test(ref)) throw notFound(NO_TEMPLATE);
  const row = await storedRows(services).where("print_templates.id", "=", Number(ref)).executeTakeFirst();
  if (!row || !visibleTo(caller, row.org_path)) throw notFound(NO_TEMPLATE);
  // Stored templates were checked when saved; parsing again fills defaults added since.
  const template = printTemplateSchema.parse(JSON.parse(row.definition));
  return {
    ref,
    name: row.name,
    description: template.description,
    category: template.category,
    builtin: false,
    editable: canDesign(caller) && editableBy(caller, row.org_path),
    owner: row.org_name,
    updatedAt: Number(row.updated_at),
    template,
  };
}

/**
 * A template as given, checked whole — shape, fields, pictures (throws `invalid`) — and compiled for
 * printing.
 */
export async function checkTemplate(services: Services, input: unknown): Promise<CompiledTemplate> {
  const template = parseInput(printTemplateSchema, input);
  const table = await loadTable(services.db, template.table).catch(() => {
    throw invalid(`没有「${template.table}」这张表 / No table "${template.table}"`, {
      table: "未知的表 / Unknown table",
    });
  });
  return compileTemplate(template, table);
}

export async function createTemplate(
  services: Services,
  caller: Caller,
  input: unknown,
  via: "designer" | "import" | "copy" = "designer",
): Promise<TemplateDetail> {
  await authorize(services, caller, "print.design");
  const { template, table } = await checkTemplate(services, input);
  const now = Date.now();
  const id = await services.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("print_templates")
      .values({
        table_id: table.id,
        name: template.name,
        category: template.category,
        definition: JSON.stringify(template),
        org_id: caller.actor.orgId,
        org_path: caller.actor.orgPath,
        created_by: caller.actor.id,
        updated_by: caller.actor.id,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    const id = Number(inserted.insertId);
    await recordAudit(trx, services.dialect, {
      event: "print.template_created",
      data: { template: id, name: template.name, via },
      caller,
      target: { type: "print_template", id: String(id) },
    });
    return id;
  });
  return getTemplate(services, caller, String(id));
}

async function ownTemplate(services: Services, caller: Caller, ref: string) {
  await authorize(services, caller, "print.design");
  const found = await getTemplate(services, caller, ref);
  if (found.builtin)
    throw forbidden("内置模板不能修改，请先复制一份 / A built-in template cannot be changed: copy it first");
  if (!found.editable)
    throw forbidden("这是上级单位的模板，不能修改 / This template belongs to an office above yours");
  return found;
}

export async function updateTemplate(
  services: Services,
  caller: Caller,
  ref: string,
  input: unknown,
): Promise<TemplateDetail> {
  await ownTemplate(services, caller, ref);
  const { template, table } = await checkTemplate(services, input);
  await services.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("print_templates")
      .set({
        table_id: table.id,
        name: template.name,
        category: template.category,
        definition: JSON.stringify(template),
        updated_by: caller.actor.id,
        updated_at: Date.now(),
      })
      .where("id", "=", Number(ref))
      .execute();
    await recordAudit(trx, services.dialect, {
      event: "print.template_updated",
      data: { template: Number(ref), name: template.name },
      caller,
      target: { type: "print_template", id: ref },
    });
  });
  return getTemplate(services, caller, ref);
}

export async function deleteTemplate(services: Services, caller: Caller, ref: string): Promise<void> {
  const found = await ownTemplate(services, caller, ref);
  await services.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("print_templates").where("id", "=", Number(ref)).execute();
    await recordAudit(trx, services.dialect, {
      event: "print.template_deleted",
      data: { template: Number(ref), name: found.name },
      caller,
      target: { type: "print_template", id: ref },
    });
  });
}

/** A copy of any template the caller sees (a built-in one included), as the caller's own. */
export async function copyTemplate(services: Services, caller: Caller, ref: string): Promise<TemplateDetail> {
  const source = await getTemplate(services, caller, ref);
  const name = `${source.template.name}（副本）`.slice(0, 100);
  return createTemplate(services, caller, { ...source.template, name }, "copy");
}

const MAX_FILE = 5 * 1024 * 1024;

/** A template file (.json, as exported) made one of the caller's own. */
export async function importTemplate(
  services: Services,
  caller: Caller,
  text: string,
): Promise<TemplateDetail> {
  await authorize(services, caller, "print.design");
  if (text.length > MAX_FILE) throw invalid("模板文件不能超过 5 MB / A template file takes at most 5 MB");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw invalid(
      "这不是打印模板文件（应为导出的 .json 文件） / Not a print template file (an exported .json)",
    );
  }
  if (!parsed || typeof parsed !== "object" || !("elements" in parsed) || !("paper" in parsed))
    throw invalid(
      "这不是打印模板文件（应为导出的 .json 文件） / Not a print template file (an exported .json)",
    );
  return createTemplate(services, caller, parsed, "import");
}

/** The template as a file other offices can import. */
export async function exportTemplate(
  services: Services,
  caller: Caller,
  ref: string,
): Promise<{ name: string; body: string }> {
  const found = await getTemplate(services, caller, ref);
  await recordAudit(services.db, services.dialect, {
    event: "print.template_exported",
    data: { template: ref, name: found.name },
    caller,
    target: { type: "print_template", id: ref },
  });
  return { name: `${found.name}.json`, body: `${JSON.stringify(found.template, null, 2)}\n` };
}

/** The names a template on the table may use, for the designer's field picker. */
export async function templateFields(
  services: Services,
  caller: Caller,
  tableKey: string,
  defaults: Record<string, string> = {},
) {
  await authorize(services, caller, "print.run");
  const table = await loadTable(services.db, tableKey);
  return {
    names: printFieldNames(table, { defaults }),
    photoFields: table.fields.filter((f) => f.type === "photo").map((f) => ({ key: f.key, label: f.label })),
  };
}

/** The template file as a download. */
export async function templateFileResponse(
  services: Services,
  caller: Caller,
  ref: string,
): Promise<Response> {
  const file = await exportTemplate(services, caller, ref);
  return new Response(file.body, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", file.name),
      "Cache-Control": "private, no-store",
    },
  });
}
