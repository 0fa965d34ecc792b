import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";

describe("passwords", () => {
  it("hashes with Argon2id at m ≥ 19 MiB and t ≥ 2, and verifies", async () => {
    const hash = await hashPassword("Linli@2026");
    const params = /^\$argon2id\$v=19\$([^$]+)\$/.exec(hash)?.[1] ?? "";
    const values = Object.fromEntries(params.split(",").map((kv) => kv.split("=")));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(hash, "Linli@2026")).toBe(true);
    expect(await verifyPassword(hash, "linli@2026")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it.each([
    ["short", "Ab1!"],
    ["common", "Password1"],
    ["common with symbol", "P@ssw0rd2024"],
    ["keyboard walk", "Qwerty123!"],
    ["Chinese favourite", "Woaini1314!"],
    ["two classes only", "abcdefgh12"],
  ])("refuses a %s password", (_label, password) => {
    expect(passwordProblem(password)).toMatch(/密码/);
  });

  it("refuses a password containing the username", () => {
    expect(passwordProblem("Fengsheng#2026x", "fengsheng")).toMatch(/用户名/);
  });

  it("accepts a strong password", () => {
    expect(passwordProblem("Linli@2026")).toBeNull();
    expect(passwordProblem("Hutong-Maple-17")).toBeNull();
  });
});
