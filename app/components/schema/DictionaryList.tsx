// Dictionaries as a list (name, English name, standard, option count, 内置), and the form to create one.
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { StatusBadge } from "../admin/Page.tsx";
import { failureOf, useFormErrors } from "../formErrors.tsx";
import { Button, Card, CsrfInput } from "../ui.tsx";
import { doneOf } from "./formResult.ts";
import { Checkbox, TextInput } from "./inputs.tsx";

/** What the list shows of a dictionary (not its options: some have dozens). */
export interface DictionarySummary {
  key: string;
  name: string;
  nameEn: string;
  standard?: string;
  multiple?: boolean;
  builtin: boolean;
  optionCount: number;
}

export function DictionaryList(props: { dictionaries: DictionarySummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
      {props.dictionaries.map((d) => (
        <li
          key={d.key}
          className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2.5 sm:px-4"
        >
          <div className="flex min-w-0 flex-col">
            <span className="flex flex-wrap items-center gap-2">
              <Link
                to={`/admin/dictionaries/${d.key}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {d.name}
              </Link>
              {d.builtin ? <StatusBadge tone="stone">{t("schema.dicts.builtin")}</StatusBadge> : null}
              {d.multiple ? <StatusBadge tone="green">{t("schema.dicts.multiple")}</StatusBadge> : null}
            </span>
            <span className="text-xs text-stone-500">
              {[d.nameEn, d.standard].filter(Boolean).join(" · ")}
            </span>
          </div>
          <span className="text-sm text-stone-600 tabular-nums">
            {t("schema.dicts.optionCount", { count: d.optionCount })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CreateDictionaryForm(props: { actionData: unknown }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failure = failureOf(props.actionData, "create");
  const errors = useFormErrors(failure, ["name", "nameEn"]);
  return (
    <Card title={t("schema.dicts.create")}>
      <Form key={doneOf(props.actionData)?.at ?? 0} method="post" className="flex flex-col gap-3">
        <CsrfInput />
        {errors.notice}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextInput
            id="dict-name"
            name="name"
            label={t("schema.dicts.name")}
            defaultValue={failure?.values?.name}
            error={errors.field("name")}
            required
          />
          <TextInput
            id="dict-name-en"
            name="nameEn"
            label={`${t("schema.dicts.nameEn")}（${t("schema.optional")}）`}
            defaultValue={failure?.values?.nameEn}
            error={errors.field("nameEn")}
          />
        </div>
        <Checkbox
          name="multiple"
          label={t("schema.dicts.multipleLabel")}
          defaultChecked={failure?.values?.multiple === "on"}
        />
        <div>
          <Button disabled={busy}>{t("schema.dicts.createSubmit")}</Button>
        </div>
      </Form>
    </Card>
  );
}
