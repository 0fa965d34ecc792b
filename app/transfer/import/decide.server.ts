// What happens to each row of a batch: rejected with its problems, inserted, updated (with exactly which
// cells change) or left unchanged. Reads the records the rows match in one query per batch; writes nothing.
import { decodeDocument, lookupDigest, recordCodec, type Values } from "../../people/records/codec.server.ts";
import { prepareValues } from "../../people/records/prepare.ts";
import {
  type RecordRow,
  recordsByLookup,
  recordsWhere,
  uniqueKeyOf,
} from "../../people/records/repository.server.ts";
import { fieldType } from "../../schema/field-types/registry.ts";
import type { FieldDef } from "../../schema/tables.server.ts";
import type { CellValue } from "../read/source.ts";
import { cellText } from "./columns.ts";
import { documentDigest, type ImportContext, keyText, parseOne } from "./context.server.ts";
import { isPlacement, type Placement } from "./orgs.server.ts";
import { type RowProblem, rowProblem } from "./problems.ts";
import type { RowInput } from "./row.ts";

export interface CellChange {
  field: string;
  old: string;
  new: string;
}

export interface RowOutcome {
  row: number;
  status: "accepted" | "rejected" | "blank";
  action?: "insert" | "update" | "unchanged";
  systemId?: string;
  /** Field label → the normalised value as users see it (masked unless the caller may reveal). */
  values: Record<string, string>;
  problems: RowProblem[];
  changes?: CellChange[];
  cells: readonly CellValue[];
}

export interface PlannedInsert {
  outcome: RowOutcome;
  placement: Placement;
  values: Values;
  uniqueKey: string | null;
}

export interface PlannedUpdate {
  outcome: RowOutcome;
  existing: RecordRow;
  values: Values;
  base: Values;
  changed: string[];
  uniqueKey: string | null;
}

export interface BatchPlan {
  outcomes: RowOutcome[];
  inserts: PlannedInsert[];
  updates: PlannedUpdate[];
}

// A row's document digest is wanted up to three times (matching, duplicates, the unique key): made once.
const digests = new WeakMap<RowInput, string | null>();
function digestOf(ctx: ImportContext, row: RowInput): string | null {
  if (row.digest !== undefined) return row.digest;
  let digest = digests.get(row);
  if (digest === undefined) {
    digest = documentDigest(ctx, row.input);
    digests.set(row, digest);
  }
  return digest;
}

// Normalised values are shown for the first rows (the wizard's preview) and, when asked, for every row;
// formatting every cell of a million rows nobody looks at would cost a tenth of the import.
const PREVIEW_ROWS = 50;
const wantValues = (ctx: ImportContext) => ctx.showAllValues || ctx.shownRows++ < PREVIEW_ROWS;

export async function decideBatch(ctx: ImportContext, rows: readonly RowInput[]): Promise<BatchPlan> {
  const plan: BatchPlan = { outcomes: [], inserts: [], updates: [] };
  const existing =
    ctx.options.mode === "add" && !ctx.documentField ? new Map() : await matchExisting(ctx, rows);
  for (const row of rows) {
    const outcome: RowOutcome = {
      row: row.number,
      status: "blank",
      values: {},
      problems: [],
      cells: row.cells,
    };
    plan.outcomes.push(outcome);
    if (row.blank) continue;
    decideRow(ctx, row, existing.get(row.number) ?? null, outcome, plan);
    outcome.status = outcome.problems.length > 0 ? "rejected" : "accepted";
    if (outcome.status === "rejected") {
      outcome.action = undefined;
      outcome.changes = undefined;
      outcome.values = partialValues(ctx, row.input);
    }
  }
  plan.inserts = plan.inserts.filter((p) => p.outcome.status === "accepted");
  plan.updates = plan.updates.filter((p) => p.outcome.status === "accepted");
  return plan;
}

function decideRow(
  ctx: ImportContext,
  row: RowInput,
  found: RecordRow | null,
  outcome: RowOutcome,
  plan: BatchPlan,
) {
  const { mode } = ctx.options;
  const problems = outcome.problems;
  noteDuplicate(ctx, row, found, problems);
  if (row.version === "invalid") problems.push(rowProblem(versionHeader(ctx), "version-invalid"));
  if (mode !== "add" && !keyPresent(ctx, row)) {
    problems.push(rowProblem(keyHeader(ctx), "key-missing"));
    return;
  }
  if (found) {
    if (mode === "add") problems.push(rowProblem(keyHeader(ctx), "already-registered"));
    else planUpdate(ctx, row, found, outcome, plan);
    return;
  }
  if (mode === "update") {
    problems.push(rowProblem(keyHeader(ctx), "not-found"));
    return;
  }
  planInsert(ctx, row, outcome, plan);
}

