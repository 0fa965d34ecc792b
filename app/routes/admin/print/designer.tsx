// 模板设计: one print template edited whole in the browser — the paper, margins and grid of labels, the
// default values, the elements of one label on a canvas drawn to scale (click, drag, arrow keys) with an
// inspector for the selected one — and beside it the PDF exactly as the server makes it for a record of
// the caller's scope. Saving checks the template against the table's fields; what is wrong is shown at
// the control or element concerned. Built-in templates (and those of offices above) are read-only: they
// can be previewed, and copied to change.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useBlocker, useNavigation, useSearchParams } from "react-router";
import { authorize } from "../../../auth/access.server.ts";
import { can } from "../../../auth/permissions.ts";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { buttonLink, PageHeader } from "../../../components/admin/Page.tsx";
import { subtleLink } from "../../../components/channels/controls.tsx";
import { localMessage } from "../../../components/format.ts";
import { failureOf } from "../../../components/formErrors.tsx";
import { DesignerCanvas } from "../../../components/print/DesignerCanvas.tsx";
import {
  addElement,
  blankTemplate,
  type Draft,
  draftOf,
  duplicateElement,
  moveElement,
  newElement,
  noErrors,
  patchElement,
  removeElement,
  type SortedErrors,
  sampleValues,
  sortErrors,
  stableJson,
  withTemplate,
} from "../../../components/print/designerModel.ts";
import { ElementInspector } from "../../../components/print/ElementInspector.tsx";
import { ElementList } from "../../../components/print/ElementList.tsx";
import { DefaultsEditor, PaperPanel, TemplateSettings } from "../../../components/print/PaperPanel.tsx";
import { PdfPreview, previewBody } from "../../../components/print/PdfPreview.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { previewRecords } from "../../../print/jobs.server.ts";
import {
  type ElementType,
  labelSize,
  layoutProblems,
  type PrintElement,
  type PrintTemplate,
  TEMPLATE_CATEGORIES,
  type TemplateCategory,
} from "../../../print/template.ts";
import {
  copyTemplate,
  createTemplate,
  getTemplate,
  templateFields,
  updateTemplate,
} from "../../../print/templates.server.ts";
import { loadTable } from "../../../schema/tables.server.ts";
import type { Route } from "./+types/designer";

/** Records offered to preview with. */
const PREVIEW_RECORDS = 20;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const ref = params.ref ?? null;
  let found: { builtin: boolean; editable: boolean; owner: string | null; template: PrintTemplate };
  if (ref) found = await run(() => getTemplate(services, caller, ref));
  else {
    await run(() => authorize(services, caller, "print.design"));
    const asked = new URL(request.url).searchParams.get("category");
    const category = TEMPLATE_CATEGORIES.find((c) => c === asked) ?? "other";
    found = {
      builtin: false,
      editable: true,
      owner: null,
      template: blankTemplate(category as TemplateCategory),
    };
  }
  const { template } = found;
  const table = await run(() => loadTable(services.db, template.table));
  // The names without this template's defaults: the page adds those as they are edited.
  const fields = await run(() => templateFields(services, caller, template.table, {}));
  const records = await run(() => previewRecords(services, caller, table, PREVIEW_RECORDS));
  return {
    ref,
    builtin: found.builtin,
    editable: found.editable,
    owner: found.owner,
    template,
    names: fields.names,
    photoFields: fields.photoFields,
    records,
    canCopy: ref !== null && can(caller.actor.role, "print.design"),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const f = formToObject(await request.formData());
  const { services } = context;
  const ref = params.ref ?? null;
  if (f.intent === "copy") {
    const result = await runForm(() => copyTemplate(services, caller, ref ?? ""), { form: "copy" });
    if ("ref" in result) return redirect(`/admin/print/templates/${encodeURIComponent(result.ref)}?copied=1`);
    return result;
  }
  const result = await runForm(
    async () => {
      if (f.intent !== "save") throw invalid("未知操作 / Unknown operation");
      let input: unknown;
      try {
        input = JSON.parse(f.template ?? "");
      } catch {
        throw invalid(
          "模板内容无法读取，请刷新页面后重试 / The template could not be read: reload the page and try again",
        );
      }
      const saved = ref
        ? await updateTemplate(services, caller, ref, input)
        : await createTemplate(services, caller, input, "designer");
      return { saved };
    },
    { form: "save" },
  );
  if (!ref && "saved" in result)
    return redirect(`/admin/print/templates/${encodeURIComponent(result.saved.ref)}?saved=1`);
  return result;
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
  const t = metaT(matches);
  const name = loaderData?.template.name;
  const title = name ? t("print.designer.titleOf", { name }) : t("print.designer.newTitle");
  return [{ title: `${title} · ${t("admin.shell.console")}` }];
}

