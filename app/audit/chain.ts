// The hash chain of the system log, independent of where rows come from: the database (verify) or an
// archive file (verify --archive). Pure, so both walk rows with exactly the same rules.
import crypto from "node:crypto";
import type { AuditRow } from "../../db/types.ts";

/** The prev_hash of the very first row. */
export const GENESIS = "0".repeat(64);

/** The hash of a row covers every column but the hash itself, in a fixed order. */
export function hashRow(row: Omit<AuditRow, "hash">): string {
  const canonical = JSON.stringify([
    Number(row.id),
    Number(row.at),
    row.event,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.ip,
    row.target_type,
    row.target_id,
    row.org_path,
    row.data,
    row.prev_hash,
  ]);
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

/**
 * Why a row breaks the chain: "gap" a row before it is missing (deleted), "chain" its link to the row
 * before does not hold (a row inserted or replaced), "hash" its content was changed.
 */
export type ChainBreak = "gap" | "chain" | "hash";

/** Where a walk stands: the id and hash the next row must follow. */
export interface ChainCursor {
  nextId: number;
  prevHash: string;
  rows: number;
}

export const startCursor = (afterId = 0, afterHash = GENESIS): ChainCursor => ({
  nextId: afterId + 1,
  prevHash: afterHash,
  rows: 0,
});

/** Check one row against the cursor and advance it; the reason when the row breaks the chain. */
export function checkRow(cursor: ChainCursor, row: AuditRow): ChainBreak | null {
  const id = Number(row.id);
  if (id !== cursor.nextId) return "gap";
  if (row.prev_hash !== cursor.prevHash) return "chain";
  const { hash, ...rest } = row;
  if (hashRow(rest) !== hash) return "hash";
  cursor.prevHash = hash;
  cursor.nextId = id + 1;
  cursor.rows++;
  return null;
}
