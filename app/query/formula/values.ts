// Values formulas give, shared by the interpreter and its functions.

export type FormulaResult = number | string | boolean | null;

/** Numbers that overflow to ±Infinity (or NaN) are blank, as SQL would refuse them; -0 is 0. */
export const finite = (n: number): number | null => (Number.isFinite(n) ? n || 0 : null);

/** How a number shows inside text: JavaScript's shortest form (3, 1.5, 0.1). */
export const asText = (v: FormulaResult): string => (v === null ? "" : String(v));
