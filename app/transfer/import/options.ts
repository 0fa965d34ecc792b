// What an import is asked to do; the wizard, the API and the CLI all give this shape.
import { z } from "zod";

export const IMPORT_MODES = ["add", "update", "upsert"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** A column's target as the wizard sends it: "field:<key>", "org", "systemId", "version", or null. */
const targetText = z
  .string()
  .regex(/^(field:[A-Za-z0-9_]+|org|systemId|version)$/, "列的去向无效 / Not a column target")
  .nullable();

export const importOptionsSchema = z.strictObject({
  table: z.string().min(1).max(60).default("people"),
  sheet: z.coerce.number().int().min(0).max(255).default(0),
  /** The header's row number; found automatically when absent. */
  headerRow: z.coerce.number().int().positive().max(1000).optional(),
  /** Overrides of the automatic mapping, by 0-based column. */
  columns: z
    .array(z.strictObject({ column: z.number().int().min(0).max(16_383), target: targetText }))
    .max(16_384)
    .optional(),
  mode: z.enum(IMPORT_MODES).default("add"),
  /** What update and add-or-update match records by: "systemId", "document" or a field key. */
  key: z.string().min(1).max(60).default("document"),
  /** All or nothing: one rejected row and nothing is written. Otherwise valid rows are committed. */
  atomic: z.coerce.boolean().default(false),
  /** Where rows without an org column go (a community or grid in the caller's scope). */
  orgId: z.coerce.number().int().positive().optional(),
});

export type ImportOptions = z.output<typeof importOptionsSchema>;
