// The org tree for display: flattened depth-first with depths, and which nodes may hold which.
import type { OrgKind } from "../../../db/types.ts";
import { CHILD_KINDS, type OrgNode } from "../../org/kinds.ts";

export { CHILD_KINDS };

export type OrgRow = OrgNode;

export interface TreeRow extends OrgRow {
  depth: number;
}

const KIND_ORDER: Record<OrgKind, number> = { street: 0, community: 1, grid: 2, enterprise: 3, merchant: 4 };

/** Parents before children, siblings by kind, then their sort order, then name. */
export function flattenTree(nodes: readonly OrgRow[]): TreeRow[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<number | null, OrgRow[]>();
  for (const n of nodes) {
    const key = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const out: TreeRow[] = [];
  const visit = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sort - b.sort || a.name.localeCompare(b.name, "zh-CN"),
    );
    for (const n of list) {
      out.push({ ...n, depth });
      visit(n.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Nodes `node` could move under: of a kind that holds it, outside its own subtree, not its parent now. */
export function moveTargets(rows: readonly TreeRow[], node: OrgRow): TreeRow[] {
  return rows.filter(
    (r) => CHILD_KINDS[r.kind].includes(node.kind) && !r.path.startsWith(node.path) && r.id !== node.parentId,
  );
}

/** An option label indented by depth below `baseDepth` (non-breaking spaces survive in <option>). */
export function indented(row: TreeRow, kindLabel: string, baseDepth = 0): string {
  return `${"\u00a0\u00a0".repeat(Math.max(0, row.depth - baseDepth))}${row.name}（${kindLabel}）`;
}

/**
 * A readable place for an org path, e.g. "丰盛社区 / 第一网格": the names along the path that the reader
 * can see, leaving out the street (which every row shares) unless the path is the street itself.
 */
export function orgLabel(path: string, orgs: ReadonlyMap<number, OrgRow>): string {
  const along = path
    .split("/")
    .filter(Boolean)
    .map((id) => orgs.get(Number(id)))
    .filter((o): o is OrgRow => o !== undefined);
  const shown = along.length > 1 ? along.filter((o) => o.kind !== "street") : along;
  return shown.map((o) => o.name).join(" / ");
}
