// Successes of the schema pages, which carry many small forms on one page: a success names what changed,
// for the notice. (Refusals are tagged with their form by runForm and read with failureOf.)

export type Done = { done: string; name: string; at: number; link?: string };

/** The success in the page's action data, if the last submission succeeded. */
export function doneOf(actionData: unknown): Done | undefined {
  const done = actionData as Done | undefined;
  return done && typeof done === "object" && "done" in done ? done : undefined;
}
