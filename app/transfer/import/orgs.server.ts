// The org a row names in its 所属社区 column: a community, grid or unit by name ("丰盛社区", "丰盛" and
// "丰盛居委会" alike). A name that exists only outside the caller's scope is refused as out of scope.
import type { Caller, Services } from "../../core/services.server.ts";
import { normaliseOptionText } from "../../schema/dictionaries/match.ts";
import { type RowProblem, rowProblem } from "./problems.ts";

const RECORD_ORG_KINDS = ["community", "grid", "enterprise", "merchant"] as const;

export interface Placement {
  orgId: number;
  orgPath: string;
}

const fold = (name: string) => normaliseOptionText(name).replace(/(社区居委会|居委会|社区|居委)$/u, "");

export async function orgResolver(services: Services, caller: Caller) {
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
  return (text: string, header: string): Placement | RowProblem => {
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
  };
}

export const isPlacement = (x: Placement | RowProblem): x is Placement => "orgId" in x;