function planInsert(ctx: ImportContext, row: RowInput, outcome: RowOutcome, plan: BatchPlan) {
  const placement = placementOf(ctx, row, outcome.problems);
  const prepared = row.pre ?? prepareValues(ctx.table.fields, row.input, null, ctx.parse);
  if (!prepared.ok) {
    outcome.problems.push(...fieldProblems(ctx, prepared.errors, prepared.codes));
    return;
  }
  if (!placement) return;
  outcome.action = "insert";
  if (wantValues(ctx)) outcome.values = shown(ctx, prepared.values);
  // The document came from this row's own cell, so its digest is the record's unique key.
  const uniqueKey = ctx.documentField ? digestOf(ctx, row) : null;
  plan.inserts.push({ outcome, placement, values: prepared.values, uniqueKey });
}

function planUpdate(
  ctx: ImportContext,
  row: RowInput,
  found: RecordRow,
  outcome: RowOutcome,
  plan: BatchPlan,
) {
  const problems = outcome.problems;
  outcome.systemId = found.system_id;
  if (!found.org_path.startsWith(ctx.caller.actor.orgPath)) {
    problems.push(rowProblem(keyHeader(ctx), "out-of-scope"));
    return;
  }
  if (found.deleted_at !== null) {
    problems.push(rowProblem(keyHeader(ctx), "deleted", found.system_id));
    return;
  }
  const base = decodeDocument(
    recordCodec(ctx.services.cipher, ctx.table, found.system_id),
    ctx.table.allFields,
    JSON.parse(found.data) as Values,
  );
  const input = withoutMaskedCells(ctx, row.input, base);
  const prepared = prepareValues(ctx.table.fields, input, base, ctx.parse);
  if (!prepared.ok) {
    problems.push(...fieldProblems(ctx, prepared.errors, prepared.codes));
    return;
  }
  if (wantValues(ctx)) outcome.values = shown(ctx, prepared.values);
  if (prepared.changed.length === 0) {
    outcome.action = "unchanged";
    return;
  }
  if (typeof row.version === "number" && Number(found.version) > row.version) {
    problems.push(
      rowProblem(versionHeader(ctx), "conflict", `${found.system_id} v${row.version} → v${found.version}`),
    );
    return;
  }
  outcome.action = "update";
  outcome.changes = prepared.changed.map((key) => {
    const field = ctx.table.fields.find((f) => f.key === key)!;
    return {
      field: field.label,
      old: show(ctx, field, base[key]),
      new: show(ctx, field, prepared.values[key]),
    };
  });
  const uniqueKey = uniqueKeyOf(ctx.blindKey, ctx.table, prepared.values);
  plan.updates.push({
    outcome,
    existing: found,
    values: prepared.values,
    base,
    changed: prepared.changed,
    uniqueKey,
  });
}

/** A later row naming the same person (document number) or the same record as an earlier one. */
function noteDuplicate(ctx: ImportContext, row: RowInput, found: RecordRow | null, problems: RowProblem[]) {
  const keys = [digestOf(ctx, row), found && ctx.options.mode !== "add" ? `id:${found.id}` : null];
  for (const key of keys) {
    if (key === null) continue;
    const first = ctx.seen.get(key);
    if (first !== undefined) {
      problems.push(rowProblem(ctx.documentField?.label ?? "系统编号", "duplicate", `第 ${first} 行`));
      return;
    }
  }
  for (const key of keys) if (key !== null) ctx.seen.set(key, row.number);
}

function placementOf(ctx: ImportContext, row: RowInput, problems: RowProblem[]): Placement | null {
  if (row.orgText === null) {
    if (ctx.defaultPlacement) return ctx.defaultPlacement;
    problems.push(rowProblem(ctx.orgHeader, "org-missing"));
    return null;
  }
  const found = ctx.resolveOrg(row.orgText, ctx.orgHeader);
  if (isPlacement(found)) return found;
  problems.push(found);
  return null;
}

