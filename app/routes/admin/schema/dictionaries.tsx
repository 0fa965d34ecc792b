// Dictionaries 字典: the option lists single and multiple choice fields offer; create a new one.
import { useTranslation } from "react-i18next";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { adminTitle } from "../../../components/admin/meta.ts";
import { EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { CreateDictionaryForm, DictionaryList } from "../../../components/schema/DictionaryList.tsx";
import { DoneNotice } from "../../../components/schema/DoneNotice.tsx";
import { doneOf } from "../../../components/schema/formResult.ts";
import { Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { createDictionary, listDictionaries } from "../../../schema/dictionaries.server.ts";
import type { Route } from "./+types/dictionaries";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const dictionaries = await run(() => listDictionaries(context.services, caller));
  return {
    dictionaries: dictionaries.map(({ options, id, ...d }) => ({ ...d, optionCount: options.length })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const { _csrf, ...fields } = formToObject(await request.formData());
  return runForm(
    async () => {
      const dictionary = await createDictionary(context.services, caller, fields);
      return {
        done: "created",
        name: dictionary.name,
        at: Date.now(),
        link: `/admin/dictionaries/${dictionary.key}`,
      };
    },
    { form: "create", values: fields },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return adminTitle(matches, "dictionaries");
}

export default function Dictionaries({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const canWrite = useRoot().user?.actions.includes("schema.write") ?? false;
  const { dictionaries } = loaderData;
  const done = doneOf(actionData);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <PageHeader title={t("admin.titles.dictionaries")} description={t("schema.dicts.intro")} />
      {done ? (
        <DoneNotice
          text={t("schema.dicts.created", { name: done.name })}
          link={done.link}
          linkText={t("schema.dicts.open")}
        />
      ) : null}
      {canWrite ? null : <Notice>{t("schema.readOnly")}</Notice>}
      {dictionaries.length === 0 ? (
        <EmptyState>{t("schema.dicts.empty")}</EmptyState>
      ) : (
        <DictionaryList dictionaries={dictionaries} />
      )}
      {canWrite ? <CreateDictionaryForm actionData={actionData} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
