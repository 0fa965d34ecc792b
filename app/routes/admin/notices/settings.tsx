// 渠道设置: one card per delivery channel (邮件, 短信, 传真; 站内信 needs none) — its provider and that
// provider's account, how many messages a minute it may send, its quiet hours — and a 发送测试 per
// channel. Secrets are never sent to the browser: a set one shows as "已设置", an empty field keeps it.
// Street admins only (notice.configure); anyone else gets the 403 page.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { AdminErrorBoundary } from "../../../components/admin/ErrorPanel.tsx";
import { PageHeader, StatusBadge } from "../../../components/admin/Page.tsx";
import { Check, Input, SelectBox, subtleLink } from "../../../components/channels/controls.tsx";
import { formatMinute, localMessage } from "../../../components/format.ts";
import { failureOf, useFormErrors } from "../../../components/formErrors.tsx";
import { metaT } from "../../../components/site/meta.ts";
import { Button, Card, CsrfInput, Notice } from "../../../components/ui.tsx";
import { useRoot } from "../../../components/useRoot.ts";
import { invalid } from "../../../core/errors.ts";
import { requireStaff, run, runForm } from "../../../core/route.server.ts";
import { formToObject } from "../../../core/validate.ts";
import { testChannel } from "../../../notify/channel-test.server.ts";
import {
  type ChannelSettingsView,
  listChannelSettings,
  saveChannelSettings,
} from "../../../notify/channels.server.ts";
import type { Route } from "./+types/settings";

type Configurable = "email" | "sms" | "fax";
const CONFIGURABLE: readonly Configurable[] = ["email", "sms", "fax"];

interface FieldSpec {
  key: string;
  kind: "text" | "number" | "secret" | "select" | "checkbox";
  required?: boolean;
  /** Shown (and used by the server) when the field is left empty. */
  fallback?: string;
  options?: readonly string[];
  placeholder?: string;
}

/** The providers each channel offers, the first being the outbox (nothing leaves the server). */
const PROVIDERS: Record<Configurable, readonly string[]> = {
  email: ["outbox", "smtp"],
  sms: ["outbox", "aliyun", "tencent", "http"],
  fax: ["outbox", "email-fax", "http"],
};

/** Each provider's settings, as emails/channels/config.ts takes them. */
const FIELDS: Record<string, readonly FieldSpec[]> = {
  outbox: [],
  smtp: [
    { key: "host", kind: "text", required: true, placeholder: "smtp.example.com" },
    { key: "port", kind: "number", fallback: "587" },
    { key: "security", kind: "select", options: ["starttls", "tls", "none"], fallback: "starttls" },
    { key: "user", kind: "text", placeholder: "notice@example.com" },
    { key: "password", kind: "secret" },
    { key: "from", kind: "text", required: true, placeholder: "金融街街道办事处 <notice@example.com>" },
    { key: "replyTo", kind: "text" },
    { key: "connections", kind: "number", fallback: "5" },
    { key: "allowSelfSigned", kind: "checkbox" },
  ],
  aliyun: [
    { key: "accessKeyId", kind: "text", required: true },
    { key: "accessKeySecret", kind: "secret" },
    { key: "signName", kind: "text", required: true },
    { key: "templateCode", kind: "text", required: true, placeholder: "SMS_123456789" },
    { key: "contentParam", kind: "text", fallback: "content" },
    { key: "endpoint", kind: "text", fallback: "https://dysmsapi.aliyuncs.com" },
  ],
  tencent: [
    { key: "secretId", kind: "text", required: true },
    { key: "secretKey", kind: "secret" },
    { key: "sdkAppId", kind: "text", required: true, placeholder: "1400000000" },
    { key: "signName", kind: "text", required: true },
    { key: "templateId", kind: "text", required: true },
    { key: "region", kind: "text", fallback: "ap-guangzhou" },
    { key: "endpoint", kind: "text", fallback: "https://sms.tencentcloudapi.com" },
  ],
  http: [
    { key: "url", kind: "text", required: true, placeholder: "https://gateway.example.com/send" },
    { key: "secret", kind: "secret" },
    { key: "token", kind: "secret" },
  ],
  "email-fax": [
    { key: "addressPattern", kind: "text", required: true, placeholder: "{number}@fax.example.com" },
  ],
};

