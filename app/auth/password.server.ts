// Password hashing (Argon2id, OWASP parameters) and the password policy.

import zxcvbnCore from "@zxcvbn-ts/core";
import zxcvbnCommon from "@zxcvbn-ts/language-common";
import argon2 from "argon2";
import { invalid } from "../core/errors.ts";

const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal that. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("linli-timing-equaliser");
  return dummyHash.then((h) => verifyPassword(h, password));
}

// Passwords common among Chinese users that the English-centred dictionaries rate too kindly.
const COMMON_CN = ["woaini", "5201314", "1314520", "qq123456", "a123456", "aa123456", "zxcvbnm", "1qaz2wsx"];

const zxcvbn = new zxcvbnCore.ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, cn: COMMON_CN },
  graphs: zxcvbnCommon.adjacencyGraphs,
});

/** Throws an `invalid` error naming the problem when the password is too weak. */
export function assertPasswordPolicy(password: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw invalid(problem, { password: problem });
}

export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return "密码至少 8 位 / Password must be at least 8 characters";
  if (password.length > 128) return "密码最多 128 位 / Password must be at most 128 characters";
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3 && password.length < 12) {
    return "密码需包含大写字母、小写字母、数字、符号中的至少三种 / Use at least three of: upper case, lower case, digits, symbols";
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return "密码不能包含用户名 / Password must not contain the username";
  }
  const lower = password.toLowerCase();
  if (COMMON_CN.some((w) => lower.includes(w)) || zxcvbn.check(password).score < 3) {
    return "密码过于常见或容易猜到，请换一个 / This password is too common or easy to guess";
  }
  return null;
}
