import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubIdNumbers } from "./logger.server.ts";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("info", stream), lines };
}

describe("application log", () => {
  it("never prints a full ID number, in the message or in fields", () => {
    const { log, lines } = capture();
    log.info(
      { note: "找到 11010519491231002X 的记录", nested: { value: "110105194912310021" } },
      "lookup 110105194912310021",
    );
    const out = lines.join("");
    expect(out).not.toMatch(/19491231/);
    expect(out).toContain("110105********");
  });

  it("redacts passwords, tokens and cookies", () => {
    const { log, lines } = capture();
    log.info({ password: "Linli@2026", body: { token: "lnl_secret" }, cookie: "linli_session=abc" }, "login");
    const out = lines.join("");
    expect(out).not.toContain("Linli@2026");
    expect(out).not.toContain("lnl_secret");
    expect(out).not.toContain("linli_session=abc");
  });

  it("leaves ordinary numbers alone", () => {
    expect(scrubIdNumbers("订单 12345 金额 100")).toBe("订单 12345 金额 100");
    expect(scrubIdNumbers("手机 13800138000")).toBe("手机 13800138000");
  });
});
