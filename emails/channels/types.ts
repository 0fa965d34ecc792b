// What every delivery channel adapter takes and answers. The queue (app/notify/) renders each recipient's
// message, claims it once and hands it to the adapter of its channel; the adapter only delivers and says
// how it went, so a street office can add a provider by writing one file against these types.

export const CHANNELS = ["email", "sms", "fax", "inbox"] as const;
export type Channel = (typeof CHANNELS)[number];

/** One rendered message for one recipient. */
export interface OutgoingMessage {
  /** The queue row's id: stable across retries, so providers that accept an idempotency key get it. */
  id: number;
  campaignId: number;
  channel: Channel;
  /** An email address, an 11-digit mainland mobile number, a fax number, or an account id (inbox). */
  to: string;
  /** The recipient's name as the office keeps it (for an email's display name). */
  toName?: string;
  /** Email subject, fax cover title, in-site message title. */
  subject: string;
  /** Plain text: the email's text part, the SMS text, the fax page's text, the in-site message body. */
  text: string;
  /** The email's HTML part (already personalised and escaped); null: text only. */
  html: string | null;
  /** SMS platforms that send registered templates only: the template's parameters, personalised. */
  smsParams?: Record<string, string>;
  /** A one-click unsubscribe address (email): shown in the message and sent as List-Unsubscribe. */
  unsubscribeUrl?: string | null;
  /** Files to send along (a fax's page as PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** RFC 5322 Message-ID, derived from the queue row: `<n123.c45@linli.local>`. */
  messageId: string;
}

/**
 * How a delivery went.
 * - sent: the provider accepted it (providerId: its id for the message, when it gives one);
 * - retry: a passing failure (connection lost before the message was accepted, 4xx SMTP, HTTP 5xx, a
 *   provider's rate limit): the queue tries again later with backoff;
 * - bounced: the recipient's address was refused (SMTP 5xx for that recipient, an invalid number);
 * - failed: anything else that will not get better by trying again (bad credentials, a template refused).
 */
export type SendOutcome =
  | { status: "sent"; providerId?: string }
  | { status: "retry"; reason: string }
  | { status: "bounced"; reason: string }
  | { status: "failed"; reason: string };

export interface ChannelAdapter {
  readonly channel: Channel;
  /** "smtp", "aliyun", "tencent", "http", "email-fax", "outbox", "inbox" … */
  readonly provider: string;
  /** How many messages it may have in flight at once (an SMTP pool's connections). */
  readonly concurrency: number;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /** Checks the configuration with the provider where it can without sending (SMTP: connect and auth). */
  verify?(): Promise<void>;
  close?(): Promise<void>;
}
