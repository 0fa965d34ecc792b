// 定时规则: notices that start by themselves every day at their time (Beijing) — birthday greetings, or a
// reminder N days before a date field — with their next run, last run and latest notice; paused, resumed
// or deleted here, and made with the form below (a built-in template can fill the content).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { cell, DataTable, EmptyState, PageHeader, StatusBadge } from "../../../components/admin/Page.tsx";
import { Check, Input, SelectBox, subtleLink } from "../../../components/channels/controls.tsx";
import { formatMinute } from "../../../components/format.ts";
import { failureOf, useFormErrors } from "../../../components/formErrors.tsx";
import {
  ContentEditor,
  type ContentValue,
  type TemplateChoice,
} from "../../../components/notices/ContentEditor.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { listCampaigns } from "../../../notify/campaigns.server.ts";
import { createRule, deleteRule, listRules, updateRule } from "../../../notify/rules.server.ts";
import { noticeTemplates } from "../../../notify/templates.server.ts";
import { listViews } from "../../../query/views.server.ts";
import { loadTable } from "../../../schema/tables.server.ts";
import type { Route } from "./+types/rules";

const CHANNELS = ["email", "sms", "fax", "inbox"] as const;
/** The built-in templates that fit a rule. */
const RULE_TEMPLATES = ["birthday", "document-expiry"];

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const rules = await run(() => listRules(services, caller));
  const latest = await run(() =>
    Promise.all(rules.map(async (r) => (await listCampaigns(services, caller, { rule: r.id, limit: 1 }))[0])),
  );
  const { fields, templates } = await run(() => noticeTemplates(services, caller));
  const table = await run(() => loadTable(services.db, "people"));
  const dateFields = table.fields
    .filter((f) => f.type === "date")
    .map((f) => ({ key: f.key, label: f.label }));
  // Saved views narrow a rule; someone who may not read records has none to offer.
  const views = await listViews(services, caller, "people").catch(() => []);
  return {
    rules: rules.map((r, i) => {
      const campaign = latest[i];
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        field: r.field?.label ?? null,
        daysBefore: r.daysBefore,
        runAt: r.runAt,
        channels: r.channels,
        paused: r.paused,
        nextRunAt: r.nextRunAt,
        lastRunAt: r.lastRunAt,
        createdBy: r.createdBy,
        latest: campaign ? { id: campaign.id, title: campaign.title } : null,
      };
    }),
    mergeFields: fields,
    templates: templates
      .filter((tpl) => RULE_TEMPLATES.includes(tpl.key))
      .map((tpl) => ({
        key: tpl.key,
        name: tpl.name,
        needs: tpl.needs,
        channels: tpl.channels,
        content: tpl.content,
      })),
    dateFields,
    views: views.map((v) => ({ id: v.id, name: v.name })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const f = formToObject(form);
  const { services } = context;
  const id = /^\d{1,15}$/.test(f.id ?? "") ? Number(f.id) : 0;
  if (f.intent === "create") {
    const channels = form.getAll("channels").map(String);
    const input = {
      name: f.name ?? "",
      kind: f.kind ?? "",
      field: f.field?.trim() ? f.field : undefined,
      daysBefore: f.kind === "before_date" ? (f.daysBefore ?? "0") : 0,
      runAt: f.runAt?.trim() ? f.runAt : undefined,
      channels,
      content: {
        subject: f.subject ?? "",
        text: f.text ?? "",
        ...(f.html?.trim() ? { html: f.html } : {}),
        ...(f.sms?.trim() ? { sms: f.sms } : {}),
      },
      ...(f.view ? { audience: { kind: "view", view: Number(f.view) } } : {}),
    };
    const { _csrf, ...typed } = f;
    return runForm(
      async () => {
        const rule = await createRule(services, caller, input);
        return { created: rule.name, id: rule.id };
      },
      { form: "create", values: { ...typed, channels: channels.join(",") } },
    );
  }
  return runForm(
    async () => {
      if (f.intent === "pause" || f.intent === "resume") {
        const rule = await updateRule(services, caller, id, { paused: f.intent === "pause" });
        return { changed: f.intent, name: rule.name };
      }
      if (f.intent === "delete") {
        await deleteRule(services, caller, id);
        return { changed: "delete", name: f.name ?? "" };
      }
      throw invalid("未知操作 / Unknown operation");
    },
    { form: "row" },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("channels.rules.title")} · ${t("admin.shell.console")}` }];
}

type LoaderData = Route.ComponentProps["loaderData"];
type RuleRow = LoaderData["rules"][number];

export default function RulesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { rules } = loaderData;
  const created = actionData && "created" in actionData ? actionData : null;
  const changed = actionData && "changed" in actionData ? actionData : null;
  const rowErrors = useFormErrors(failureOf(actionData, "row"), []);
  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <PageHeader
        title={t("channels.rules.title")}
        description={t("channels.rules.intro")}
        actions={
          <Link to="/admin/notices" className={subtleLink}>
            {t("channels.back")}
          </Link>
        }
      />
      {created ? (
        <Notice kind="success">{t("channels.rules.created", { name: created.created })}</Notice>
      ) : null}
      {changed ? (
        <Notice kind="success">{t(`channels.rules.done.${changed.changed}`, { name: changed.name })}</Notice>
      ) : null}
      {rowErrors.notice}
      <section>
        <h2 className="mb-3 text-base font-semibold">{t("channels.rules.list")}</h2>
        {rules.length === 0 ? (
          <EmptyState>{t("channels.rules.empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("channels.rules.list")}
            head={[
              t("channels.rules.head.name"),
              t("channels.rules.head.kind"),
              t("channels.rules.head.time"),
              t("channels.rules.head.channels"),
              t("channels.rules.head.next"),
              t("channels.rules.head.last"),
              t("channels.rules.head.latest"),
              t("common.actions"),
            ]}
          >
            {rules.map((r) => (
              <RuleTableRow key={r.id} rule={r} />
            ))}
          </DataTable>
        )}
      </section>
      <NewRuleForm data={loaderData} actionData={actionData} key={created?.id ?? "new"} />
    </div>
  );
}

function RuleTableRow({ rule: r }: { rule: RuleRow }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <tr data-rule={r.id} className={r.paused ? "text-stone-500" : "hover:bg-stone-50"}>
      <td className={`${cell} font-medium`}>
        {r.name}
        <span className="block text-xs font-normal text-stone-500">
          {t("channels.rules.by", { name: r.createdBy })}
        </span>
      </td>
      <td className={cell}>
        {r.kind === "birthday"
          ? t("channels.rules.kind.birthday")
          : t("channels.rules.kindBefore", { field: r.field ?? "?", days: r.daysBefore })}
      </td>
      <td className={`${cell} tabular-nums`}>{t("channels.rules.daily", { time: r.runAt })}</td>
      <td className={cell}>{r.channels.map((c) => t(`channels.channel.${c}`)).join("、")}</td>
      <td className={`${cell} tabular-nums`}>
        {r.paused || r.nextRunAt === null ? (
          <StatusBadge tone="stone">{t("channels.rules.paused")}</StatusBadge>
        ) : (
          <span title={t("channels.rules.beijing")}>{formatMinute(r.nextRunAt)}</span>
        )}
      </td>
      <td className={`${cell} tabular-nums`}>
        {r.lastRunAt ? formatMinute(r.lastRunAt) : t("channels.rules.never")}
      </td>
      <td className={`${cell} max-w-56 truncate`}>
        {r.latest ? (
          <Link to={`/admin/notices/${r.latest.id}`} className="text-brand-700 hover:underline">
            {r.latest.title}
          </Link>
        ) : (
          <span className="text-stone-400">{t("channels.rules.noCampaign")}</span>
        )}
      </td>
      <td className={cell}>
        <div className="flex items-center gap-1">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="id" value={r.id} />
            <input type="hidden" name="intent" value={r.paused ? "resume" : "pause"} />
            <button
              type="submit"
              disabled={busy}
              className="min-h-11 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50"
            >
              {t(r.paused ? "channels.rules.resume" : "channels.rules.pause")}
            </button>
          </Form>
          <Form
            method="post"
            onSubmit={(e) => {
              if (!window.confirm(t("channels.rules.confirmDelete", { name: r.name }))) e.preventDefault();
            }}
          >
            <CsrfInput />
            <input type="hidden" name="id" value={r.id} />
            <input type="hidden" name="name" value={r.name} />
            <input type="hidden" name="intent" value="delete" />
            <button
              type="submit"
              disabled={busy}
              className="min-h-11 rounded-md px-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
            >
              {t("channels.rules.delete")}
            </button>
          </Form>
        </div>
      </td>
    </tr>
  );
}

function NewRuleForm({ data, actionData }: { data: LoaderData; actionData: unknown }) {
  const { t } = useTranslation();
  const failure = failureOf(actionData, "create");
  const typed = failure?.values;
  const errors = useFormErrors(failure, [
    "name",
    "kind",
    "field",
    "daysBefore",
    "runAt",
    "channels",
    "content.subject",
    "content.text",
    "content.sms",
    "content.html",
    "audience",
    "audience.view",
  ]);
  const busy = useNavigation().state === "submitting";
  const birthField = data.dateFields.find((f) => f.label === "出生日期") ?? data.dateFields[0];
  const [kind, setKind] = useState(typed?.kind ?? "birthday");
  const [field, setField] = useState(typed?.field ?? (kind === "birthday" ? (birthField?.key ?? "") : ""));
  const [content, setContent] = useState<ContentValue>({
    subject: typed?.subject ?? "",
    text: typed?.text ?? "",
    sms: typed?.sms ?? "",
    html: typed?.html ?? "",
  });
  const [channels, setChannels] = useState<string[]>(
    typed?.channels !== undefined ? typed.channels.split(",").filter(Boolean) : ["sms", "inbox"],
  );
  const [template, setTemplate] = useState("");

  function changeKind(next: string) {
    setKind(next);
    if (next === "birthday" && !field && birthField) setField(birthField.key);
  }

  /** A birthday template makes a birthday rule; another one a rule before the date field it uses. */
  function applyTemplate(key: string, tpl: TemplateChoice | undefined) {
    setTemplate(key);
    if (!tpl) return;
    if (key === "birthday") changeKind("birthday");
    else {
      setKind("before_date");
      const wanted = data.dateFields.find((f) => tpl.needs.includes(f.label));
      if (wanted) setField(wanted.key);
    }
  }

  return (
    <Card title={t("channels.rules.form.title")}>
      <Form method="post" className="flex flex-col gap-4" data-form="new-rule">
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        {errors.notice}
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            id="rule-name"
            label={t("channels.rules.form.name")}
            name="name"
            required
            defaultValue={typed?.name}
            placeholder={t("channels.rules.form.namePlaceholder")}
            error={errors.field("name")}
          />
          <SelectBox
            id="rule-kind"
            label={t("channels.rules.form.kind")}
            name="kind"
            value={kind}
            onChange={changeKind}
            error={errors.field("kind")}
            options={[
              { value: "birthday", label: t("channels.rules.kind.birthday") },
              { value: "before_date", label: t("channels.rules.kind.before_date") },
            ]}
          />
          <SelectBox
            id="rule-field"
            label={t("channels.rules.form.field")}
            name="field"
            value={field}
            onChange={setField}
            error={errors.field("field")}
            hint={t(
              kind === "birthday" ? "channels.rules.form.fieldBirthday" : "channels.rules.form.fieldBefore",
            )}
            options={[
              { value: "", label: t("channels.rules.form.chooseField") },
              ...data.dateFields.map((f) => ({ value: f.key, label: f.label })),
            ]}
          />
          {kind === "before_date" ? (
            <Input
              id="rule-days"
              label={t("channels.rules.form.daysBefore")}
              name="daysBefore"
              type="number"
              min={0}
              max={365}
              inputMode="numeric"
              defaultValue={typed?.daysBefore ?? "30"}
              hint={t("channels.rules.form.daysHint")}
              error={errors.field("daysBefore")}
            />
          ) : null}
          <Input
            id="rule-time"
            label={t("channels.rules.form.runAt")}
            name="runAt"
            type="time"
            required
            defaultValue={typed?.runAt ?? "08:00"}
            hint={t("channels.rules.form.runAtHint")}
            error={errors.field("runAt")}
          />
          <SelectBox
            id="rule-view"
            label={t("channels.rules.form.audience")}
            name="view"
            defaultValue={typed?.view ?? ""}
            error={errors.field("audience") ?? errors.field("audience.view")}
            hint={t("channels.rules.form.audienceHint")}
            options={[
              { value: "", label: t("channels.rules.form.everyone") },
              ...data.views.map((v) => ({ value: String(v.id), label: v.name })),
            ]}
          />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-stone-700">
            {t("channels.rules.form.channels")}
            <span className="text-red-600"> *</span>
          </legend>
          <div className="flex flex-wrap gap-x-5">
            {CHANNELS.map((c) => (
              <Check
                key={c}
                name="channels"
                value={c}
                label={t(`channels.channel.${c}`)}
                checked={channels.includes(c)}
                onChange={(on) => setChannels(on ? [...channels, c] : channels.filter((x) => x !== c))}
              />
            ))}
          </div>
          {errors.field("channels") ? (
            <p className="text-sm text-red-600">{errors.field("channels")}</p>
          ) : null}
        </fieldset>
        <ContentEditor
          idPrefix="rule"
          value={content}
          onChange={setContent}
          mergeFields={data.mergeFields}
          templates={data.templates}
          template={template}
          onTemplate={applyTemplate}
          label={(part) => t(`channels.rules.form.${part}`)}
          error={(name) => errors.field(name)}
          countSms={channels.includes("sms")}
        />
        <div>
          <Button disabled={busy}>{t("channels.rules.form.submit")}</Button>
        </div>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
