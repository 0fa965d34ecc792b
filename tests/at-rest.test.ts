// What an operator's copy of the database shows: the SQLite file itself, or a mariadb-dump of the
// MariaDB database, holds no ID or phone number in plain text — only ciphertext and blind indexes.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildId } from "../app/people/identity/id-fixtures.ts";
import { createRecord, updateRecord } from "../app/people/records/write.server.ts";
import { createTestServices, type TestServices, testDialect } from "./support/db.ts";
import { callerFor } from "./support/factories.ts";

const run = promisify(execFile);

async function databaseBytes(t: TestServices): Promise<string> {
  const url = t.config.databaseUrl;
  if (testDialect === "sqlite") {
    await t.services.database.close();
    const parts = [url, `${url}-wal`].filter((f) => fs.existsSync(f));
    return parts.map((f) => fs.readFileSync(f).toString("utf8")).join("\n");
  }
  const server = new URL(url);
  const { stdout } = await run(
    "mariadb-dump",
    [
      `--host=${server.hostname}`,
      `--port=${server.port || "3306"}`,
      `--user=${decodeURIComponent(server.username)}`,
      ...(server.password ? [`--password=${decodeURIComponent(server.password)}`] : []),
      "--skip-extended-insert",
      server.pathname.slice(1),
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout;
}

describe("sensitive values at rest", () => {
  let t: TestServices;
  const id = buildId("110102", "1961-09-09", "357");
  const phones = ["13912345670", "18698765431", "13300001111"];
  let dump = "";

  beforeAll(async () => {
    t = await createTestServices({ demoPeople: 50 });
    const fengsheng = await callerFor(t.services, "fengsheng");
    const person = await createRecord(t.services, fengsheng, "people", {
      values: { name: "存储检查", document: id.number, mobile: phones[0] },
    });
    await updateRecord(t.services, fengsheng, person.id, {
      values: { mobile: phones[1], emergencyPhone: phones[2] },
    });
    dump = await databaseBytes(t);
  });
  afterAll(() => t.cleanup());

  it("holds the person's name but not their ID or phone numbers", () => {
    expect(dump.length).toBeGreaterThan(10_000);
    expect(dump).toContain("存储检查");
    expect(dump).not.toContain(id.number);
    // The birth date part of the number is fine to hold (it is a field of its own); the number is not.
    expect(dump).not.toContain(id.number.slice(0, 14));
    for (const phone of phones) expect(dump).not.toContain(phone);
  });

  it("holds no ID or mobile number of any generated person or account either", () => {
    // 18 characters: 6-digit region, 8-digit birth date, 3-digit sequence and a check character.
    const idLike = dump.match(
      /\b[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]\b/g,
    );
    expect(idLike ?? []).toEqual([]);
    // Account mobiles (used to sign in) are sealed too; no 11-digit mobile number is left anywhere.
    expect(dump.match(/\b1[3-9]\d{9}\b/g) ?? []).toEqual([]);
  });
});
