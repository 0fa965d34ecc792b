import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blindIndex } from "./blind-index.server.ts";

const key = crypto.randomBytes(32);

describe("blind index", () => {
  it("is deterministic 128-bit lowercase hex", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: "binary" }), (field, value) => {
        const index = blindIndex(key, field, value);
        expect(index).toMatch(/^[0-9a-f]{32}$/);
        expect(blindIndex(key, field, value)).toBe(index);
      }),
    );
  });

  it("matches a known HMAC-SHA256 value", () => {
    const fixed = Buffer.alloc(32, 7);
    const expected = crypto
      .createHmac("sha256", fixed)
      .update(Buffer.from([0, 0, 0, 5]))
      .update("phone13800138000")
      .digest("hex")
      .slice(0, 32);
    expect(blindIndex(fixed, "phone", "13800138000")).toBe(expected);
  });

  it("differs by key, by field key and by value", () => {
    const base = blindIndex(key, "document_number", "110105194912310021");
    expect(blindIndex(crypto.randomBytes(32), "document_number", "110105194912310021")).not.toBe(base);
    expect(blindIndex(key, "phone", "110105194912310021")).not.toBe(base);
    expect(blindIndex(key, "document_number", "110105194912310022")).not.toBe(base);
    // The field key is length-prefixed: moving characters between field and value changes the index.
    expect(blindIndex(key, "ab", "c")).not.toBe(blindIndex(key, "a", "bc"));
  });

  it("refuses a short key", () => {
    expect(() => blindIndex(Buffer.alloc(16), "phone", "13800138000")).toThrow(/32 bytes/);
  });
});
