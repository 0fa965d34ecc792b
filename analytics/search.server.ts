// Quick search over the replica: the condition the query engine puts in its WHERE (searchCondition), and
// a bare search and count in the reader's scope for the replica's own tests and measurements. The text is
// bound as a parameter and matched as plain text (contains, no wildcards), never spliced into SQL; results
// carry ids and system IDs only — what a page shows goes through the record presenter, which masks.
import { authorize } from "../app/auth/access.server.ts";
import { invalid } from "../app/core/errors.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { quoteIdent, sensitiveSearchColumns } from "./columns.ts";
import type { Replica } from "./replica.server.ts";
import { digitSignatureTest, textSignatureTest } from "./signature.ts";

export interface SearchHit {
  id: number;
  systemId: string;
}

/** Lower case, inner spaces gone: "Zhang San" → "zhangsan", as the search text is kept. */
const needle = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** Digits (an ID number may end in X), spaces and dashes dropped: a piece of an ID or phone number. */
const NUMBER_PIECE = /^[0-9]+x?$/;
const NUMBER_TYPES = new Set(["document", "mobile"]);

/**
 * The SQL condition of quick search: `text` in the search text, and in the sensitive columns (kept out of
 * the search text so a snapshot of it holds nothing sensitive). ID and phone columns are only looked at
 * when the text can be part of a number, which spares most searches (names, pinyin) three scans.
 */
export function searchCondition(replica: Replica, text: string, bind: (value: string) => string): string {
  const lower = needle(text);
  const digits = lower.replace(/-/g, "");
  // CASE looks into a row's text only when its signature allows a match (DuckDB evaluates THEN for
  // those rows alone), which spares the scan of nearly every row.
  const guarded = (test: string | null, match: string) =>
    test ? `CASE WHEN ${test} THEN ${match} ELSE FALSE END` : match;
  const parts = [guarded(textSignatureTest(lower), `contains(search, ${bind(lower)})`)];
  for (const column of sensitiveSearchColumns(replica.columns)) {
    const name = quoteIdent(column.name);
    if (!NUMBER_TYPES.has(column.field.type)) parts.push(`contains(lower(${name}), ${bind(lower)})`);
    else if (NUMBER_PIECE.test(digits)) {
      const number = digits.toUpperCase();
      const test = digitSignatureTest(quoteIdent(`${column.name}$sig`), number);
      parts.push(guarded(test, `contains(${name}, ${bind(number)})`));
    }
  }
  return `(${parts.join(" OR ")})`;
}

/** Records whose name, pinyin, text values or any part of an ID or phone number contain `text`. */
export async function quickSearch(
  services: Services,
  caller: Caller,
  replica: Replica,
  text: string,
  limit = 50,
): Promise<SearchHit[]> {
  await authorize(services, caller, "record.read");
  const wanted = text.trim();
  if (wanted === "" || wanted.length > 50)
    throw invalid("请输入 1–50 个字的搜索词 / Type 1–50 characters to search for", {
      q: "1–50 个字 / 1–50 characters",
    });
  const values: Record<string, string> = {};
  const bind = (value: string) => {
    const name = `s${Object.keys(values).length}`;
    values[name] = value;
    return `$${name}`;
  };
  const reader = await replica.connection.runAndReadAll(
    `SELECT id, system_id FROM records
      WHERE NOT deleted AND starts_with(org_path, $scope) AND ${searchCondition(replica, wanted, bind)}
      ORDER BY id DESC LIMIT ${Math.min(Math.max(1, Math.trunc(limit)), 500)}`,
    { scope: caller.actor.orgPath, ...values },
  );
  return reader.getRowObjectsJS().map((r) => ({ id: Number(r.id), systemId: String(r.system_id) }));
}

/** How many live records the reader's scope holds. */
export async function countRecords(services: Services, caller: Caller, replica: Replica): Promise<number> {
  await authorize(services, caller, "record.read");
  const reader = await replica.connection.runAndReadAll(
    "SELECT count(*) AS n FROM records WHERE NOT deleted AND starts_with(org_path, $scope)",
    { scope: caller.actor.orgPath },
  );
  return Number(reader.getRowObjectsJS()[0]!.n);
}
