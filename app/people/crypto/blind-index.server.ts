// Keyed blind index for exact lookup of encrypted fields: HMAC-SHA256 under the "blind-index" purpose key
// (never the encryption key), domain-separated by the field key, truncated to 128 bits, as lowercase hex.
//
// What it allows: "is there a record whose <field> equals this value?" and a unique constraint such as one
// person per (document type, number) — index `documentKey(type, number)` under one field key — without
// the database holding the value.
//
// What it does NOT allow:
// - No partial, prefix, suffix or fuzzy match: one changed character gives an unrelated index. Searching
//   on part of an ID or phone number is the in-memory query replica's job, over values decrypted in
//   memory and never written to disk in plain text.
// - No ordering or range queries (ages, dates) — the index is pseudo-random.
// - No lookup of a value that was not normalised the same way: callers index the normalised form
//   (18-digit upper-case ID, "13800138000" without +86 or dashes), or equal values will not meet.
// It does reveal which rows share a value within one field (that is its purpose), and anyone holding the
// key can test guesses — phone and ID numbers have a small space — so the key stays outside the database.
//
// 128 bits: a chance collision among a million values is about 1e-27, far below any practical concern,
// and the column stays short (32 characters). Hex rather than base64url because MariaDB's default
// collations compare case-insensitively, which would merge base64url values that differ only in case.
import crypto from "node:crypto";

const INDEX_BYTES = 16;

export function blindIndex(key: Buffer, fieldKey: string, normalisedValue: string): string {
  if (key.length < 32) throw new Error("blind index key must be at least 32 bytes");
  const field = Buffer.from(fieldKey, "utf8");
  // The field key is length-prefixed so ("ab", "c") and ("a", "bc") give different inputs.
  const prefix = Buffer.allocUnsafe(4);
  prefix.writeUInt32BE(field.length);
  return crypto
    .createHmac("sha256", key)
    .update(prefix)
    .update(field)
    .update(normalisedValue, "utf8")
    .digest()
    .subarray(0, INDEX_BYTES)
    .toString("hex");
}
