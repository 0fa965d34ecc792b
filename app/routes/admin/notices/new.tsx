// 新建群发: to whom (a saved view, a recipient group, everyone in the caller's scope, or what the grid
// handed over: its ticked rows or its filter), on which channels (and from which field each address is
// read), the content with merge fields or from a template, now or at a time; a preview beside it shows
// how many it reaches, who lacks an address, and the message exactly as one chosen recipient gets it.
// A template naming a field the table lacks is refused in the preview already, and again on sending.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useFetcher, useNavigation } from "react-router";
import { CHANNELS, type Channel } from "../../../../emails/channels/types.ts";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { PageHeader } from "../../../components/admin/Page.tsx";
import { Check, Input, SelectBox, subtleLink } from "../../../components/channels/controls.tsx";
import { localMessage } from "../../../components/format.ts";
import { failureOf, isErrorData, useFormErrors } from "../../../components/formErrors.tsx";
import {
  ContentEditor,
  type ContentKey,
  type ContentValue,
  emptyContent,
} from "../../../components/notices/ContentEditor.tsx";
import { audienceChoices } from "../../../components/notices/names.server.ts";
import { takeOverAudience } from "../../../components/notices/sendFromGrid.ts";
import { metaT } from "../../../components/site/meta.ts";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import type { Audience } from "../../../notify/campaign-input.ts";
import { createCampaign } from "../../../notify/campaigns.server.ts";
import { previewCampaign } from "../../../notify/preview.server.ts";
import { noticeTemplates } from "../../../notify/templates.server.ts";
import { loadTable } from "../../../schema/tables.server.ts";
import type { Route } from "./+types/new";

const KINDS = ["view", "group", "everyone", "grid"] as const;
type Kind = (typeof KINDS)[number];
type AddressChannel = Exclude<Channel, "inbox">;
const ADDRESS_TYPES: Record<AddressChannel, readonly string[]> = {
  email: ["email"],
  sms: ["mobile"],
  fax: ["text", "mobile"],
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const { services } = context;
  const { fields, templates } = await run(() => noticeTemplates(services, caller));
  const table = await run(() => loadTable(services.db, "people"));
  const choices = await run(() => audienceChoices(services, caller));
  const address = Object.fromEntries(
    (Object.keys(ADDRESS_TYPES) as AddressChannel[]).map((channel) => {
      const fitting = table.fields.filter((f) => ADDRESS_TYPES[channel].includes(f.type));
      // A fax number sits in a text field: offer the fields named 传真 first.
      if (channel === "fax")
        fitting.sort((a, b) => Number(b.label.includes("传真")) - Number(a.label.includes("传真")));
      return [channel, fitting.map((f) => ({ key: f.key, label: f.label }))];
    }),
  ) as Record<AddressChannel, { key: string; label: string }[]>;
  const params = new URL(request.url).searchParams;
  const asked = {
    view: params.get("view") ?? "",
    group: params.get("group") ?? "",
    grid: params.has("from"),
  };
  return {
    mergeFields: fields,
    templates: templates.map((tpl) => ({
      key: tpl.key,
      name: tpl.name,
      needs: tpl.needs,
      content: tpl.content,
    })),
    views: choices.views,
    groups: choices.groups,
    address,
    asked,
  };
}

