// What the compose page offers: the built-in templates (emails/templates/, which an office copies and
// changes) and the merge fields a table's records fill in.
import { z } from "zod";
import { listBuiltinTemplates } from "../../emails/templates/index.server.ts";
import { authorize } from "../auth/access.server.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { loadTable } from "../schema/tables.server.ts";
import { mergeFieldNames } from "./merge.ts";

const templatesQuerySchema = z.object({ table: z.string().trim().min(1).max(80).default("people") });

export async function noticeTemplates(services: Services, caller: Caller, input: unknown = {}) {
  await authorize(services, caller, "notice.send");
  const { table: key } = parseInput(templatesQuerySchema, input);
  const table = await loadTable(services.db, key);
  return { fields: mergeFieldNames(table), templates: await listBuiltinTemplates() };
}
