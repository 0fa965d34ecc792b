// Each channel's adapter as its settings say (channels.server.ts): SMTP or the outbox for email; 阿里云,
// 腾讯云, a generic HTTP gateway or the outbox for SMS; email-to-fax, HTTP or the outbox for fax; the inbox
// table for in-site messages.
import path from "node:path";
import type {
  AliyunSmsConfig,
  EmailFaxConfig,
  HttpGatewayConfig,
  SmtpConfig,
  TencentSmsConfig,
} from "../../emails/channels/config.ts";
import { createEmailFaxAdapter } from "../../emails/channels/fax/email-fax.ts";
import { createHttpGatewayAdapter } from "../../emails/channels/http-gateway.ts";
import { createInboxAdapter } from "../../emails/channels/inbox.ts";
import { createOutboxAdapter } from "../../emails/channels/outbox.ts";
import { createAliyunSmsAdapter } from "../../emails/channels/sms/aliyun.ts";
import { createTencentSmsAdapter } from "../../emails/channels/sms/tencent.ts";
import { createSmtpAdapter } from "../../emails/channels/smtp.ts";
import type { Channel, ChannelAdapter } from "../../emails/channels/types.ts";
import type { Services } from "../core/services.server.ts";
import { type ChannelSettings, channelSettings } from "./channels.server.ts";
import { renderFaxPage } from "./fax-page.server.tsx";
import { sendNotice } from "./inbox.server.ts";

export const outboxDir = (services: Services) => path.join(services.config.dataDir, "outbox");

/** Who notices come from when no sender is configured: the street office (the org tree's root). */
async function senderName(services: Services): Promise<string> {
  const root = await services.db
    .selectFrom("orgs")
    .select("name")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirst();
  return root?.name ?? "社区";
}

function emailAdapter(services: Services, settings: ChannelSettings, sender: string): ChannelAdapter {
  const config = settings.config as SmtpConfig | { provider: "outbox" };
  if (config.provider === "smtp") return createSmtpAdapter(config);
  return createOutboxAdapter("email", outboxDir(services), { from: `${sender} <notice@linli.local>` });
}

export async function buildAdapter(services: Services, channel: Channel): Promise<ChannelAdapter> {
  const settings = await channelSettings(services, channel);
  const sender = await senderName(services);
  const config = settings.config;
  switch (channel) {
    case "inbox":
      return createInboxAdapter(async (account, notice) => {
        await sendNotice(services.db, [account], {
          kind: "notice.campaign",
          title: notice.title,
          body: notice.body,
        });
      });
    case "email":
      return emailAdapter(services, settings, sender);
    case "sms":
      if (config.provider === "aliyun")
        return createAliyunSmsAdapter(config as AliyunSmsConfig & { accessKeySecret: string });
      if (config.provider === "tencent")
        return createTencentSmsAdapter(config as TencentSmsConfig & { secretKey: string });
      if (config.provider === "http") return createHttpGatewayAdapter("sms", config as HttpGatewayConfig);
      return createOutboxAdapter("sms", outboxDir(services));
    case "fax": {
      if (config.provider === "http") return createHttpGatewayAdapter("fax", config as HttpGatewayConfig);
      if (config.provider === "email-fax") {
        const email = emailAdapter(services, await channelSettings(services, "email"), sender);
        return createEmailFaxAdapter(config as EmailFaxConfig, email, (m) =>
          renderFaxPage({ subject: m.subject, text: m.text, from: sender, sentAt: new Date() }),
        );
      }
      return createOutboxAdapter("fax", outboxDir(services));
    }
  }
}
