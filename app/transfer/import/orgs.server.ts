// The org a row names in its 所属社区 column: a community, grid or unit by name ("丰盛社区", "丰盛" and
// "丰盛居委会" alike), and the default org the importer chose by id. A name or id that exists only
// outside the caller's scope is refused as out of scope.
import { invalid } from "../../core/errors.ts";
import type { Caller, Services } from "../../core/services.server.ts";
import { normaliseOptionText } from "../../schema/dictionaries/match.ts";
import { type RowProblem, rowProblem } from "./problems.ts";

const RECORD_ORG_KINDS = ["community", "grid", "enterprise", "merchant"] as const;

export interface Placement {
  orgId: number;
  orgPath: string;
}

const fold = (name: string) => normaliseOptionText(name).replace(/(社区居委会|居委会|社区|居委)$/u, "");

export interface OrgDirectory {
  /** The org a cell names (under the column `header`), or why it cannot hold the row. */
  resolve(text: string, header: string): Placement | RowProblem;
  /** The default org chosen for rows that name none; refused when unknown or outside the scope. */
  placementOf(orgId: number): Placement;
}

/** The orgs records may belong to, read once per import. */
export async function orgDirectory(services: Services, caller: Caller): Promise<OrgDirectory> {
  const orgs = await services.db
    .selectFrom("orgs")
    .select(["id", "name", "path"])
    .where("kind", "in", [...RECORD_ORG_KINDS])
    .execute();
  const byName = new Map<string, { id: number; path: string }[]>();
  for (const org of orgs) {
    for (const key of new Set([normaliseOptionText(org.name), fold(org.name)])) {
      const list = byName.get(key) ?? [];
      list.push({ id: Number(org.id), path: org.path });
      byName.set(key, list);
    }
  }
  const scope = caller.actor.orgPath;
  const named = (text: string) => byName.get(normaliseOptionText(text)) ?? byName.get(fold(text)) ?? [];
  return {
    resolve(text, header) {
      // "丰盛社区 / 第二网格", as exports write it: the last name, under the ones before it.
      const parts = text.split(/\s*[/／]\s*/u).filter(Boolean);
      let found = named(parts.at(-1) ?? text);
      for (const parent of parts.slice(0, -1)) {
        const parents = named(parent);
        found = found.filter((o) => parents.some((p) => o.path.startsWith(p.path)));
      }
      if (found.length === 0) return rowProblem(header, "org-unknown", text);
      const inScope = found.find((o) => o.path.startsWith(scope));
      if (!inScope) return rowProblem(header, "out-of-scope", text);
      return { orgId: inScope.id, orgPath: inScope.path };
    },
    placementOf(orgId) {
      const org = orgs.find((o) => Number(o.id) === orgId);
      if (!org) throw invalid("默认社区不存在 / The default community does not exist");
      if (!org.path.startsWith(scope))
        throw invalid(`默认社区不可用：${rowProblem("orgId", "out-of-scope", org.name).message}`);
      return { orgId: Number(org.id), orgPath: org.path };
    },
  };
}

export const isPlacement = (x: Placement | RowProblem): x is Placement => "orgId" in x;