const DEFAULT_QUIET = { start: "21:00", end: "08:00" };

const isConfigurable = (c: string): c is Configurable => (CONFIGURABLE as readonly string[]).includes(c);

/** What a card shows of a channel's settings: the stored values as text (secrets are never among them). */
function cardData(c: ChannelSettingsView) {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.config))
    if (k !== "provider" && v !== undefined && v !== null) values[k] = String(v);
  return {
    channel: c.channel as Configurable,
    provider: c.config.provider,
    values,
    secretsSet: c.secretsSet,
    ratePerMinute: c.ratePerMinute,
    quietHours: c.quietHours,
    updatedAt: c.updatedAt,
  };
}
type CardData = ReturnType<typeof cardData>;

/** The form's fields as saveChannelSettings takes them: only the chosen provider's, empty secrets left out. */
function settingsInput(channel: string, f: Record<string, string>) {
  const provider = f.provider ?? "";
  const config: Record<string, unknown> = { provider };
  for (const spec of FIELDS[provider] ?? []) {
    const raw = f[`${provider}.${spec.key}`];
    if (spec.kind === "checkbox") config[spec.key] = raw === "1";
    else if (raw === undefined || (raw.trim() === "" && !spec.required)) continue;
    else config[spec.key] = raw;
  }
  return {
    channel,
    config,
    ratePerMinute: f.ratePerMinute?.trim() ? f.ratePerMinute : undefined,
    quietHours: f.quiet === "1" ? { start: f.quietStart ?? "", end: f.quietEnd ?? "" } : null,
  };
}

/** What was typed, to fill the form again after a refusal — never the secrets. */
function typedValues(f: Record<string, string>) {
  const secretNames = new Set(
    Object.entries(FIELDS).flatMap(([p, specs]) =>
      specs.filter((s) => s.kind === "secret").map((s) => `${p}.${s.key}`),
    ),
  );
  return Object.fromEntries(Object.entries(f).filter(([k]) => k !== "_csrf" && !secretNames.has(k)));
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const caller = await requireStaff(context, request);
  const all = await run(() => listChannelSettings(context.services, caller));
  return { channels: all.filter((c) => isConfigurable(c.channel)).map(cardData) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const caller = await requireStaff(context, request);
  const f = formToObject(await request.formData());
  const channel = f.channel ?? "";
  if (f.intent === "test")
    return runForm(
      async () => ({
        tested: { channel, ...(await testChannel(context.services, caller, { channel, to: f.to })) },
      }),
      { form: `test-${channel}`, values: { to: f.to ?? "" } },
    );
  return runForm(
    async () => {
      if (f.intent !== "save") throw invalid("未知操作 / Unknown operation");
      const saved = await saveChannelSettings(context.services, caller, settingsInput(channel, f));
      return { saved: saved.channel, at: saved.updatedAt };
    },
    { form: `save-${channel}`, values: typedValues(f) },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: `${t("channels.settings.title")} · ${t("admin.shell.console")}` }];
}

type Tested = { channel: string; ok: boolean; provider: string; status: string; reason: string | null };

export default function ChannelSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  const tested = actionData && "tested" in actionData ? (actionData.tested as Tested) : null;
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title={t("channels.settings.title")}
        description={t("channels.settings.intro")}
        actions={
          <Link to="/admin/notices" className={subtleLink}>
            {t("channels.back")}
          </Link>
        }
      />
      <Notice kind="info">
        {t("channels.settings.outboxNote")}{" "}
        <Link to="/admin/notices/outbox" className="font-medium underline">
          {t("channels.outbox.title")}
        </Link>
      </Notice>
      {saved ? (
        <Notice kind="success">
          {t("channels.settings.saved", { channel: t(`channels.channel.${saved}`) })}
        </Notice>
      ) : null}
      {loaderData.channels.map((c) => (
        <ChannelCard
          key={`${c.channel}-${c.updatedAt ?? 0}`}
          settings={c}
          actionData={actionData}
          tested={tested?.channel === c.channel ? tested : null}
        />
      ))}
      <Card title={t("channels.channel.inbox")}>
        <p className="text-sm text-stone-600">{t("channels.settings.inboxNote")}</p>
      </Card>
    </div>
  );
}

