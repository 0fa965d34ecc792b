// 模板打印: the templates one may print with — the office's own (and those of the offices above and
// below it), then the built-in ones — each with 打印, 设计 / 查看, 复制, 导出 and 删除; importing a template
// file another office exported; the way to a new template.
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { buttonLink, EmptyState, PageHeader } from "../../../components/admin/Page.tsx";
import { useFormErrors } from "../../../components/formErrors.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import {
  copyTemplate,
  deleteTemplate,
  importTemplate,
  listTemplates,
  type TemplateSummary,
} from "../../../print/templates.server.ts";
import type { Route } from "./+types/templates";

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const templates = await run(() => listTemplates(context.services, caller));
  const done = new URL(request.url).searchParams;
  return {
    templates,
    copied: done.get("copied"),
    imported: done.get("imported"),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const { services } = context;
  return runForm(async () => {
    if (intent === "import") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0)
        throw invalid("请选择模板文件 / Choose a template file", { file: "请选择模板文件 / Choose a file" });
      const imported = await importTemplate(services, caller, await file.text());
      return redirect(`/admin/print?imported=${encodeURIComponent(imported.name)}`);
    }
    const ref = String(form.get("ref") ?? "");
    if (intent === "copy") {
      const copy = await copyTemplate(services, caller, ref);
      return redirect(`/admin/print/templates/${encodeURIComponent(copy.ref)}?copied=1`);
    }
    if (intent === "delete") {
      await deleteTemplate(services, caller, ref);
      return { deleted: String(form.get("name") ?? "") };
    }
    throw invalid("未知操作 / Unknown operation");
  });
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("print.title")} · ${t("admin.shell.console")}` }];
}

const actionLink =
  "inline-flex min-h-10 items-center rounded-md px-2.5 text-sm font-medium text-brand-700 hover:bg-brand-50";

function TemplateCard(props: { template: TemplateSummary; canDesign: boolean; busy: boolean }) {
  const { t } = useTranslation();
  const { template: tpl, canDesign, busy } = props;
  const page = `/admin/print/templates/${encodeURIComponent(tpl.ref)}`;
  return (
    <li
      className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-template={tpl.ref}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold text-stone-900">{tpl.name}</h3>
        <span className="shrink-0 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600">
          {t(`print.category.${tpl.category}`)}
        </span>
      </div>
      <p className="mt-1 line-clamp-3 flex-1 text-sm text-stone-500">{tpl.description}</p>
      <p className="mt-2 text-xs text-stone-400">
        {tpl.builtin ? t("print.builtinTag") : t("print.ownerTag", { owner: tpl.owner ?? "" })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-1 border-t border-stone-100 pt-2">
        <Link to={`/admin/print/new?template=${encodeURIComponent(tpl.ref)}`} className={buttonLink.primary}>
          {t("print.actions.print")}
        </Link>
        <Link to={page} className={actionLink}>
          {tpl.editable ? t("print.actions.edit") : t("print.actions.view")}
        </Link>
        {canDesign ? (
          <Form method="post" className="contents">
            <CsrfInput />
            <input type="hidden" name="ref" value={tpl.ref} />
            <button type="submit" name="intent" value="copy" disabled={busy} className={actionLink}>
              {t("print.actions.copy")}
            </button>
          </Form>
        ) : null}
        {!tpl.builtin ? (
          <a
            href={`/api/v1/print-templates/${encodeURIComponent(tpl.ref)}/file`}
            className={actionLink}
            download
          >
            {t("print.actions.export")}
          </a>
        ) : null}
        {tpl.editable ? (
          <Form
            method="post"
            className="contents"
            onSubmit={(e) => {
              if (!window.confirm(t("print.actions.confirmDelete", { name: tpl.name }))) e.preventDefault();
            }}
          >
            <CsrfInput />
            <input type="hidden" name="ref" value={tpl.ref} />
            <input type="hidden" name="name" value={tpl.name} />
            <button
              type="submit"
              name="intent"
              value="delete"
              disabled={busy}
              className="inline-flex min-h-10 items-center rounded-md px-2.5 text-sm font-medium text-red-700 hover:bg-red-50"
            >
              {t("print.actions.delete")}
            </button>
          </Form>
        ) : null}
      </div>
    </li>
  );
}

export default function PrintTemplatesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { templates, imported } = loaderData;
  const busy = useNavigation().state === "submitting";
  const canDesign = useRoot().user?.actions.includes("print.design") ?? false;
  const errors = useFormErrors(actionData, []);
  const deleted = actionData && "deleted" in actionData ? actionData.deleted : null;
  const mine = templates.filter((tpl) => !tpl.builtin);
  const builtin = templates.filter((tpl) => tpl.builtin);
  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <PageHeader
        title={t("print.title")}
        description={t("print.intro")}
        actions={
          canDesign ? (
            <Link to="/admin/print/templates/new" className={buttonLink.primary}>
              {t("print.newTemplate")}
            </Link>
          ) : null
        }
      />
      {errors.notice}
      {deleted ? <Notice kind="success">{t("print.deleted", { name: deleted })}</Notice> : null}
      {imported ? <Notice kind="success">{t("print.imported", { name: imported })}</Notice> : null}

      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">{t("print.mine")}</h2>
        {mine.length === 0 ? (
          <EmptyState>{t("print.noneMine")}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {mine.map((tpl) => (
              <TemplateCard key={tpl.ref} template={tpl} canDesign={canDesign} busy={busy} />
            ))}
          </ul>
        )}
        {canDesign ? (
          <Form
            method="post"
            encType="multipart/form-data"
            className="flex flex-wrap items-center gap-2 text-sm text-stone-600"
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="import" />
            <label className="flex flex-wrap items-center gap-2">
              <span>{t("print.importHint")}</span>
              <input type="file" name="file" accept=".json,application/json" className="text-sm" />
            </label>
            <button type="submit" disabled={busy} className={buttonLink.secondary}>
              {t("print.importTemplate")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">{t("print.builtin")}</h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {builtin.map((tpl) => (
            <TemplateCard key={tpl.ref} template={tpl} canDesign={canDesign} busy={busy} />
          ))}
        </ul>
      </section>
    </div>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
