// One shape for every normaliser and validator failure, so forms and the importer report them alike.
// The message is Chinese, then English after " / ", like the rest of the app (see app/core/errors.ts).

export interface Problem<C extends string = string> {
  ok: false;
  code: C;
  message: string;
}

export function problem<C extends string>(code: C, zh: string, en: string): Problem<C> {
  return { ok: false, code, message: `${zh} / ${en}` };
}

/** Blank input gets its own code so callers can apply "required" rules instead of format rules. */
export const empty = (zhWhat: string, enWhat: string): Problem<"empty"> =>
  problem("empty", `${zhWhat}为空`, `${enWhat} is empty`);
