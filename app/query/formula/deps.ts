// Dependencies between formulas: which fields one reads, and refusing a formula that reads itself
// through others.
import type { Checked, CheckedFormula } from "./checked.ts";

/** The keys of the fields a checked formula reads, each once, in order of first use. */
export function formulaFields(formula: CheckedFormula): string[] {
  const keys = new Set<string>();
  const walk = (node: Checked): void => {
    if (node.kind === "field") keys.add(node.key);
    else if (node.kind === "unary") walk(node.operand);
    else if (node.kind === "binary") {
      walk(node.left);
      walk(node.right);
    } else if (node.kind === "call") node.args.forEach(walk);
  };
  walk(formula.ast);
  return [...keys];
}

/**
 * A cycle among formula fields (key → keys it reads), as the path that closes it (["a", "b", "a"]),
 * or null. Keys that are not formulas end a path.
 */
export function findCycle(formulas: ReadonlyMap<string, Iterable<string>>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (key: string): string[] | null => {
    if (onPath.has(key)) return [...path.slice(path.indexOf(key)), key];
    if (done.has(key) || !formulas.has(key)) return null;
    path.push(key);
    onPath.add(key);
    for (const dep of formulas.get(key)!) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(key);
    done.add(key);
    return null;
  };
  for (const key of formulas.keys()) {
    const cycle = visit(key);
    if (cycle) return cycle;
  }
  return null;
}
