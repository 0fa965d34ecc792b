// Email-to-fax: many fax services (and office fax servers) take a mail to <number>@<their domain> and fax
// its PDF attachment. The page is rendered here and the mail goes out through the office's email adapter,
// whose outcome is the fax's: the service's own delivery report comes later, by mail, to the sender.
import type { EmailFaxConfig } from "../config.ts";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "../types.ts";

/** "+86 10 6601-2345" → "01066012345", as the queue writes fax numbers; null when too short to dial. */
function faxDigits(to: string): string | null {
  const digits = to.replace(/^\s*\+86/, "0").replace(/\D/g, "");
  return digits.length >= 7 ? digits : null;
}

export function createEmailFaxAdapter(
  config: EmailFaxConfig,
  email: ChannelAdapter,
  renderPage: (m: OutgoingMessage) => Promise<Buffer>,
): ChannelAdapter {
  return {
    channel: "fax",
    provider: "email-fax",
    concurrency: email.concurrency,

    async send(message): Promise<SendOutcome> {
      const number = faxDigits(message.to);
      if (!number) return { status: "bounced", reason: "传真号码无效 / Not a valid fax number" };
      let page: Buffer;
      try {
        page = await renderPage(message);
      } catch (error) {
        const what = error instanceof Error ? error.message : String(error);
        return { status: "failed", reason: `传真页面生成失败 / Could not make the fax page (${what})` };
      }
      return email.send({
        ...message,
        channel: "email",
        to: config.addressPattern.replaceAll("{number}", number),
        toName: undefined,
        // Some services print the mail's text on a cover sheet: keep it to one line.
        text: `传真：${message.subject}（见附件）/ Fax: ${message.subject} (attached)`,
        html: null,
        smsParams: undefined,
        unsubscribeUrl: null,
        attachments: [{ filename: `fax-${message.id}.pdf`, content: page, contentType: "application/pdf" }],
      });
    },

    verify: email.verify ? () => email.verify!() : undefined,
  };
}