function ChannelCard(props: { settings: CardData; actionData: unknown; tested: Tested | null }) {
  const { t } = useTranslation();
  const { lang } = useRoot();
  const { settings } = props;
  const channel = settings.channel;
  const failure = failureOf(props.actionData, `save-${channel}`);
  const typed = failure?.values;
  const stored = settings.values;
  const [provider, setProvider] = useState(typed?.provider ?? settings.provider);
  const shown = [
    "provider",
    "ratePerMinute",
    "quietHours",
    "quietHours.start",
    "quietHours.end",
    ...(FIELDS[provider] ?? []).map((s) => `config.${s.key}`),
  ];
  const errors = useFormErrors(failure, shown);
  const testFailure = failureOf<{ to: string }>(props.actionData, `test-${channel}`);
  const testErrors = useFormErrors(testFailure, ["to"]);
  const busy = useNavigation().state === "submitting";
  const quiet = settings.quietHours;
  const [quietOn, setQuietOn] = useState(typed ? typed.quiet === "1" : quiet !== null);
  const id = (name: string) => `${channel}-${name}`;

  function fieldValue(spec: FieldSpec): string {
    const name = `${provider}.${spec.key}`;
    if (typed && name in typed) return typed[name] ?? "";
    if (settings.provider === provider && spec.key in stored) return stored[spec.key] ?? "";
    return spec.kind === "select" ? (spec.fallback ?? "") : "";
  }

  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          {t(`channels.channel.${channel}`)}
          <StatusBadge tone={settings.provider === "outbox" ? "stone" : "green"}>
            {settings.provider === "outbox"
              ? t("channels.settings.notConfigured")
              : t(`channels.providers.${settings.provider}`, { defaultValue: settings.provider })}
          </StatusBadge>
        </span>
      }
      actions={
        settings.updatedAt ? (
          <span className="text-xs text-stone-500">
            {t("channels.settings.updatedAt", { time: formatMinute(settings.updatedAt) })}
          </span>
        ) : null
      }
    >
      <Form method="post" className="flex flex-col gap-4" data-channel={channel}>
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="channel" value={channel} />
        {errors.notice}
        <SelectBox
          id={id("provider")}
          label={t("channels.settings.provider")}
          name="provider"
          value={provider}
          onChange={setProvider}
          error={errors.field("provider") ?? errors.field("config.provider")}
          options={PROVIDERS[channel].map((p) => ({
            value: p,
            label: t(`channels.providers.${p}`),
          }))}
          hint={t(`channels.providerHelp.${provider}`, { defaultValue: "" }) || undefined}
        />
        {PROVIDERS[channel].map((p) => (
          // A hidden provider's fieldset is disabled too: its fields are neither checked nor sent.
          <fieldset
            key={p}
            hidden={p !== provider}
            disabled={p !== provider}
            className="grid gap-4 sm:grid-cols-2"
          >
            <legend className="sr-only">{t(`channels.providers.${p}`)}</legend>
            {(FIELDS[p] ?? []).map((spec) => (
              <ProviderField
                key={spec.key}
                id={id(`${p}-${spec.key}`)}
                provider={p}
                spec={spec}
                value={p === provider ? fieldValue(spec) : ""}
                secretSet={
                  spec.kind === "secret" && settings.provider === p && settings.secretsSet.includes(spec.key)
                }
                error={p === provider ? errors.field(`config.${spec.key}`) : undefined}
              />
            ))}
          </fieldset>
        ))}
        <div className="grid gap-4 border-t border-stone-100 pt-4 sm:grid-cols-2">
          <Input
            id={id("rate")}
            label={t("channels.settings.rate")}
            name="ratePerMinute"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={typed?.ratePerMinute ?? settings.ratePerMinute}
            hint={t(`channels.settings.rateHelp.${channel}`)}
            error={errors.field("ratePerMinute")}
          />
          <div className="flex flex-col gap-2">
            <Check
              name="quiet"
              label={t("channels.settings.quiet")}
              checked={quietOn}
              onChange={setQuietOn}
              hint={t(channel === "sms" ? "channels.settings.quietHelpSms" : "channels.settings.quietHelp")}
            />
            <div className="grid grid-cols-2 gap-3">
              <Input
                id={id("quiet-start")}
                label={t("channels.settings.quietStart")}
                name="quietStart"
                type="time"
                disabled={!quietOn}
                defaultValue={typed?.quietStart ?? quiet?.start ?? DEFAULT_QUIET.start}
                error={errors.field("quietHours.start") ?? errors.field("quietHours")}
              />
              <Input
                id={id("quiet-end")}
                label={t("channels.settings.quietEnd")}
                name="quietEnd"
                type="time"
                disabled={!quietOn}
                defaultValue={typed?.quietEnd ?? quiet?.end ?? DEFAULT_QUIET.end}
                error={errors.field("quietHours.end")}
              />
            </div>
          </div>
        </div>
        <div>
          <Button disabled={busy}>{t("channels.settings.save")}</Button>
        </div>
      </Form>
      <Form
        method="post"
        className="mt-5 flex flex-col gap-3 border-t border-stone-200 pt-4"
        data-test-channel={channel}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="test" />
        <input type="hidden" name="channel" value={channel} />
        <h3 className="text-sm font-semibold">{t("channels.settings.test")}</h3>
        <p className="text-xs text-stone-500">{t(`channels.settings.testHelp.${channel}`)}</p>
        {testErrors.notice}
        <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <Input
            id={id("test-to")}
            label={t(`channels.settings.testTo.${channel}`)}
            name="to"
            type={channel === "email" ? "email" : "text"}
            inputMode={channel === "email" ? "email" : "tel"}
            required
            defaultValue={testFailure?.values?.to}
            error={testErrors.field("to")}
          />
          <Button variant="secondary" disabled={busy}>
            {t("channels.settings.testSend")}
          </Button>
        </div>
        {props.tested ? (
          props.tested.ok ? (
            <Notice kind="success">
              {t(
                props.tested.provider === "outbox"
                  ? "channels.settings.testOutbox"
                  : "channels.settings.testOk",
                {
                  provider: t(`channels.providers.${props.tested.provider}`, {
                    defaultValue: props.tested.provider,
                  }),
                },
              )}
            </Notice>
          ) : (
            <Notice kind="error">
              {t("channels.settings.testFailed", {
                reason: localMessage(props.tested.reason ?? props.tested.status, lang),
              })}
            </Notice>
          )
        ) : null}
      </Form>
    </Card>
  );
}

