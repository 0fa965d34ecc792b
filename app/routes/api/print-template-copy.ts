// POST /api/v1/print-templates/copy — a copy of any template one sees (a built-in one too) as one's own.
import { z } from "zod";
import { endpoint } from "../../api/endpoint.server.ts";
import { parseInput } from "../../core/validate.ts";
import { copyTemplate } from "../../print/templates.server.ts";

const copySchema = z.object({ ref: z.string().trim().min(1).max(40) });

export const loader = endpoint("/print-templates/copy", {});
export const action = endpoint("/print-templates/copy", {
  POST: ({ services, caller, body }) => copyTemplate(services, caller, parseInput(copySchema, body).ref),
});
