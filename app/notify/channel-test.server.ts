// "发送测试": one message through a channel as configured now, to an address the admin types, so a wrong
// password or template code shows up before a campaign meets it. Logged with its outcome.
import { z } from "zod";
import { recordAudit } from "../audit/log.server.ts";
import { authorize } from "../auth/access.server.ts";
import { invalid } from "../core/errors.ts";
import type { Caller, Services } from "../core/services.server.ts";
import { parseInput } from "../core/validate.ts";
import { buildAdapter } from "./adapters.server.ts";
import { checkAddress } from "./address.ts";

export const channelTestSchema = z.object({
  channel: z.enum(["email", "sms", "fax"], { error: "未知的发送渠道 / Unknown channel" }),
  to: z.string().trim().min(1, "请填写测试地址或号码 / Type where to send the test").max(254),
});

export async function testChannel(services: Services, caller: Caller, input: unknown) {
  await authorize(services, caller, "notice.configure");
  const { channel, to } = parseInput(channelTestSchema, input);
  const check = checkAddress(channel, to);
  if (!check?.ok)
    throw invalid("地址或号码无效 / Not a valid address or number", { to: "格式不对 / Not valid" });
  const adapter = await buildAdapter(services, channel);
  try {
    const outcome = await adapter.send({
      id: 0,
      campaignId: 0,
      channel,
      to: check.address,
      subject: "邻里平台测试消息 / Linli test message",
      text: "这是一条测试消息，收到说明发送渠道设置正确。/ A test message: the channel works.",
      html: null,
      smsParams: undefined,
      messageId: `<test.${Date.now()}@linli.local>`,
    });
    const ok = outcome.status === "sent";
    const error = ok ? undefined : (outcome as { reason: string }).reason;
    await recordAudit(services.db, services.dialect, {
      event: "notice.channel_tested",
      data: { channel, provider: adapter.provider, ok, ...(error ? { error: error.slice(0, 300) } : {}) },
      caller,
    });
    return { ok, provider: adapter.provider, status: outcome.status, reason: error ?? null };
  } finally {
    await adapter.close?.();
  }
}