/** A sensitive cell still showing the export's mask (138****8000) means "unchanged", not a new value. */
function withoutMaskedCells(ctx: ImportContext, input: Values, base: Values): Values {
  const out: Values = { ...input };
  for (const field of ctx.table.fields) {
    if (!field.sensitive || !(field.key in out) || base[field.key] == null) continue;
    const masked = fieldType(field.type).format(base[field.key], field, {
      lang: "zh-CN",
      masked: true,
      dictionary: ctx.parse.dictionary,
    });
    if (cellText(out[field.key] as CellValue) === masked) delete out[field.key];
  }
  return out;
}

function show(ctx: ImportContext, field: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return "";
  return fieldType(field.type).format(value, field, {
    lang: "zh-CN",
    masked: field.sensitive && !ctx.canReveal,
    dictionary: ctx.parse.dictionary,
  });
}

function shown(ctx: ImportContext, values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ctx.table.fields)
    if (values[field.key] != null) out[field.label] = show(ctx, field, values[field.key]);
  return out;
}

/** What a rejected row's own cells parse to, field by field, so the report still shows them cleaned. */
function partialValues(ctx: ImportContext, input: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ctx.table.fields) {
    const value = parseOne(ctx, field, input);
    if (value !== null) out[field.label] = show(ctx, field, value);
  }
  return out;
}

function fieldProblems(
  ctx: ImportContext,
  errors: Record<string, string>,
  codes: Record<string, string>,
): RowProblem[] {
  return Object.entries(errors).map(([key, message]) => ({
    field: ctx.table.fields.find((f) => f.key === key)?.label ?? key,
    code: codes[key] ?? "invalid",
    message,
  }));
}

function keyPresent(ctx: ImportContext, row: RowInput): boolean {
  if (ctx.options.key === "systemId") return row.systemId !== null;
  return ctx.keyField !== null && parseOne(ctx, ctx.keyField, row.input) !== null;
}

function keyHeader(ctx: ImportContext): string {
  if (ctx.options.key === "systemId") return "系统编号";
  return ctx.keyField?.label ?? ctx.documentField?.label ?? "系统编号";
}

const versionHeader = (ctx: ImportContext) =>
  ctx.mapping.find((m) => m.target?.kind === "version")?.header ?? "数据版本";

/** The existing record each row matches under the chosen key (add mode: by document, to refuse repeats). */
async function matchExisting(ctx: ImportContext, rows: readonly RowInput[]): Promise<Map<number, RecordRow>> {
  const { reader: db, table } = ctx;
  const out = new Map<number, RecordRow>();
  const byKey = new Map<string, number[]>();
  const want = (key: string | null, row: number) => {
    if (key === null) return;
    const rowsOfKey = byKey.get(key);
    if (rowsOfKey) rowsOfKey.push(row);
    else byKey.set(key, [row]);
  };
  const keys = () => [...byKey.keys()];
  const live = rows.filter((r) => !r.blank);
  const key = ctx.options.mode === "add" ? "document" : ctx.options.key;
  if (key === "systemId") {
    for (const r of live) want(r.systemId, r.number);
    const found = await recordsWhere(db, table.id, "system_id", keys());
    return assign(found, (r) => r.system_id, byKey, out);
  }
  const field = key === "document" ? ctx.documentField : ctx.keyField;
  if (!field) return out;
  if (field === ctx.documentField) {
    for (const r of live) want(digestOf(ctx, r), r.number);
    const found = await recordsWhere(db, table.id, "unique_key", keys());
    return assign(found, (r) => r.unique_key ?? "", byKey, out);
  }
  if (field.sensitive) {
    for (const r of live) {
      const value = parseOne(ctx, field, r.input);
      want(value === null ? null : lookupDigest(ctx.blindKey, table, field, value), r.number);
    }
    const digestOf = await recordsByLookup(db, field.id, keys());
    const found = await recordsWhere(db, table.id, "id", [...digestOf.keys()]);
    return assign(found, (r) => digestOf.get(r.id) ?? "", byKey, out);
  }
  const idOf = ctx.plainKeys!;
  for (const r of live) {
    const value = parseOne(ctx, field, r.input);
    want(value === null ? null : String(idOf.get(keyText(value)) ?? ""), r.number);
  }
  byKey.delete("");
  const found = await recordsWhere(db, table.id, "id", keys().map(Number));
  return assign(found, (r) => String(r.id), byKey, out);
}

function assign(
  found: RecordRow[],
  keyOf: (r: RecordRow) => string,
  byKey: Map<string, number[]>,
  out: Map<number, RecordRow>,
) {
  for (const record of found) for (const row of byKey.get(keyOf(record)) ?? []) out.set(row, record);
  return out;
}
