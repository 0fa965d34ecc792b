// One stored row's sealed values under the current key: each `{"$c": envelope}` opened with whatever key
// it was sealed under and sealed again under the current one, bound to the same record and field (or the
// same binding of a notice's address, an opt-out, a channel's secret). Pure:
// the sweep (sweep.server.ts) reads and writes the rows, this decides what they become.
import type { FieldAad, FieldCipher } from "../people/crypto/field-cipher.server.ts";
import { FieldCipherError } from "../people/crypto/field-cipher.server.ts";
import type { Source } from "./sweep.server.ts";

export interface Sealed {
  $c: string;
}

export const isSealed = (v: unknown): v is Sealed =>
  typeof v === "object" && v !== null && typeof (v as Sealed).$c === "string";

export interface Rekeying {
  /** Opens values under any configured key (a rotation) or only under the current one (verification). */
  cipher: FieldCipher;
  /** The key id every value must end up under. */
  current: string;
  /** true: only check, never produce a new envelope. */
  verify: boolean;
}

/** Something a value or digest could not be brought to: where (no value, ever) and why. */
export interface Problem {
  source: Source;
  /** A system ID, a version row, a change request, a username, a notice message, an opt-out or a setting. */
  where: string;
  field?: string;
  reason: string;
}

export interface Outcome<T> {
  /** The row's new content, or the same object when nothing changed. */
  value: T;
  /** The plain text of each sealed value, by field key (records: for recomputing blind indexes). */
  plain: Map<string, string>;
  /** Sealed values that opened. */
  opened: number;
  resealed: number;
  /** Messages for values that did not open or are left under an old key (verification). */
  failures: { field: string; reason: string }[];
}

function reason(error: unknown): string {
  if (error instanceof FieldCipherError) {
    if (error.reason === "unknown-key") return "sealed under a key id no configured key has";
    if (error.reason === "authentication-failed") return "does not open with the configured keys";
    return "not a valid sealed value";
  }
  throw error;
}

/** One envelope: the same one when it is under the current key, else a new one; or why it failed. */
export function rekeyEnvelope(
  r: Rekeying,
  envelope: string,
  aad: FieldAad,
): { envelope: string; plain: string; resealed: boolean } | { failure: string } {
  let plain: string;
  let keyId: string;
  try {
    keyId = r.cipher.keyIdOf(envelope);
    if (r.verify && keyId !== r.current) return { failure: `still under key id ${keyId}` };
    plain = r.cipher.decrypt(envelope, aad);
  } catch (error) {
    return { failure: reason(error) };
  }
  if (keyId === r.current) return { envelope, plain, resealed: false };
  return { envelope: r.cipher.encrypt(plain, aad), plain, resealed: true };
}

/** A record document (`records.data`): every top-level sealed value, bound to `<table>/<system ID>`. */
export function rekeyDocument(
  r: Rekeying,
  record: string,
  doc: Record<string, unknown>,
): Outcome<Record<string, unknown>> {
  const out: Outcome<Record<string, unknown>> = {
    value: doc,
    plain: new Map(),
    opened: 0,
    resealed: 0,
    failures: [],
  };
  let copy: Record<string, unknown> | null = null;
  for (const [field, stored] of Object.entries(doc)) {
    if (!isSealed(stored)) continue;
    const done = rekeyEnvelope(r, stored.$c, { record, field });
    if ("failure" in done) {
      out.failures.push({ field, reason: done.failure });
      continue;
    }
    out.plain.set(field, done.plain);
    out.opened++;
    if (!done.resealed) continue;
    copy ??= { ...doc };
    copy[field] = { $c: done.envelope };
    out.resealed++;
  }
  if (copy) out.value = copy;
  return out;
}

export interface Change {
  field: string;
  old: unknown;
  new: unknown;
}

/** A list of changes (`record_versions.changes`, `change_requests.changes`): old and new values. */
export function rekeyChanges(r: Rekeying, record: string, changes: Change[]): Outcome<Change[]> {
  const out: Outcome<Change[]> = { value: changes, plain: new Map(), opened: 0, resealed: 0, failures: [] };
  let changed = false;
  const value = changes.map((c) => {
    const next = { ...c };
    for (const side of ["old", "new"] as const) {
      const stored = c[side];
      if (!isSealed(stored)) continue;
      const done = rekeyEnvelope(r, stored.$c, { record, field: c.field });
      if ("failure" in done) {
        out.failures.push({ field: c.field, reason: `${side} value ${done.failure}` });
        continue;
      }
      out.opened++;
      if (!done.resealed) continue;
      next[side] = { $c: done.envelope };
      out.resealed++;
      changed = true;
    }
    return next;
  });
  if (changed) out.value = value;
  return out;
}

/** Key ids of the sealed values in a stored JSON text, counted without parsing it. */
export function keyIdsIn(text: string): string[] {
  // JSON escapes quotes inside strings, so `"$c":"v1.` only ever starts a sealed value.
  return Array.from(text.matchAll(/"\$c":"v1\.([A-Za-z0-9_-]{1,32})\./g), (m) => m[1]!);
}
