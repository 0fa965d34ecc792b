// Removed fields, folded away under "已移除的字段": their data is kept, and 恢复 brings one back.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { FieldDef } from "../../schema/tables.server.ts";
import { formatMinute } from "../format.ts";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { CsrfInput } from "../ui.tsx";
import { smallButton } from "./inputs.tsx";

export function RemovedFields(props: { fields: FieldDef[]; canWrite: boolean; actionData: unknown }) {
  const { t } = useTranslation();
  const removed = props.fields.filter((f) => f.removedAt !== null);
  const failed = removed.some((f) => failureOf(props.actionData, `removed-${f.id}`));
  if (removed.length === 0) return null;
  return (
    <details
      open={failed ? true : undefined}
      className="rounded-lg border border-stone-200 bg-white shadow-sm"
    >
      <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-stone-700 select-none sm:px-4">
        {t("schema.fields.removed", { count: removed.length })}
      </summary>
      <ul className="divide-y divide-stone-100 border-t border-stone-100">
        {removed.map((field) => (
          <RemovedRow key={field.id} field={field} canWrite={props.canWrite} actionData={props.actionData} />
        ))}
      </ul>
    </details>
  );
}

function RemovedRow(props: { field: FieldDef; canWrite: boolean; actionData: unknown }) {
  const { t } = useTranslation();
  const { field } = props;
  const errors = useFormErrors(failureOf(props.actionData, `removed-${field.id}`), []);
  const busy = useNavigation().state === "submitting";
  return (
    <li className="flex flex-col gap-2 px-3 py-2 sm:px-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <span className="text-stone-700">{field.label}</span>{" "}
          <span className="text-sm text-stone-500">{t(`fieldTypes.${field.type}`)}</span>
          <p className="text-xs text-stone-500">
            {t("schema.fields.removedAt", { date: formatMinute(field.removedAt ?? 0) })}
          </p>
        </div>
        {props.canWrite ? (
          <Form method="post" preventScrollReset>
            <CsrfInput />
            <input type="hidden" name="intent" value="restoreField" />
            <input type="hidden" name="fieldId" value={field.id} />
            <button type="submit" disabled={busy} className={smallButton}>
              {t("schema.fields.restore")}
            </button>
          </Form>
        ) : null}
      </div>
      {errors.notice}
    </li>
  );
}
