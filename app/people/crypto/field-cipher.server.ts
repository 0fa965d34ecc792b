// Authenticated encryption of one sensitive field value (document number, phone, fields staff mark
// sensitive). AES-256-GCM with a fresh random 96-bit nonce per value; the record's identity and the field
// key are bound as associated data, so a ciphertext copied into another record or field does not decrypt.
//
// Envelope: `v1.<keyId>.<nonce b64url>.<ciphertext+tag b64url>` — plain ASCII, fits a TEXT/VARCHAR
// column on SQLite and MariaDB. The key id names the key version: decrypt picks the key by id, so after a
// new current key is added old values still decrypt and can be re-encrypted at leisure. A deployment's
// key id is a fingerprint of its field key (fieldKeyId), so a new master key gets a new id by itself;
// values written before ids were fingerprints carry the id "k1" and are tried under every key held.
//
// Nonce budget: random 96-bit nonces are safe for up to 2^32 encryptions under one key (NIST SP 800-38D);
// a million people with a few sensitive fields each, rewritten many times, stays far below that. Rotate
// the key (add a new id, make it current) long before.
import crypto from "node:crypto";
import type { PurposeKeys } from "../../core/keys.server.ts";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Key ids sit between dots in the envelope, so they are restricted to base64url characters. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;
const B64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** By length mod 4: mask of the last character's bits that carry no data (undefined: impossible length). */
const SPARE_BITS = [0, undefined, 0b1111, 0b11];

/** What the ciphertext is bound to: which record (stable identity, e.g. "people:42") and which field. */
export interface FieldAad {
  record: string;
  field: string;
}

export type FieldCipherFailure =
  | "malformed"
  | "unsupported-version"
  | "unknown-key"
  | "authentication-failed";

/**
 * Decryption refused. Not an AppError: it means stored data was altered, moved or keyed with a key this
 * process does not have — an operator problem (500), never something a user's input can cause.
 */
export class FieldCipherError extends Error {
  readonly reason: FieldCipherFailure;
  constructor(reason: FieldCipherFailure, message: string) {
    super(message);
    this.name = "FieldCipherError";
    this.reason = reason;
  }
}

export interface FieldCipherOptions {
  /**
   * Every key version this process can decrypt with, 32 bytes each. An id may stand for several keys,
   * tried in order (the legacy id "k1"); the current id stands for one.
   */
  keys: ReadonlyMap<string, Uint8Array | readonly Uint8Array[]>;
  /** The key id new values are encrypted under. */
  current: string;
}

export interface FieldCipher {
  readonly currentKeyId: string;
  encrypt(plain: string, aad: FieldAad): string;
  /** Returns the plaintext or throws FieldCipherError; never returns unauthenticated bytes. */
  decrypt(envelope: string, aad: FieldAad): string;
  /** The key id an envelope was written with (for re-encryption sweeps after a rotation). */
  keyIdOf(envelope: string): string;
}

