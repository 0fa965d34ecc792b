// The condition builder's tree of AND/OR groups, edited immutably by path. A path is the list of item
// indices from the root group down to a node: [] is the root, [2, 0] the first item of the third item.
// Pure: the builder, its tests and the summary line share it.
import type { Condition, FilterGroup, FilterNode } from "../../query/view.ts";
import { isOperatorId, OPERATORS, type OperatorId } from "../../schema/field-types/operators.ts";
import type { GridField } from "../grid/types.ts";

export type Path = readonly number[];

/** The engine's limits (the compiler refuses deeper or larger filters). */
export const MAX_DEPTH = 6;
export const MAX_CONDITIONS = 200;

export const emptyGroup = (join: FilterGroup["join"] = "and"): FilterGroup => ({
  kind: "group",
  join,
  items: [],
});

export const isGroup = (node: FilterNode): node is FilterGroup => node.kind === "group";

export const samePath = (a: Path, b: Path) => a.length === b.length && a.every((n, i) => n === b[i]);

/** The node at `path`, or undefined when the path leads nowhere. */
export function nodeAt(root: FilterGroup, path: Path): FilterNode | undefined {
  let node: FilterNode = root;
  for (const index of path) {
    if (!isGroup(node)) return undefined;
    const next: FilterNode | undefined = node.items[index];
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** A copy of the tree with the node at `path` replaced by `fn(node)`; unchanged if the path leads nowhere. */
export function updateAt(root: FilterGroup, path: Path, fn: (node: FilterNode) => FilterNode): FilterGroup {
  const walk = (node: FilterNode, depth: number): FilterNode => {
    if (depth === path.length) return fn(node);
    if (!isGroup(node)) return node;
    const index = path[depth]!;
    if (index < 0 || index >= node.items.length) return node;
    const items = node.items.slice();
    items[index] = walk(node.items[index]!, depth + 1);
    return { ...node, items };
  };
  const out = walk(root, 0);
  return isGroup(out) ? out : root;
}

/** Add `node` at the end of the group at `groupPath`. */
export function appendTo(root: FilterGroup, groupPath: Path, node: FilterNode): FilterGroup {
  return updateAt(root, groupPath, (group) =>
    isGroup(group) ? { ...group, items: [...group.items, node] } : group,
  );
}

/** Remove the node at `path` (the root itself cannot be removed: it is emptied instead). */
export function removeAt(root: FilterGroup, path: Path): FilterGroup {
  if (path.length === 0) return { ...root, items: [] };
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return updateAt(root, parent, (group) =>
    isGroup(group) ? { ...group, items: group.items.filter((_, i) => i !== index) } : group,
  );
}

/** Switch a group between 并且 (and) and 或者 (or). */
export function setJoin(root: FilterGroup, groupPath: Path, join: FilterGroup["join"]): FilterGroup {
  return updateAt(root, groupPath, (group) => (isGroup(group) ? { ...group, join } : group));
}

/** Replace the condition at `path` with `patch` applied. */
export function updateCondition(
  root: FilterGroup,
  path: Path,
  fn: (condition: Condition) => Condition,
): FilterGroup {
  return updateAt(root, path, (node) => (isGroup(node) ? node : fn(node)));
}

/** Depth of the node at `path` counted in groups: the root group is 1. */
export const groupDepth = (path: Path) => path.length + 1;

/** Whether a group may be added inside the group at `groupPath`. */
export const canNestIn = (groupPath: Path) => groupDepth(groupPath) < MAX_DEPTH;

export function countConditions(node: FilterNode): number {
  return isGroup(node) ? node.items.reduce((n, item) => n + countConditions(item), 0) : 1;
}

/** The operators the builder offers for a field: the field's own, as the registry knows them. */
export function fieldOperators(field: GridField | undefined): OperatorId[] {
  return (field?.operators ?? []).filter(isOperatorId);
}

/** The operator a new condition on `field` starts with: equality or containment rather than "is empty". */
export function defaultOperator(field: GridField): OperatorId | undefined {
  const ops = fieldOperators(field);
  const preferred: OperatorId[] = ["eq", "has_any", "contains", "before"];
  return preferred.find((op) => ops.includes(op)) ?? ops[0];
}

/** A fresh condition on `field` (or on no field yet), its operand empty. */
export function newCondition(field?: GridField): Condition {
  const op = field ? defaultOperator(field) : undefined;
  return { kind: "condition", field: field?.key ?? "", op: op ?? "eq" };
}

const operandOf = (op: string) => (isOperatorId(op) ? OPERATORS[op].operand : undefined);

/** Operand dropped: what a condition keeps when what it compares with no longer fits. */
const bare = (c: Condition): Condition => ({ kind: "condition", field: c.field, op: c.op });

/** Another field: keep the operator if the new field offers it, and the operand only for the same type. */
export function changeField(condition: Condition, field: GridField, previous?: GridField): Condition {
  const ops = fieldOperators(field);
  const op = ops.includes(condition.op) ? condition.op : (defaultOperator(field) ?? condition.op);
  const keep = previous !== undefined && previous.type === field.type && op === condition.op;
  return keep ? { ...condition, field: field.key } : { kind: "condition", field: field.key, op };
}

/** Another operator: the operand stays when it is of the same kind (≥ 70 becomes > 70). */
export function changeOperator(condition: Condition, op: OperatorId): Condition {
  const same = operandOf(condition.op) === OPERATORS[op].operand;
  return same ? { ...condition, op } : { ...bare(condition), op };
}

/**
 * The filter to run: empty groups dropped, a group of one item kept as it is; undefined when no
 * condition is left.
 */
export function pruneFilter(root: FilterGroup | undefined): FilterGroup | undefined {
  if (!root) return undefined;
  const prune = (group: FilterGroup): FilterGroup => ({
    ...group,
    items: group.items
      .map((item) => (isGroup(item) ? prune(item) : item))
      .filter((item) => !isGroup(item) || item.items.length > 0),
  });
  const out = prune(root);
  return out.items.length > 0 ? out : undefined;
}

/** Every condition with its path, depth first. */
export function conditionsWithPaths(root: FilterGroup): { path: number[]; condition: Condition }[] {
  const out: { path: number[]; condition: Condition }[] = [];
  const walk = (group: FilterGroup, path: number[]) =>
    group.items.forEach((item, i) => {
      if (isGroup(item)) walk(item, [...path, i]);
      else out.push({ path: [...path, i], condition: item });
    });
  walk(root, []);
  return out;
}

/**
 * The condition a server message is about: the engine names it `filter.1.2` (1-based, dotted) in its
 * per-field messages. Null for keys about something else.
 */
export function pathFromServerKey(key: string): number[] | null {
  const match = /^filter\.(\d+(?:\.\d+)*)$/.exec(key);
  if (!match) return null;
  return match[1]!.split(".").map((n) => Number(n) - 1);
}
