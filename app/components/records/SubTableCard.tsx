// One sub-table under a record (家庭成员, 走访记录 …): its rows, and a form to add one.
import { useTranslation } from "react-i18next";
import type { FormFailure } from "../formErrors.tsx";
import { Card } from "../ui.tsx";
import type { FormField, FormInput } from "./form-values.ts";
import type { DictionaryOptions } from "./options.ts";
import { RecordForm } from "./RecordForm.tsx";
import { RecordRows, type RowView } from "./RecordRows.tsx";

export const subFormId = (key: string) => `sub-${key}`;

export function SubTableCard(props: {
  table: { key: string; name: string };
  fields: readonly FormField[];
  columns: readonly FormField[];
  rows: readonly RowView[];
  dictionaries: DictionaryOptions;
  failure?: FormFailure<FormInput>;
  /** Bumped after a row was added, so the add form starts empty again. */
  resetKey: string;
  canWrite: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { table } = props;
  return (
    <Card title={`${table.name}（${props.rows.length}）`}>
      {props.rows.length === 0 ? (
        <p className="text-sm text-stone-500">{t("records.record.noSubRows")}</p>
      ) : (
        <RecordRows rows={props.rows} columns={props.columns} caption={table.name} showOrg={false} />
      )}
      {props.canWrite ? (
        <details className="mt-3" open={props.failure !== undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
            + {t("records.record.addSubRow", { table: table.name })}
          </summary>
          <div className="mt-2">
            <RecordForm
              key={props.resetKey}
              formId={subFormId(table.key)}
              intent="addSub"
              fields={props.fields}
              dictionaries={props.dictionaries}
              defaults={{}}
              failure={props.failure}
              hidden={{ table: table.key }}
              submitLabel={t("records.record.addSubmit")}
              busy={props.busy}
            />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
