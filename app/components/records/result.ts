// Action results of the record pages, which may carry several forms (the edit form, an add form per
// sub-table): a refusal names the form it belongs to and, for pages without JavaScript, what was typed.
import { data } from "react-router";
import type { ErrorBody } from "../../core/route.server.ts";
import type { FormInput } from "./form-values.ts";

type Failure = ReturnType<typeof data<ErrorBody>>;

export type RecordFailure = ErrorBody & { form: string; input?: FormInput };

function isFailure(result: unknown): result is Failure {
  return (
    typeof result === "object" &&
    result !== null &&
    (result as { type?: unknown }).type === "DataWithResponseInit" &&
    typeof (result as { data?: { error?: unknown } }).data?.error === "object"
  );
}

/** Tag runForm's refusal with its form (and the input to fill in again); a success passes through. */
export function tagFailure<T>(result: T | Failure, form: string, input?: FormInput) {
  if (!isFailure(result)) return result as T;
  const body: RecordFailure = { ...result.data, form, ...(input ? { input } : {}) };
  return data(body, result.init ?? undefined);
}

/** The refusal of `form` in the page's action data, or undefined (for useFormErrors). */
export function failureOf(actionData: unknown, form: string): RecordFailure | undefined {
  const failure = actionData as RecordFailure | undefined;
  return failure && typeof failure === "object" && "error" in failure && failure.form === form
    ? failure
    : undefined;
}

/** Record ids a form sent as repeated `ids` inputs or one comma-separated list. */
export function idsOf(form: FormData): string[] {
  return form
    .getAll("ids")
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