/** The campaign as the form asks for it (the same object the JSON API takes). */
function campaignOf(f: Record<string, string | undefined>, form: FormData) {
  const kind = KINDS.find((k) => k === f.audienceKind);
  let audience: unknown;
  if (kind === "view") audience = f.view ? { kind: "view", view: Number(f.view) } : undefined;
  else if (kind === "group") audience = f.group ? { kind: "group", group: Number(f.group) } : undefined;
  else if (kind === "everyone") audience = { kind: "query", query: {} };
  else if (kind === "grid")
    try {
      audience = JSON.parse(f.gridAudience ?? "");
    } catch {
      audience = undefined;
    }
  const channels = form.getAll("channels").map(String);
  const addressFields = Object.fromEntries(
    (["email", "sms", "fax"] as const).filter((c) => f[`address.${c}`]).map((c) => [c, f[`address.${c}`]]),
  );
  let sendAt: number | undefined;
  if (f.when === "later") {
    sendAt = f.sendAt ? Date.parse(`${f.sendAt}:00+08:00`) : Number.NaN;
    if (!Number.isFinite(sendAt) || sendAt < Date.now() - 60_000)
      throw invalid("请选择今后的发送时间 / Choose a time in the future", {
        sendAt: "请选择今后的时间 / A time in the future",
      });
  }
  return {
    title: f.title ?? "",
    channels,
    content: {
      subject: f.subject ?? "",
      text: f.text ?? "",
      ...(f.html?.trim() ? { html: f.html } : {}),
      ...(f.sms?.trim() ? { sms: f.sms } : {}),
    },
    audience,
    ...(Object.keys(addressFields).length > 0 ? { addressFields } : {}),
    ...(sendAt ? { sendAt } : {}),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const form = await request.formData();
  const f = formToObject(form);
  const { services } = context;
  if (f.intent === "preview")
    return runForm(
      async () => {
        const input = campaignOf(f, form);
        const recordId = /^\d{1,15}$/.test(f.previewAs ?? "") ? Number(f.previewAs) : undefined;
        return { preview: await previewCampaign(services, caller, { ...input, recordId }) };
      },
      { form: "preview" },
    );
  const { _csrf, ...typed } = f;
  const result = await runForm(
    async () => ({ campaign: await createCampaign(services, caller, campaignOf(f, form)) }),
    { form: "send", values: { ...typed, channels: form.getAll("channels").map(String).join(",") } },
  );
  if ("campaign" in result) return redirect(`/admin/notices/${result.campaign.id}`);
  return result;
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("notices.compose.title")} · ${t("admin.shell.console")}` }];
}

type LoaderData = Route.ComponentProps["loaderData"];
type Preview = Awaited<ReturnType<typeof previewCampaign>>;

/** What the grid handed over, read once in the browser. */
function useGridAudience(asked: boolean): Audience | null {
  const [audience, setAudience] = useState<Audience | null>(null);
  useEffect(() => {
    if (asked) setAudience(takeOverAudience());
  }, [asked]);
  return audience;
}

export default function ComposePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const data = loaderData;
  const failure = failureOf(actionData, "send");
  const typed = failure?.values;
  const errors = useFormErrors(failure, [
    "title",
    "channels",
    "audience",
    "audience.view",
    "audience.group",
    "content.subject",
    "content.text",
    "content.sms",
    "content.html",
    "addressFields.email",
    "addressFields.sms",
    "addressFields.fax",
    "sendAt",
  ]);
  const busy = useNavigation().state === "submitting";
  const gridAudience = useGridAudience(data.asked.grid);
  const initialKind: Kind = (typed?.audienceKind as Kind) ?? (data.asked.group ? "group" : "view");
  const [kind, setKind] = useState<Kind>(initialKind);
  useEffect(() => {
    if (gridAudience) setKind("grid");
  }, [gridAudience]);
  const [view, setView] = useState(typed?.view ?? data.asked.view ?? String(data.views[0]?.id ?? ""));
  const [group, setGroup] = useState(typed?.group ?? data.asked.group ?? String(data.groups[0]?.id ?? ""));
  const [channels, setChannels] = useState<string[]>(
    typed?.channels !== undefined ? typed.channels.split(",").filter(Boolean) : ["email", "inbox"],
  );
  const [content, setContent] = useState<ContentValue>({
    subject: typed?.subject ?? "",
    text: typed?.text ?? "",
    sms: typed?.sms ?? "",
    html: typed?.html ?? emptyContent.html,
  });
  const [template, setTemplate] = useState("");
  const [when, setWhen] = useState(typed?.when ?? "now");
  const [previewAs, setPreviewAs] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const preview = usePreview(formRef, [kind, view, group, channels, content, previewAs, gridAudience]);
  const reach = preview.data?.total;

  return (
    <div className="flex max-w-6xl flex-col gap-5">
      <PageHeader
        title={t("notices.compose.title")}
        description={t("notices.compose.intro")}
        actions={
          <Link to="/admin/notices" className={subtleLink}>
            {t("notices.compose.back")}
          </Link>
        }
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Form
          method="post"
          ref={formRef}
          className="flex flex-col gap-5"
          data-form="compose"
          onSubmit={(e) => {
            const title = (formRef.current?.elements.namedItem("title") as HTMLInputElement | null)?.value;
            if (reach !== undefined && !window.confirm(t("notices.compose.confirm", { count: reach, title })))
              e.preventDefault();
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="send" />
          <input type="hidden" name="previewAs" value={previewAs} />
          <input type="hidden" name="gridAudience" value={gridAudience ? JSON.stringify(gridAudience) : ""} />
          {errors.notice}
          <Card>
            <div className="flex flex-col gap-4">
              <Input
                id="notice-title"
                label={t("notices.compose.name")}
                name="title"
                required
                defaultValue={typed?.title}
                placeholder={t("notices.compose.namePlaceholder")}
                hint={t("notices.compose.nameHint")}
                error={errors.field("title")}
              />
              <AudienceChooser
                data={data}
                kind={kind}
                onKind={setKind}
                view={view}
                onView={setView}
                group={group}
                onGroup={setGroup}
                grid={gridAudience}
                error={
                  errors.field("audience") ?? errors.field("audience.view") ?? errors.field("audience.group")
                }
              />
              <ChannelChooser
                data={data}
                channels={channels}
                onChange={setChannels}
                typed={typed}
                error={(c) => errors.field(c)}
              />
            </div>
          </Card>
          <Card>
            <ContentEditor
              idPrefix="notice"
              value={content}
              onChange={setContent}
              mergeFields={data.mergeFields}
              templates={data.templates}
              template={template}
              onTemplate={(key) => setTemplate(key)}
              label={(part: ContentKey | "smsHint") => t(`notices.compose.${part}`)}
              error={(field) => errors.field(field)}
              countSms={channels.includes("sms")}
            />
          </Card>
          <Card>
            <fieldset className="flex flex-col gap-3">
              <legend className="text-sm font-medium text-stone-700">{t("notices.compose.when")}</legend>
              <div className="flex flex-wrap gap-x-6">
                {(["now", "later"] as const).map((w) => (
                  <label key={w} className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="when"
                      value={w}
                      checked={when === w}
                      onChange={() => setWhen(w)}
                      className="size-5 accent-brand-500"
                    />
                    {t(`notices.compose.${w}`)}
                  </label>
                ))}
              </div>
              {when === "later" ? (
                <div className="max-w-xs">
                  <label htmlFor="notice-send-at" className="text-sm font-medium text-stone-700">
                    {t("notices.compose.sendAt")}
                  </label>
                  <input
                    id="notice-send-at"
                    type="datetime-local"
                    name="sendAt"
                    required
                    defaultValue={typed?.sendAt}
                    aria-invalid={errors.field("sendAt") ? true : undefined}
                    className="mt-1 min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base sm:text-sm"
                  />
                  <p className="mt-1 text-xs text-stone-500">{t("notices.compose.sendAtHint")}</p>
                  {errors.field("sendAt") ? (
                    <p className="text-sm text-red-600">{errors.field("sendAt")}</p>
                  ) : null}
                </div>
              ) : null}
            </fieldset>
          </Card>
          <div>
            <Button disabled={busy}>
              {t(when === "later" ? "notices.compose.submitLater" : "notices.compose.submit")}
            </Button>
          </div>
        </Form>
        <PreviewPanel
          preview={preview}
          channels={channels}
          previewAs={previewAs}
          onPreviewAs={setPreviewAs}
        />
      </div>
    </div>
  );
}

function AudienceChooser(props: {
  data: LoaderData;
  kind: Kind;
  onKind(kind: Kind): void;
  view: string;
  onView(view: string): void;
  group: string;
  onGroup(group: string): void;
  grid: Audience | null;
  error?: string;
}) {
  const { t } = useTranslation();
  const kinds = KINDS.filter((k) => k !== "grid" || props.grid);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-medium text-stone-700">
        {t("notices.compose.audience")}
        <span className="text-red-600"> *</span>
      </legend>
      <div className="flex flex-wrap gap-x-6">
        {kinds.map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="radio"
              name="audienceKind"
              value={k}
              checked={props.kind === k}
              onChange={() => props.onKind(k)}
              className="size-5 accent-brand-500"
            />
            {t(`notices.compose.audienceKind.${k}`)}
          </label>
        ))}
      </div>
      {props.kind === "view" ? (
        props.data.views.length === 0 ? (
          <p className="text-sm text-stone-600">{t("notices.compose.noViews")}</p>
        ) : (
          <SelectBox
            id="notice-view"
            label={t("notices.compose.chooseView")}
            name="view"
            value={props.view}
            onChange={props.onView}
            options={props.data.views.map((v) => ({ value: String(v.id), label: v.name }))}
          />
        )
      ) : null}
      {props.kind === "group" ? (
        props.data.groups.length === 0 ? (
          <p className="text-sm text-stone-600">{t("notices.compose.noGroups")}</p>
        ) : (
          <SelectBox
            id="notice-group"
            label={t("notices.compose.chooseGroup")}
            name="group"
            value={props.group}
            onChange={props.onGroup}
            options={props.data.groups.map((g) => ({
              value: String(g.id),
              label: `${g.name}（${g.members}）`,
            }))}
          />
        )
      ) : null}
      {props.kind === "grid" && props.grid ? (
        <p className="text-sm text-stone-700">
          {props.grid.kind === "ids"
            ? t("notices.compose.fromGrid.ids", { count: props.grid.ids.length })
            : t("notices.compose.fromGrid.query")}
        </p>
      ) : null}
      {props.error ? <p className="text-sm text-red-600">{props.error}</p> : null}
    </fieldset>
  );
}

function ChannelChooser(props: {
  data: LoaderData;
  channels: string[];
  onChange(channels: string[]): void;
  typed: Record<string, string> | undefined;
  error(field: string): string | undefined;
}) {
  const { t } = useTranslation();
  const { channels } = props;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-medium text-stone-700">
        {t("notices.compose.channels")}
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
            onChange={(on) => props.onChange(on ? [...channels, c] : channels.filter((x) => x !== c))}
          />
        ))}
      </div>
      {props.error("channels") ? <p className="text-sm text-red-600">{props.error("channels")}</p> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        {(["email", "sms", "fax"] as const)
          .filter((c) => channels.includes(c))
          .map((c) => (
            <SelectBox
              key={c}
              id={`notice-address-${c}`}
              label={t("notices.compose.addressField", { channel: t(`channels.channel.${c}`) })}
              name={`address.${c}`}
              defaultValue={props.typed?.[`address.${c}`] ?? props.data.address[c][0]?.key ?? ""}
              error={props.error(`addressFields.${c}`)}
              options={
                props.data.address[c].length > 0
                  ? props.data.address[c].map((f) => ({ value: f.key, label: f.label }))
                  : [{ value: "", label: "—" }]
              }
            />
          ))}
      </div>
    </fieldset>
  );
}

interface PreviewState {
  data: Preview | null;
  error: string | null;
  loading: boolean;
}

/** The preview, asked again (debounced) whenever what the form holds changes. */
function usePreview(formRef: React.RefObject<HTMLFormElement | null>, deps: unknown[]): PreviewState {
  const fetcher = useFetcher<{ preview: Preview } | { error: { message: string } }>();
  const { lang } = useRoot();
  useEffect(() => {
    const timer = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const body = new FormData(form);
      body.set("intent", "preview");
      if (!body.get("title")) body.set("title", "预览");
      fetcher.submit(body, { method: "post" });
    }, 400);
    return () => clearTimeout(timer);
  }, deps);
  const result = fetcher.data;
  return {
    data: result && "preview" in result ? result.preview : null,
    error: result && isErrorData(result) ? localMessage(result.error.message, lang) : null,
    loading: fetcher.state !== "idle",
  };
}

function PreviewPanel(props: {
  preview: PreviewState;
  channels: string[];
  previewAs: string;
  onPreviewAs(id: string): void;
}) {
  const { t } = useTranslation();
  const { data, error, loading } = props.preview;
  const message = data?.message;
  const sms = props.channels.includes("sms");
  const written = props.channels.some((c) => c !== "sms");
  return (
    <aside className="flex flex-col gap-3 lg:sticky lg:top-4 lg:self-start" aria-live="polite" data-preview>
      <Card title={t("notices.compose.preview")}>
        <div className="flex flex-col gap-3 text-sm">
          {loading && !data ? <p className="text-stone-500">{t("notices.compose.previewing")}</p> : null}
          {error ? (
            <Notice kind="error">{error}</Notice>
          ) : !data ? (
            loading ? null : (
              <p className="text-stone-500">{t("notices.compose.previewHint")}</p>
            )
          ) : (
            <>
              <p className="text-base font-semibold" data-reach={data.total}>
                {t("notices.compose.reach", { count: data.total })}
              </p>
              {Object.entries(data.missing)
                .filter(([, n]) => (n ?? 0) > 0)
                .map(([channel, n]) => (
                  <p key={channel} className="text-amber-700" data-missing={channel}>
                    {t(`notices.compose.missing.${channel}`, { count: n })}
                  </p>
                ))}
              {data.total === 0 ? <p className="text-stone-600">{t("notices.compose.noOne")}</p> : null}
              {data.choices.length > 1 ? (
                <SelectBox
                  id="notice-preview-as"
                  label={t("notices.compose.previewAs")}
                  name="previewAsChoice"
                  value={props.previewAs || String(message?.recordId ?? "")}
                  onChange={props.onPreviewAs}
                  options={data.choices.map((c) => ({
                    value: String(c.recordId),
                    label: `${c.name} · ${c.systemId}`,
                  }))}
                />
              ) : null}
              {message && written ? (
                <div className="rounded-md border border-stone-200 bg-white p-3" data-preview-message>
                  <p className="font-semibold">{message.subject}</p>
                  <p className="mt-2 whitespace-pre-wrap text-stone-700">{message.text}</p>
                </div>
              ) : null}
              {message && sms ? (
                <div className="rounded-2xl bg-stone-100 p-3" data-preview-sms>
                  <p className="whitespace-pre-wrap">{message.sms}</p>
                  <p className="mt-1 text-xs text-stone-500">
                    {t("notices.compose.smsLength", message.smsLength)}
                  </p>
                </div>
              ) : null}
            </>
          )}
        </div>
      </Card>
    </aside>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
