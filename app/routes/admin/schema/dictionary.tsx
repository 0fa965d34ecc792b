// One dictionary's options; staff who may edit add, rename and recolour options and merge duplicates.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { PageHeader, StatusBadge } from "../../../components/admin/Page.tsx";
import { failureOf, useFormErrors } from "../../../components/formErrors.tsx";
import { DoneNotice } from "../../../components/schema/DoneNotice.tsx";
import { type Done, doneOf } from "../../../components/schema/formResult.ts";
import { AddOptionForm, MergeOptionsForm } from "../../../components/schema/OptionForms.tsx";
import { OptionList } from "../../../components/schema/OptionList.tsx";
import { Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { addOption, getDictionary, mergeOptions, updateOption } from "../../../schema/dictionaries.server.ts";
import type { Route } from "./+types/dictionary";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  return { dictionary: await run(() => getDictionary(context.services, caller, params.key)) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { _csrf, intent, code, ...fields } = formToObject(await request.formData());
  const { services } = context;
  const label = (options: { code: string; label: string }[], wanted?: string) =>
    options.find((o) => o.code === wanted)?.label ?? "";
  const form =
    intent === "updateOption"
      ? `option-${code}`
      : intent === "mergeOptions"
        ? "merge"
        : intent === "addOption"
          ? "add"
          : "page";
  return runForm(
    async (): Promise<Done> => {
      const at = Date.now();
      switch (intent) {
        case "addOption": {
          const dictionary = await addOption(services, caller, params.key, fields);
          return { done: "added", name: dictionary.options.at(-1)?.label ?? "", at };
        }
        case "updateOption": {
          const dictionary = await updateOption(services, caller, params.key, code ?? "", fields);
          return { done: "updated", name: label(dictionary.options, code), at };
        }
        case "mergeOptions": {
          const dictionary = await mergeOptions(services, caller, params.key, fields);
          return { done: "merged", name: label(dictionary.options, fields.into), at };
        }
        default:
          throw invalid("未知操作 / Unknown operation");
      }
    },
    { form, values: fields },
  );
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return adminTitle(matches, "dictionary", loaderData?.dictionary.name);
}

export default function DictionaryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canWrite = useRoot().user?.actions.includes("schema.write") ?? false;
  const { dictionary } = loaderData;
  const done = doneOf(actionData);
  const pageErrors = useFormErrors(failureOf(actionData, "page"), []);
  const twoLevel = dictionary.options.some((o) => o.parent);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {dictionary.name}
            {dictionary.builtin ? <StatusBadge tone="stone">{t("schema.dicts.builtin")}</StatusBadge> : null}
            {dictionary.multiple ? (
              <StatusBadge tone="green">{t("schema.dicts.multiple")}</StatusBadge>
            ) : null}
          </span>
        }
        description={[
          dictionary.nameEn,
          t("schema.dict.count", { count: dictionary.options.length }),
          dictionary.standard ? t("schema.dict.standardNote", { standard: dictionary.standard }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <Link to="/admin/dictionaries" className="text-sm text-brand-700 hover:underline">
            ← {t("schema.dict.back")}
          </Link>
        }
      />
      {done ? <DoneNotice text={t(`schema.dict.done.${done.done}`, { name: done.name })} /> : null}
      {pageErrors.notice}
      {canWrite ? null : <Notice>{t("schema.readOnly")}</Notice>}
      {twoLevel ? <p className="text-sm text-stone-600">{t("schema.dict.twoLevel")}</p> : null}
      <OptionList options={dictionary.options} canWrite={canWrite} actionData={actionData} />
      {canWrite ? (
        <>
          <AddOptionForm options={dictionary.options} actionData={actionData} />
          <MergeOptionsForm options={dictionary.options} actionData={actionData} />
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