function ProviderField(props: {
  id: string;
  provider: string;
  spec: FieldSpec;
  value: string;
  secretSet: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const { spec, provider } = props;
  const name = `${provider}.${spec.key}`;
  const base = `channels.fields.${provider}.${spec.key}`;
  const label = t(`${base}.label`);
  const help = t(`${base}.help`, { defaultValue: "" });
  if (spec.kind === "checkbox")
    return (
      <div className="sm:col-span-2">
        <Check name={name} label={label} defaultChecked={props.value === "true"} hint={help || undefined} />
      </div>
    );
  if (spec.kind === "select")
    return (
      <SelectBox
        id={props.id}
        label={label}
        name={name}
        defaultValue={props.value || spec.fallback}
        error={props.error}
        hint={help || undefined}
        options={(spec.options ?? []).map((o) => ({ value: o, label: t(`${base}.options.${o}`) }))}
      />
    );
  const secretHint = props.secretSet ? t("channels.settings.secretSet") : t("channels.settings.secretUnset");
  return (
    <Input
      id={props.id}
      label={label}
      name={name}
      type={spec.kind === "secret" ? "password" : spec.kind === "number" ? "number" : "text"}
      inputMode={spec.kind === "number" ? "numeric" : undefined}
      autoComplete={spec.kind === "secret" ? "new-password" : "off"}
      required={spec.required}
      defaultValue={spec.kind === "secret" ? "" : props.value}
      placeholder={
        spec.kind === "secret" ? (props.secretSet ? "••••••••" : "") : (spec.placeholder ?? spec.fallback)
      }
      hint={[spec.kind === "secret" ? secretHint : null, help || null].filter(Boolean).join(" ") || undefined}
      error={props.error}
    />
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary />;
}
