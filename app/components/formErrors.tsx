// Reading a runForm error in a form: a notice on top, a localised message beside each field.
import { useTranslation } from "react-i18next";
import { localMessage } from "./format.ts";
import { Notice } from "./ui.tsx";
import { useRoot } from "./useRoot.ts";

type ErrorData = { error: { code: string; message: string; fields?: Record<string, string> } };

export function isErrorData(value: unknown): value is ErrorData {
  return typeof value === "object" && value !== null && "error" in value;
}

/** A refusal runForm tagged with the form it came from and what was typed there. */
export type FormFailure<V = Record<string, string>> = ErrorData & { form: string; values?: V };

/** The refusal of `form` in a page's action data, or undefined (pass it to useFormErrors). */
export function failureOf<V = Record<string, string>>(
  actionData: unknown,
  form: string,
): FormFailure<V> | undefined {
  return isErrorData(actionData) && (actionData as { form?: unknown }).form === form
    ? (actionData as FormFailure<V>)
    : undefined;
}

/**
 * `shown` names the fields the form displays; messages for any other field go into the notice,
 * so no problem is left unexplained.
 */
export function useFormErrors(actionData: unknown, shown: readonly string[]) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const failure = isErrorData(actionData) ? actionData.error : null;
  const fields = failure?.fields ?? {};
  const local = (m: string) => localMessage(m, lang);
  const hidden = Object.entries(fields).filter(([name]) => !shown.includes(name));
  let text: string | null = null;
  if (failure) {
    // parseInput's own summary ("输入有误 …") says less than the fields; other messages say what happened.
    if (Object.keys(fields).length === 0 || failure.code !== "invalid") text = local(failure.message);
    else if (hidden.length === 0) text = t("admin.form.invalid");
    else text = hidden.map(([, m]) => local(m)).join("；");
  }
  return {
    failed: failure !== null,
    notice: text ? <Notice kind="error">{text}</Notice> : null,
    field: (name: string): string | undefined => (fields[name] ? local(fields[name]) : undefined),
  };
}
