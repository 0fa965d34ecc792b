// 层级筛选: the org tree (街道 → 社区 → 网格) from the places the grid page gives, and the address tree
// (小区 → 楼 → 单元) of an address field, built level by level from facet counts of its derived columns
// `<key>$estate`, `<key>$building`, `<key>$unit`. Pure.
import type { Facet } from "../../../analytics/query/results.ts";
import type { ViewQuery } from "../../query/view.ts";
import type { TreeRow } from "../admin/orgTree.ts";

// ── Org tree ────────────────────────────────────────────────────────────────────────────────────────

export interface OrgTreeNode {
  row: TreeRow;
  children: OrgTreeNode[];
}

/** Nested nodes from the flat rows (parents first); a row whose parent is out of scope is a root. */
export function orgTree(places: readonly TreeRow[]): OrgTreeNode[] {
  const nodes = new Map(places.map((row) => [row.id, { row, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const row of places) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId !== null ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids from the top of the reader's tree down to `id` (to open the branches leading to a selection). */
export function orgTrail(places: readonly TreeRow[], id: number | undefined): number[] {
  const row = places.find((p) => p.id === id);
  if (!row) return [];
  const known = new Set(places.map((p) => p.id));
  return row.path
    .split("/")
    .filter(Boolean)
    .map(Number)
    .filter((n) => known.has(n));
}

// ── Address tree ────────────────────────────────────────────────────────────────────────────────────

export const ADDRESS_LEVELS = ["estate", "building", "unit"] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number];

export type AddressFilter = NonNullable<ViewQuery["address"]>;

/** The facet column of one level of an address field. */
export const levelColumn = (field: string, level: AddressLevel) => `${field}$${level}`;

export interface AddressNode {
  value: string;
  count: number;
  /** Undefined until the level below was counted; units have none. */
  children?: AddressNode[];
}

/** The level below a path of values: [] → 小区, [小区] → 楼, [小区, 楼] → 单元. */
export const levelBelow = (at: readonly string[]): AddressLevel | undefined => ADDRESS_LEVELS[at.length];

/** The address filter a path of values stands for; undefined for the empty path. */
export function addressFilter(field: string, at: readonly string[]): AddressFilter | undefined {
  const [estate, building, unit] = at;
  if (estate === undefined) return undefined;
  return {
    field,
    estate,
    ...(building !== undefined ? { building } : {}),
    ...(building !== undefined && unit !== undefined ? { unit } : {}),
  };
}

/** The path of values an address filter selects ([] when it is about another field or absent). */
export function addressPath(address: AddressFilter | undefined, field: string): string[] {
  if (!address || address.field !== field) return [];
  const out = [address.estate];
  if (address.building !== undefined) {
    out.push(address.building);
    if (address.unit !== undefined) out.push(address.unit);
  }
  return out;
}

/**
 * The facet request that lists the level below `at`: the grid's query with its own address filter
 * replaced by the branch being opened (so the whole tree stays visible whatever is selected).
 */
export function levelRequest(
  query: ViewQuery,
  field: string,
  at: readonly string[],
): { query: ViewQuery; fields: string[] } | undefined {
  const level = levelBelow(at);
  if (!level) return undefined;
  const { address: _address, sort: _sort, ...rest } = query;
  const address = addressFilter(field, at);
  return { query: address ? { ...rest, address } : rest, fields: [levelColumn(field, level)] };
}

// 1号楼, 2号楼 … 10号楼: numbers inside names in their natural order.
const natural = new Intl.Collator("zh-CN", { numeric: true });

/** The nodes of a level from its facet: records without that part are left out (they cannot be picked). */
export function levelNodes(facet: Facet | undefined): AddressNode[] {
  return (facet?.values ?? [])
    .filter((v): v is typeof v & { code: string } => v.code !== null && v.code !== "")
    .map((v) => ({ value: v.code, count: v.count }))
    .sort((a, b) => natural.compare(a.value, b.value));
}

/** The node a path of values leads to. */
export function addressNodeAt(tree: readonly AddressNode[], at: readonly string[]): AddressNode | undefined {
  let list: readonly AddressNode[] | undefined = tree;
  let node: AddressNode | undefined;
  for (const value of at) {
    node = list?.find((n) => n.value === value);
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

/** A copy of the tree with the children of the node at `at` set (the top level for the empty path). */
export function withChildren(
  tree: readonly AddressNode[],
  at: readonly string[],
  children: AddressNode[],
): AddressNode[] {
  if (at.length === 0) return children;
  const [head, ...rest] = at;
  return tree.map((node) =>
    node.value === head
      ? {
          ...node,
          children: rest.length === 0 ? children : withChildren(node.children ?? [], rest, children),
        }
      : node,
  );
}
