// Action results of the schema pages, which carry many small forms on one page (a rename per field, a
// colour per option …). A failure is tagged with the form that sent it, so only that form shows the
// errors; a success names what changed, for the notice. Works the same with and without JavaScript.
import { data } from "react-router";
import type { ErrorBody } from "../../core/route.server.ts";

/** What runForm gives back on bad input: the error body with its 4xx status. */
type Failure = ReturnType<typeof data<ErrorBody>>;

export type FormFailure = ErrorBody & {
  /** Which form failed, e.g. "add" or "field-12". */
  form: string;
  /** What the user typed, so a page rendered without JavaScript can fill the form in again. */
  values?: Record<string, string>;
};

export type Done = { done: string; name: string; at: number; link?: string };

function isFailure(result: unknown): result is Failure {
  return (
    typeof result === "object" &&
    result !== null &&
    (result as { type?: unknown }).type === "DataWithResponseInit" &&
    typeof (result as { data?: { error?: unknown } }).data?.error === "object"
  );
}

/** Tag runForm's failure with the form it belongs to; a success passes through unchanged. */
export function tagFailure<T>(result: T | Failure, form: string, values?: Record<string, string>) {
  if (!isFailure(result)) return result as T;
  const body: FormFailure = { ...result.data, form, ...(values ? { values } : {}) };
  return data(body, result.init ?? undefined);
}

/** The failure of `form` in the page's action data, or undefined (for useFormErrors). */
export function failureOf(actionData: unknown, form: string): FormFailure | undefined {
  const failure = actionData as FormFailure | undefined;
  return failure && typeof failure === "object" && "error" in failure && failure.form === form
    ? failure
    : undefined;
}

/** The success in the page's action data, if the last submission succeeded. */
export function doneOf(actionData: unknown): Done | undefined {
  const done = actionData as Done | undefined;
  return done && typeof done === "object" && "done" in done ? done : undefined;
}

/**
 * Form fields as sent, minus the named optional ones left blank: an empty "decimals" box means "not
 * given" (the type's default), not 0. Other blanks stay, so "请填写…" messages still fire.
 */
export function withoutBlanks(fields: Record<string, string>, optional: readonly string[]) {
  return Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => !(optional.includes(k) && v.trim() === "")),
  );
}
