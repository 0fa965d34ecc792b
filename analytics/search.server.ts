// Quick search and counts over the replica, inside the reader's scope. The search text is bound as a
// parameter and matched as plain text (contains, no wildcards), never spliced into SQL; results carry ids and system IDs only — what a page then shows goes
// through the record presenter, which masks sensitive values.
import { authorize } from "../app/auth/access.server.ts";
import { invalid } from "../app/core/errors.ts";
import type { Caller, Services } from "../app/core/services.server.ts";
import { quoteIdent, sensitiveSearchColumns } from "./columns.ts";
import type { Replica } from "./replica.server.ts";

export interface SearchHit {
  id: number;
  systemId: string;
}

/** Lower case, inner spaces gone: "Zhang San" → "zhangsan", as the search text is kept. */
const needle = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/**
 * The SQL condition of quick search, matching `$needle` (see `needle`) in the search text and `$upper_needle`
 * (upper case, for the X of an ID number) in the sensitive columns.
 */
export function searchCondition(replica: Replica): string {
  const sensitive = sensitiveSearchColumns(replica.columns).map(
    (c) => ` OR contains(${quoteIdent(c.name)}, $upper_needle)`,
  );
  return `(contains(search, $needle)${sensitive.join("")})`;
}

export const searchParams = (text: string) => {
  const n = needle(text);
  return { needle: n, upper_needle: n.toUpperCase() };
};

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
  const reader = await replica.connection.runAndReadAll(
    `SELECT id, system_id FROM records
      WHERE NOT deleted AND starts_with(org_path, $scope) AND ${searchCondition(replica)}
      ORDER BY id DESC LIMIT $limit`,
    { scope: caller.actor.orgPath, ...searchParams(wanted), limit: Math.min(Math.max(1, limit), 500) },
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
