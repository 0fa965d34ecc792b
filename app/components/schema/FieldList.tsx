// The fields in use, in display order, one row each (see FieldRow).
import { useTranslation } from "react-i18next";
import type { FieldDef } from "../../schema/tables.server.ts";
import { EmptyState } from "../admin/Page.tsx";
import { FieldRow } from "./FieldRow.tsx";

type Option = { value: string; label: string };

export function FieldList(props: {
  fields: FieldDef[];
  types: { id: string; readOnly: boolean }[];
  dictionaries: Option[];
  tables: Option[];
  canWrite: boolean;
  actionData: unknown;
}) {
  const { t } = useTranslation();
  if (props.fields.length === 0) return <EmptyState>{t("schema.fields.noFields")}</EmptyState>;
  const dictionaries = Object.fromEntries(props.dictionaries.map((d) => [d.value, d.label]));
  const tables = Object.fromEntries(props.tables.map((d) => [d.value, d.label]));
  const readOnly = new Set(props.types.filter((x) => x.readOnly).map((x) => x.id));
  return (
    <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
      {props.fields.map((field, i) => (
        <FieldRow
          key={field.id}
          field={field}
          dictionaries={dictionaries}
          tables={tables}
          readOnlyType={readOnly.has(field.type)}
          first={i === 0}
          last={i === props.fields.length - 1}
          canWrite={props.canWrite}
          actionData={props.actionData}
        />
      ))}
    </ol>
  );
}