export default function DesignerPage(props: Route.ComponentProps) {
  // A new template saved becomes another page (its ref): start afresh there.
  return <Designer key={props.loaderData.ref ?? "new"} {...props} />;
}

type Data = Route.ComponentProps["loaderData"];

function Designer({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { lang, csrfToken } = useRoot();
  const data: Data = loaderData;
  const { editable, ref } = data;
  const [draft, setDraft] = useState<Draft>(() => draftOf(data.template));
  const [baseline, setBaseline] = useState(() => stableJson(data.template));
  const [selected, setSelected] = useState<number | null>(null);
  const [recordId, setRecordId] = useState<number | null>(data.records[0]?.id ?? null);
  const [fullSheet, setFullSheet] = useState(false);
  const [sample, setSample] = useState(false);
  const [saveErrors, setSaveErrors] = useState<SortedErrors>(noErrors);
  const [previewErrors, setPreviewErrors] = useState<SortedErrors>(noErrors);
  const [saveNotice, setSaveNotice] = useState<string[] | null>(null);
  const [defaultsKey, setDefaultsKey] = useState(0);
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const template = draft.template;
  const json = useMemo(() => stableJson(template), [template]);
  const dirty = editable && json !== baseline;
  const names = useMemo(
    () => [...new Set([...data.names, ...Object.keys(template.defaults)])],
    [data.names, template.defaults],
  );

  // ---- Saving, and leaving unsaved -----------------------------------------------------------------
  const hidden = useRef<HTMLInputElement>(null);
  const sent = useRef<{ ids: number[]; template: PrintTemplate }>({ ids: draft.ids, template });
  const saving = useRef(false);
  useEffect(() => {
    if (navigation.state === "idle") saving.current = false;
  }, [navigation.state]);
  const failure = failureOf(actionData, "save") ?? failureOf(actionData, "copy");
  useEffect(() => {
    if (!actionData) return;
    if ("saved" in actionData) {
      const saved = actionData.saved.template;
      setDraft((d) => (d.ids.length === saved.elements.length ? { ...d, template: saved } : draftOf(saved)));
      setBaseline(stableJson(saved));
      setDefaultsKey((n) => n + 1);
      setSaveErrors(noErrors);
      setSaveNotice(null);
    } else if (failure) {
      const fields = failure.error.fields;
      setSaveErrors(sortErrors(fields, sent.current.ids));
      setSaveNotice(describe(fields, failure.error.message, sent.current.template));
    }
  }, [actionData]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("print.designer.leave"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** The server's field errors as the notice on top lists them: where, then what. */
  function describe(
    fields: Record<string, string> | undefined,
    message: string,
    sentTemplate: PrintTemplate,
  ) {
    const entries = Object.entries(fields ?? {});
    if (entries.length === 0) return [localMessage(message, lang)];
    return entries.map(([path, text]) => {
      const local = localMessage(text, lang);
      const m = /^elements\.(\d+)/.exec(path);
      if (m) {
        const el = sentTemplate.elements[Number(m[1])];
        const name = el?.name || (el ? t(`print.designer.types.${el.type}`) : `#${Number(m[1]) + 1}`);
        if (local.includes(`「${name}」`) || local.includes(`"${name}"`)) return local;
        return `${t("print.designer.where.element", { name })}：${local}`;
      }
      const area = path.split(".")[0]!;
      const known = [
        "name",
        "description",
        "category",
        "table",
        "paper",
        "margins",
        "grid",
        "defaults",
        "elements",
      ];
      return known.includes(area) ? `${t(`print.designer.where.${area}`)}：${local}` : local;
    });
  }

  // ---- Errors, from the last save and the last preview ---------------------------------------------
  const fieldError = (path: string) => {
    const text = saveErrors.other[path] ?? previewErrors.other[path];
    return text ? localMessage(text, lang) : undefined;
  };
  const elementErrors = (id: number): Record<string, string> => {
    const own = { ...previewErrors.elements.get(id), ...saveErrors.elements.get(id) };
    return Object.fromEntries(Object.entries(own).map(([k, v]) => [k, localMessage(v, lang)]));
  };
  const faulty = new Set([...saveErrors.elements.keys(), ...previewErrors.elements.keys()]);
  const problems = layoutProblems(template).filter((p) => p.path !== "grid" || !fieldError("grid"));

  // ---- Editing ---------------------------------------------------------------------------------------
  const change = (fn: (t: PrintTemplate) => PrintTemplate) => setDraft((d) => withTemplate(d, fn));
  const patch = (index: number, p: Partial<PrintElement>) => setDraft((d) => patchElement(d, index, p));
  const typeLabel = (type: ElementType) => t(`print.designer.types.${type}`);
  function nameFor(type: ElementType) {
    const count = template.elements.filter((el) => el.type === type).length;
    return count === 0 ? typeLabel(type) : `${typeLabel(type)} ${count + 1}`;
  }
  function add(element: PrintElement) {
    const next = addElement(draft, element);
    setDraft(next.draft);
    pick(next.id);
  }
  function addImage(src: string, size: { width: number; height: number }) {
    const label = labelSize(template);
    const base = newElement("image", { names, label: nameFor("image") });
    let width = Math.min(30, Math.max(5, label.width - 10));
    let height = (width * size.height) / size.width;
    const room = Math.max(5, label.height - 10);
    if (height > room) {
      width = (width * room) / height;
      height = room;
    }
    add({
      ...base,
      src,
      width: Math.round(width * 10) / 10,
      height: Math.round(height * 10) / 10,
    } as PrintElement);
  }

  const selectedIndex = selected === null ? -1 : draft.ids.indexOf(selected);
  const chosen = template.elements[selectedIndex];
  const inspectorBox = useRef<HTMLDivElement>(null);
  /** Selects from the list: on a phone, where the inspector sits above the list, it is brought into view. */
  function pick(id: number) {
    setSelected(id);
    if (window.matchMedia("(max-width: 1023px)").matches)
      requestAnimationFrame(() =>
        inspectorBox.current?.scrollIntoView({ behavior: "smooth", block: "start" }),
      );
  }
  const record = data.records.find((r) => r.id === recordId) ?? null;
  const values = useMemo(
    () => (sample && record ? sampleValues(record.values, template.defaults) : null),
    [sample, record, template.defaults],
  );
  const body = useMemo(
    () => JSON.stringify(previewBody(template, ref, dirty, recordId, fullSheet)),
    [template, ref, dirty, recordId, fullSheet],
  );
  const name = template.name.trim();
  const copied = params.has("copied");
  const savedNow = (actionData && "saved" in actionData) || params.has("saved");

  const title = ref
    ? t("print.designer.titleOf", { name: name || data.template.name })
    : t("print.designer.newTitle");
  return (
    <div className="flex flex-col gap-4" data-designer={ref ?? "new"}>
      <PageHeader
        title={title}
        description={t("print.designer.intro")}
        actions={
          <>
            <Link to="/admin/print" className={subtleLink}>
              {t("print.designer.back")}
            </Link>
            {ref && !data.builtin ? (
              <a
                href={`/api/v1/print-templates/${encodeURIComponent(ref)}/file`}
                download
                className={`${buttonLink.secondary} min-h-11`}
              >
                {t("print.designer.export")}
              </a>
            ) : null}
            {ref ? (
              <Link
                to={`/admin/print/new?template=${encodeURIComponent(ref)}`}
                className={`${buttonLink.secondary} min-h-11`}
              >
                {t("print.designer.print")}
              </Link>
            ) : null}
            {data.canCopy && !editable ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="copy" />
                <Button variant={data.builtin ? "primary" : "secondary"} disabled={busy}>
                  {t("print.designer.copy")}
                </Button>
              </Form>
            ) : null}
            {editable ? (
              <Form
                method="post"
                encType="multipart/form-data"
                onSubmit={() => {
                  if (hidden.current) hidden.current.value = JSON.stringify(template);
                  sent.current = { ids: draft.ids, template };
                  saving.current = true;
                }}
                className="flex items-center gap-2"
              >
                <CsrfInput />
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="template" ref={hidden} defaultValue="" />
                {dirty ? (
                  <span className="text-xs font-medium text-amber-700" data-dirty>
                    {t("print.designer.unsaved")}
                  </span>
                ) : null}
                <Button disabled={busy}>
                  {busy ? t("print.designer.saving") : t("print.designer.save")}
                </Button>
              </Form>
            ) : null}
          </>
        }
      />

      {copied && !dirty ? <Notice kind="success">{t("print.copied", { name: template.name })}</Notice> : null}
      {savedNow && !dirty && !copied && !saveNotice ? (
        <Notice kind="success">{t("print.designer.saved")}</Notice>
      ) : null}
      {data.builtin ? <Notice kind="info">{t("print.designer.builtinNotice")}</Notice> : null}
      {!data.builtin && !editable ? <Notice kind="info">{t("print.designer.readOnlyNotice")}</Notice> : null}
      {saveNotice && failure ? (
        <Notice kind="error">
          <p className="font-medium">{t("print.designer.notSaved")}</p>
          <ul className="mt-1 list-disc pl-5">
            {saveNotice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[17rem_minmax(0,1fr)] lg:items-start">
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="order-4 min-w-0 lg:order-none">
            <Card title={t("print.designer.settings.title")}>
              <fieldset disabled={!editable}>
                <TemplateSettings template={template} onChange={change} error={fieldError} />
              </fieldset>
            </Card>
          </div>
          <div className="order-5 min-w-0 lg:order-none">
            <Card title={t("print.designer.paper.title")}>
              <fieldset disabled={!editable}>
                <PaperPanel template={template} onChange={change} lang={lang} error={fieldError} />
              </fieldset>
            </Card>
          </div>
          <div className="order-6 min-w-0 lg:order-none">
            <Card title={t("print.designer.defaults.title")}>
              <DefaultsEditor
                key={defaultsKey}
                defaults={template.defaults}
                onChange={(defaults) => change((tpl) => ({ ...tpl, defaults }))}
                error={fieldError}
                editable={editable}
              />
            </Card>
          </div>
          <div className="order-3 min-w-0 lg:order-none">
            <Card title={t("print.designer.elements.title")}>
              <ElementList
                elements={template.elements}
                ids={draft.ids}
                selected={selected}
                faulty={faulty}
                editable={editable}
                onSelect={pick}
                onMove={(index, by) => setDraft((d) => moveElement(d, index, by))}
                onDuplicate={(index) => {
                  const next = duplicateElement(draft, index, (n) =>
                    t("print.designer.elements.copyName", {
                      name: n || typeLabel(template.elements[index]!.type),
                    }),
                  );
                  setDraft(next.draft);
                  if (next.id !== null) setSelected(next.id);
                }}
                onRemove={(index) => {
                  if (draft.ids[index] === selected) setSelected(null);
                  setDraft((d) => removeElement(d, index));
                }}
                onAdd={(type) =>
                  add(newElement(type, { names, photoField: undefined, label: nameFor(type) }))
                }
                onAddImage={addImage}
              />
              {fieldError("elements") ? (
                <p className="mt-2 text-sm text-red-600">{fieldError("elements")}</p>
              ) : null}
            </Card>
          </div>
        </div>

        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="contents xl:grid xl:grid-cols-[minmax(0,1fr)_17rem] xl:items-start xl:gap-4">
            <div className="order-1 min-w-0 lg:order-none">
              <Card
                title={t("print.designer.canvas.title")}
                actions={
                  data.records.length > 0 ? (
                    <label className="flex min-h-11 items-center gap-2 text-xs text-stone-600">
                      <input
                        type="checkbox"
                        checked={sample}
                        onChange={(e) => setSample(e.target.checked)}
                        className="size-5 accent-brand-500"
                      />
                      {t("print.designer.canvas.sample")}
                    </label>
                  ) : null
                }
              >
                <DesignerCanvas
                  template={template}
                  ids={draft.ids}
                  selected={selected}
                  onSelect={setSelected}
                  onMove={(index, position) => patch(index, position)}
                  editable={editable}
                  values={values}
                  faulty={faulty}
                />
                <p className="mt-2 text-xs text-stone-500">{t("print.designer.canvas.hint")}</p>
                {problems.length > 0 ? (
                  <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
                    <p className="font-medium">{t("print.designer.problems")}</p>
                    <ul className="mt-1 list-disc pl-5">
                      {problems.map((p) => (
                        <li key={p.path}>{lang === "en" ? p.en : p.zh}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </Card>
            </div>
            <div
              ref={inspectorBox}
              className="order-2 min-w-0 scroll-mt-16 lg:order-none xl:sticky xl:top-16 xl:max-h-[calc(100vh-5rem)] xl:overflow-y-auto"
            >
              <Card title={t("print.designer.inspector.title")}>
                {chosen && selected !== null ? (
                  <ElementInspector
                    key={selected}
                    element={chosen}
                    id={selected}
                    onChange={(p) => patch(selectedIndex, p)}
                    names={names}
                    photoFields={data.photoFields}
                    errors={elementErrors(selected)}
                    editable={editable}
                  />
                ) : (
                  <p className="text-sm text-stone-500">{t("print.designer.inspector.none")}</p>
                )}
              </Card>
            </div>
          </div>
          <div className="order-7 min-w-0 lg:order-none">
            <Card title={t("print.designer.preview.title")}>
              <PdfPreview
                body={body}
                ids={draft.ids}
                name={name || t("print.designer.newTitle")}
                records={data.records}
                recordId={recordId}
                onRecord={setRecordId}
                fullSheet={fullSheet}
                onFullSheet={setFullSheet}
                csrf={csrfToken}
                lang={lang}
                onChecked={(fields, ids) => {
                  setPreviewErrors(sortErrors(fields, ids));
                  if (Object.keys(fields).length === 0 && template.name.trim()) setSaveNotice(null);
                  // A newer check than the save's: its errors stand for the template as it is now.
                  setSaveErrors((prev) =>
                    prev.other.name && !template.name.trim()
                      ? { elements: new Map(), other: { name: prev.other.name } }
                      : noErrors,
                  );
                }}
              />
            </Card>
          </div>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
