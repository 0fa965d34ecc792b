// In-site messages 站内信 as a channel: the message goes to the account's inbox (the app's own table, so
// the poster is handed in). `to` is the account id.
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "./types.ts";

export type InboxPoster = (
  accountId: number,
  notice: { title: string; body: string; messageId: number },
) => Promise<void>;

export function createInboxAdapter(post: InboxPoster): ChannelAdapter {
  return {
    channel: "inbox",
    provider: "inbox",
    concurrency: 4,
    async send(message: OutgoingMessage): Promise<SendOutcome> {
      const account = Number(message.to);
      if (!Number.isInteger(account) || account <= 0)
        return { status: "failed", reason: "没有居民账号 / No resident account" };
      await post(account, { title: message.subject, body: message.text, messageId: message.id });
      return { status: "sent" };
    },
  };
}
