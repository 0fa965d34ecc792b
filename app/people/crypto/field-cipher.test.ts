import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createFieldCipher,
  type FieldAad,
  FieldCipherError,
  type FieldCipherFailure,
  fieldCipherFromFieldKeys,
  fieldCipherFromKeys,
  fieldKeyId,
  LEGACY_KEY_ID,
} from "./field-cipher.server.ts";

const k1 = crypto.randomBytes(32);
const k2 = crypto.randomBytes(32);
const cipher = createFieldCipher({ keys: new Map([["k1", k1]]), current: "k1" });
const aad: FieldAad = { record: "people:42", field: "document_number" };
// Common CJK ideographs and Extension B (outside the BMP, two UTF-16 units each), e.g. names with 𠮷.
const hanzi = fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.integer({ min: 0x20000, max: 0x2a6df }));
const chineseText = fc.string({ unit: hanzi.map((cp) => String.fromCodePoint(cp)) });

function failure(run: () => unknown): FieldCipherFailure | "no error" {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FieldCipherError);
    return (e as FieldCipherError).reason;
  }
  return "no error";
}

describe("field cipher", () => {
  it("round-trips any string, including Chinese and characters outside the BMP", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), fc.string(), (plain, record, field) => {
        const bound = { record, field };
        expect(cipher.decrypt(cipher.encrypt(plain, bound), bound)).toBe(plain);
      }),
    );
    fc.assert(
      fc.property(chineseText, (plain) => {
        expect(cipher.decrypt(cipher.encrypt(plain, aad), aad)).toBe(plain);
      }),
    );
    for (const plain of ["", "110105194912310021", "张三丰", "𠮷野家 𩸽", "13800138000"]) {
      expect(cipher.decrypt(cipher.encrypt(plain, aad), aad)).toBe(plain);
    }
  });

  it("writes the documented envelope and a fresh nonce each time", () => {
    const a = cipher.encrypt("13800138000", aad);
    const b = cipher.encrypt("13800138000", aad);
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
    expect(a).not.toContain("13800138000");
  });

  it("refuses an envelope with any single character changed", () => {
    const envelope = cipher.encrypt("110105194912310021", aad);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    for (let i = 0; i < envelope.length; i++) {
      for (const c of alphabet) {
        if (c === envelope[i]) continue;
        const altered = envelope.slice(0, i) + c + envelope.slice(i + 1);
        expect(failure(() => cipher.decrypt(altered, aad))).not.toBe("no error");
      }
    }
  });

  it("refuses truncated, extended and garbage envelopes", () => {
    const envelope = cipher.encrypt("x", aad);
    // A cut-off envelope may still decode to a shorter, well-formed one; either way it must not decrypt.
    expect(["malformed", "authentication-failed"]).toContain(
      failure(() => cipher.decrypt(envelope.slice(0, -1), aad)),
    );
    expect(failure(() => cipher.decrypt(`${envelope}A`, aad))).not.toBe("no error");
    expect(failure(() => cipher.decrypt(`${envelope}.x`, aad))).toBe("malformed");
    expect(failure(() => cipher.decrypt("", aad))).toBe("malformed");
    expect(failure(() => cipher.decrypt("110105194912310021", aad))).toBe("malformed");
    expect(failure(() => cipher.decrypt(envelope.replace(/^v1/, "v2"), aad))).toBe("unsupported-version");
  });

  it("refuses a value moved to another record or field", () => {
    const envelope = cipher.encrypt("13800138000", aad);
    expect(failure(() => cipher.decrypt(envelope, { ...aad, record: "people:43" }))).toBe(
      "authentication-failed",
    );
    expect(failure(() => cipher.decrypt(envelope, { ...aad, field: "phone" }))).toBe("authentication-failed");
    // Length-prefixed associated data: shifting characters between record and field does not match.
    const joined = cipher.encrypt("v", { record: "ab", field: "c" });
    expect(failure(() => cipher.decrypt(joined, { record: "a", field: "bc" }))).toBe("authentication-failed");
  });

  it("refuses a value under a key it does not have or a different key with the same id", () => {
    const envelope = cipher.encrypt("secret", aad);
    const other = createFieldCipher({ keys: new Map([["k2", k2]]), current: "k2" });
    expect(failure(() => other.decrypt(envelope, aad))).toBe("unknown-key");
    const impostor = createFieldCipher({ keys: new Map([["k1", k2]]), current: "k1" });
    expect(failure(() => impostor.decrypt(envelope, aad))).toBe("authentication-failed");
  });

  it("still decrypts values under an old key after a new current key is added", () => {
    const old = cipher.encrypt("110105194912310021", aad);
    const rotated = createFieldCipher({
      keys: new Map([
        ["k1", k1],
        ["k2", k2],
      ]),
      current: "k2",
    });
    expect(rotated.decrypt(old, aad)).toBe("110105194912310021");
    expect(rotated.keyIdOf(old)).toBe("k1");
    const fresh = rotated.encrypt("110105194912310021", aad);
    expect(rotated.keyIdOf(fresh)).toBe("k2");
    expect(rotated.currentKeyId).toBe("k2");
    expect(failure(() => cipher.decrypt(fresh, aad))).toBe("unknown-key");
  });

  it("refuses bad configuration", () => {
    expect(() => createFieldCipher({ keys: new Map([["k1", k1]]), current: "k9" })).toThrow(/not among/);
    expect(() => createFieldCipher({ keys: new Map([["k1", k1.subarray(0, 16)]]), current: "k1" })).toThrow(
      /32 bytes/,
    );
    expect(() => createFieldCipher({ keys: new Map([["k.1", k1]]), current: "k.1" })).toThrow(/key id/);
  });

  it("is built from the field-encryption purpose key", () => {
    const purposes: string[] = [];
    const fromKeys = fieldCipherFromKeys({
      derive: (purpose) => {
        purposes.push(purpose);
        return k1;
      },
    });
    expect(purposes).toEqual(["field-encryption"]);
    const envelope = fromKeys.encrypt("x", aad);
    expect(fromKeys.keyIdOf(envelope)).toBe(fieldKeyId(k1));
    expect(
      createFieldCipher({ keys: new Map([[fieldKeyId(k1), k1]]), current: fieldKeyId(k1) }).decrypt(
        envelope,
        aad,
      ),
    ).toBe("x");
  });

  it("names a key by a fingerprint that differs per key and is not the legacy id", () => {
    expect(fieldKeyId(k1)).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(fieldKeyId(k1)).toBe(fieldKeyId(Buffer.from(k1)));
    expect(fieldKeyId(k2)).not.toBe(fieldKeyId(k1));
    expect(fieldKeyId(k1)).not.toBe(LEGACY_KEY_ID);
  });

  it("opens legacy k1 values under the current key or an old one, and old-key values by their id", () => {
    const legacyUnderOld = cipher.encrypt("110105194912310021", aad);
    const underOld = fieldCipherFromFieldKeys(k1).encrypt("13800138000", aad);
    const rotating = fieldCipherFromFieldKeys(k2, [k1]);
    expect(rotating.currentKeyId).toBe(fieldKeyId(k2));
    expect(rotating.decrypt(legacyUnderOld, aad)).toBe("110105194912310021");
    expect(rotating.decrypt(underOld, aad)).toBe("13800138000");
    expect(rotating.keyIdOf(rotating.encrypt("x", aad))).toBe(fieldKeyId(k2));
    const legacyUnderNew = createFieldCipher({ keys: new Map([["k1", k2]]), current: "k1" }).encrypt(
      "y",
      aad,
    );
    expect(rotating.decrypt(legacyUnderNew, aad)).toBe("y");
    // Without the old key neither opens; a legacy value fails authentication rather than being misread.
    const newOnly = fieldCipherFromFieldKeys(k2);
    expect(failure(() => newOnly.decrypt(underOld, aad))).toBe("unknown-key");
    expect(failure(() => newOnly.decrypt(legacyUnderOld, aad))).toBe("authentication-failed");
  });
});
