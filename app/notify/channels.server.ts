// The delivery channels' settings 通知渠道设置: which provider each channel uses and its account, how many
// messages a minute it may send, and (SMS) its quiet hours. Kept in the settings table, secrets sealed
// under the field-encryption key and never sent back; with nothing configured a channel delivers to the
// outbox, so the demo works. The worker builds its adapters from here (adapters.server.ts).
import { z } from "zod";
import {
  channelConfigSchemas,
  type EmailConfig,
  type FaxConfig,
  SECRET_KEYS,
  type SmsConfig,
} from "../../emails/channels/config.ts";
import { CHANNELS, type Channel } from "../../emails/channels/types.ts";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";

export type ProviderConfig = EmailConfig | SmsConfig | FaxConfig | { provider: "inbox" };

export interface QuietHours {
  /** "21:00" – "08:00", Beijing time: no message of the channel leaves in between. */
  start: string;
  end: string;
}

export interface ChannelSettings {
  channel: Channel;
  /** Secrets opened (server side only). */
  config: ProviderConfig;
  ratePerMinute: number;
  quietHours: QuietHours | null;
  updatedAt: number | null;
}

/** What the console and the API show: secrets only as "set" or not. */
export interface ChannelSettingsView extends Omit<ChannelSettings, "config"> {
  config: Record<string, unknown> & { provider: string };
  secretsSet: string[];
}

export const DEFAULT_RATES: Record<Channel, number> = { email: 60_000, sms: 600, fax: 20, inbox: 600_000 };
const DEFAULT_QUIET: Partial<Record<Channel, QuietHours>> = { sms: { start: "21:00", end: "08:00" } };

const settingKey = (channel: Channel) => `notify.channel.${channel}`;
/** Seals and opens a channel's secret (a key rotation re-seals them: app/keys/sweep.server.ts). */
export const aad = (channel: Channel, field: string) => ({
  record: `settings:${settingKey(channel)}`,
  field,
});

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间写成 HH:MM，如 21:00 / Time as HH:MM, e.g. 21:00");

export const channelSettingsInputSchema = z.object({
  channel: z.enum(["email", "sms", "fax"], { error: "未知的发送渠道 / Unknown channel" }),
  config: z.record(z.string(), z.unknown()),
  ratePerMinute: z.coerce
    .number()
    .int()
    .min(1, "每分钟至少 1 条 / At least 1 a minute")
    .max(1_000_000)
    .optional(),
  quietHours: z.object({ start: clock, end: clock }).nullable().optional(),
});

interface Stored {
  config: Record<string, unknown>;
  ratePerMinute: number;
  quietHours: QuietHours | null;
  updatedAt: number;
}

async function readStored(services: Services, channel: Channel): Promise<Stored | null> {
  const row = await services.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", settingKey(channel))
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as Stored) : null;
}

function openSecrets(services: Services, channel: Channel, config: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...config };
  for (const k of SECRET_KEYS) {
    const sealed = out[k] as { $c?: string } | undefined;
    if (sealed?.$c) out[k] = services.cipher.decrypt(sealed.$c, aad(channel, k));
  }
  return out;
}

/** A channel's settings with secrets opened; the outbox when nothing is configured. */
export async function channelSettings(services: Services, channel: Channel): Promise<ChannelSettings> {
  const stored = channel === "inbox" ? null : await readStored(services, channel);
  return {
    channel,
    config: stored
      ? (openSecrets(services, channel, stored.config) as ProviderConfig)
      : channel === "inbox"
        ? { provider: "inbox" }
        : { provider: "outbox" },
    ratePerMinute: stored?.ratePerMinute ?? DEFAULT_RATES[channel],
    quietHours: stored ? stored.quietHours : (DEFAULT_QUIET[channel] ?? null),
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** A fingerprint of every channel's stored settings: the worker rebuilds its adapters when it changes. */
export async function settingsVersion(services: Services): Promise<string> {
  const rows = await services.db
    .selectFrom("settings")
    .select(["key", "value"])
    .where("key", "like", "notify.channel.%")
    .execute();
  return rows
    .map((r) => `${r.key}:${(JSON.parse(r.value) as Stored).updatedAt}`)
    .sort()
    .join(",");
}

function present(settings: ChannelSettings): ChannelSettingsView {
  const config: Record<string, unknown> & { provider: string } = { ...settings.config };
  const secretsSet: string[] = [];
  for (const k of SECRET_KEYS)
    if (k in config) {
      if (config[k]) secretsSet.push(k);
      delete config[k];
    }
  return { ...settings, config, secretsSet };
}

export async function listChannelSettings(
  services: Services,
  caller: Caller,
): Promise<ChannelSettingsView[]> {
  await authorize(services, caller, "notice.configure");
  return Promise.all(CHANNELS.map(async (c) => present(await channelSettings(services, c))));
}

/** Stores a channel's settings; an empty secret keeps the stored one. */
export async function saveChannelSettings(
  services: Services,
  caller: Caller,
  input: unknown,
): Promise<ChannelSettingsView> {
  await authorize(services, caller, "notice.configure");
  const request = parseInput(channelSettingsInputSchema, input);
  const channel = request.channel;
  const parsed = channelConfigSchemas[channel].safeParse(request.config);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[`config.${issue.path.join(".")}`] = issue.message;
    throw invalid("渠道设置有误，请检查标出的项 / Check the marked settings", fields);
  }
  const before = await readStored(services, channel);
  const config: Record<string, unknown> = { ...parsed.data };
  for (const k of SECRET_KEYS) {
    if (!(k in config) && !(before?.config && k in before.config)) continue;
    const given = config[k];
    if (typeof given === "string" && given !== "")
      config[k] = { $c: services.cipher.encrypt(given, aad(channel, k)) };
    else if (before?.config[k] && before.config.provider === config.provider) config[k] = before.config[k];
    else delete config[k];
  }
  const stored: Stored = {
    config,
    ratePerMinute: request.ratePerMinute ?? before?.ratePerMinute ?? DEFAULT_RATES[channel],
    quietHours:
      request.quietHours === undefined
        ? (before?.quietHours ?? DEFAULT_QUIET[channel] ?? null)
        : request.quietHours,
    updatedAt: Date.now(),
  };
  await services.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("settings").where("key", "=", settingKey(channel)).execute();
    await trx
      .insertInto("settings")
      .values({ key: settingKey(channel), value: JSON.stringify(stored) })
      .execute();
    await recordAudit(trx, services.dialect, {
      event: "notice.channel_configured",
      data: { channel, provider: String(config.provider) },
      caller,
    });
  });
  return present(await channelSettings(services, channel));
}

/** Minutes since midnight, Beijing time (no daylight saving). */
export function beijingMinutes(now: number): number {
  return Math.floor(((now + 8 * 3_600_000) % 86_400_000) / 60_000);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `now` falls in the quiet hours (which may run over midnight). */
export function inQuietHours(quiet: QuietHours | null, now: number): boolean {
  if (!quiet) return false;
  const at = beijingMinutes(now);
  const [start, end] = [minutesOf(quiet.start), minutesOf(quiet.end)];
  if (start === end) return false;
  return start < end ? at >= start && at < end : at >= start || at < end;
}