export function createFieldCipher(options: FieldCipherOptions): FieldCipher {
  const keys = new Map<string, crypto.KeyObject[]>();
  for (const [id, given] of options.keys) {
    if (!KEY_ID.test(id)) throw new Error(`field key id "${id}" must be 1–32 characters of [A-Za-z0-9_-]`);
    const list = given instanceof Uint8Array ? [given] : given;
    for (const key of list)
      if (key.length !== KEY_BYTES) throw new Error(`field key "${id}" must be ${KEY_BYTES} bytes`);
    // A KeyObject is imported once instead of copying the raw key on every call.
    keys.set(
      id,
      list.map((key) => crypto.createSecretKey(Buffer.from(key))),
    );
  }
  const currentKey = keys.get(options.current)?.[0];
  if (!currentKey) throw new Error(`current field key "${options.current}" is not among the keys`);
  const currentHeader = `${VERSION}.${options.current}`;
  const nonces = new NoncePool();

  return {
    currentKeyId: options.current,

    encrypt(plain, aad) {
      const nonce = nonces.next();
      const cipher = crypto.createCipheriv("aes-256-gcm", currentKey, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(currentHeader, aad));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${currentHeader}.${nonce.toString("base64url")}.${body.toString("base64url")}`;
    },

    decrypt(envelope, aad) {
      const parts = parseEnvelope(envelope);
      const candidates = keys.get(parts.keyId);
      if (!candidates)
        throw new FieldCipherError("unknown-key", `field key "${parts.keyId}" is not configured`);
      const data = associatedData(`${VERSION}.${parts.keyId}`, aad);
      for (const key of candidates) {
        const decipher = crypto.createDecipheriv("aes-256-gcm", key, parts.nonce, {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(data);
        decipher.setAuthTag(parts.tag);
        const head = decipher.update(parts.ciphertext);
        try {
          // final() verifies the tag; nothing is returned before it has.
          return Buffer.concat([head, decipher.final()]).toString("utf8");
        } catch {
          // The next candidate, if any (only the legacy id has more than one).
        }
      }
      throw new FieldCipherError(
        "authentication-failed",
        "field value failed authentication (altered, moved to another record or field, or wrong key)",
      );
    },

    keyIdOf(envelope) {
      return parseEnvelope(envelope).keyId;
    },
  };
}

/** The key id values carried before ids were fingerprints of the key (one master key, never rotated). */
export const LEGACY_KEY_ID = "k1";

/**
 * The id a field key writes into its envelopes: 48 bits of an HMAC under the key itself (a key check
 * value). It tells keys apart and reveals nothing about them; a master key of 256 random bits cannot be
 * guessed from it.
 */
export function fieldKeyId(key: Uint8Array): string {
  return crypto
    .createHmac("sha256", key)
    .update("linli field key id")
    .digest()
    .subarray(0, 6)
    .toString("base64url");
}

/**
 * A cipher writing under `current` and reading under it and every old field key (a key rotation).
 * Legacy "k1" values are tried under the current key first, then the old ones.
 */
export function fieldCipherFromFieldKeys(
  current: Uint8Array,
  previous: readonly Uint8Array[] = [],
): FieldCipher {
  const keys = new Map<string, Uint8Array | Uint8Array[]>([[LEGACY_KEY_ID, [current, ...previous]]]);
  for (const key of previous) keys.set(fieldKeyId(key), key);
  keys.set(fieldKeyId(current), current);
  return createFieldCipher({ keys, current: fieldKeyId(current) });
}

/** The cipher for this deployment: the field keys derived from the master key and any old ones. */
export function fieldCipherFromKeys(keys: PurposeKeys & { previous?: readonly PurposeKeys[] }): FieldCipher {
  return fieldCipherFromFieldKeys(
    keys.derive("field-encryption"),
    (keys.previous ?? []).map((k) => k.derive("field-encryption")),
  );
}

/**
 * Header, record and field as netstrings ("<length>:<text>,") so no two different triples give the same
 * bytes ("ab"+"c" and "a"+"bc" would otherwise collide). The header is included so the version and key
 * id in the envelope are authenticated too. One string, one conversion: this runs for every value.
 */
function associatedData(header: string, aad: FieldAad): Buffer {
  const { record, field } = aad;
  return Buffer.from(
    `${header.length}:${header},${record.length}:${record},${field.length}:${field},`,
    "utf8",
  );
}

interface Envelope {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseEnvelope(envelope: string): Envelope {
  const parts = envelope.split(".");
  if (parts.length !== 4) throw malformed();
  const [version, keyId, nonceText, bodyText] = parts;
  if (version !== VERSION) throw new FieldCipherError("unsupported-version", "unsupported envelope version");
  if (!KEY_ID.test(keyId)) throw malformed();
  const nonce = strictBase64url(nonceText);
  const body = strictBase64url(bodyText);
  if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw malformed();
  return {
    keyId,
    nonce,
    ciphertext: body.subarray(0, body.length - TAG_BYTES),
    tag: body.subarray(body.length - TAG_BYTES),
  };
}

/**
 * Node's decoder skips invalid characters and ignores the spare low bits of the last character, so two
 * different texts could decode to the same bytes. Only the canonical encoding is accepted (alphabet,
 * length, spare bits zero), which makes any change to the envelope text an error, never a silent no-op.
 */
function strictBase64url(text: string): Buffer {
  const spare = SPARE_BITS[text.length % 4];
  if (spare === undefined || !B64URL.test(text)) throw malformed();
  if (spare > 0 && B64URL_ALPHABET.indexOf(text[text.length - 1]) & spare) throw malformed();
  return Buffer.from(text, "base64url");
}

const malformed = () => new FieldCipherError("malformed", "field value is not a valid encrypted envelope");

/**
 * Nonces drawn from the CSPRNG in batches: one call per 1,024 values instead of one per value. Each
 * nonce is copied out before the batch is refilled, so none is ever handed out twice.
 */
class NoncePool {
  private readonly batch = Buffer.alloc(NONCE_BYTES * 1024);
  private at = this.batch.length;
  next(): Buffer {
    if (this.at === this.batch.length) {
      crypto.randomFillSync(this.batch);
      this.at = 0;
    }
    const nonce = Buffer.from(this.batch.subarray(this.at, this.at + NONCE_BYTES));
    this.at += NONCE_BYTES;
    return nonce;
  }
}
