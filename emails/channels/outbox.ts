// Where a channel delivers while no provider is configured: files staff can open, an .eml in any mail
// program and a .txt for SMS and fax, so a demo or a new installation shows exactly what would be sent.
// Files are named after the queue row, so a retry rewrites the same file instead of adding another.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { composeEmail } from "./smtp.ts";
import type { Channel, ChannelAdapter, OutgoingMessage } from "./types.ts";

const DEFAULT_FROM = "Linli 邻里 <noreply@linli.local>";

/** Writes one message under `dir` and answers the file's path relative to it ("email/2026-05-01/7.eml"). */
type Writer = (dir: string, base: string, message: OutgoingMessage) => Promise<string>;

// Street offices work on Beijing time whatever the server's zone; "en-CA" formats as 2026-05-01.
const beijingDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

export function createOutboxAdapter(
  channel: Channel,
  dir: string,
  options: { from?: string } = {},
): ChannelAdapter {
  const write = channel === "email" ? emailWriter(options.from ?? DEFAULT_FROM) : writeText;
  return {
    channel,
    provider: "outbox",
    concurrency: 4,
    async send(message) {
      const base = `${channel}/${beijingDate.format(new Date())}/${message.id}`;
      try {
        return { status: "sent", providerId: await write(dir, base, message) };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        // A file system error (a full disk) passes; a message that cannot be composed will not.
        return (error as NodeJS.ErrnoException).syscall
          ? {
              status: "retry",
              reason: `写入发件箱失败：${detail} / Could not write to the outbox: ${detail}`,
            }
          : {
              status: "failed",
              reason: `无法生成邮件：${detail} / Could not compose the message: ${detail}`,
            };
      }
    },
  };
}

function emailWriter(from: string): Writer {
  // The mailer pipeline SMTP goes through (List-* headers included), streamed into a buffer instead.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return async (dir, base, message) => {
    const info = await transport.sendMail(composeEmail({ from }, message));
    const file = `${base}.eml`;
    await writeAtomic(inside(dir, file), info.message as Buffer);
    return file;
  };
}

/** SMS and fax: a short text file, a fax's pages written beside it. */
async function writeText(dir: string, base: string, message: OutgoingMessage): Promise<string> {
  const attached: string[] = [];
  for (const [i, attachment] of (message.attachments ?? []).entries()) {
    const file = `${base}-${i + 1}-${safeFileName(attachment.filename)}`;
    await writeAtomic(inside(dir, file), attachment.content);
    attached.push(path.posix.basename(file));
  }
  const file = `${base}.txt`;
  await writeAtomic(inside(dir, file), textFile(message, attached));
  return file;
}

function textFile(message: OutgoingMessage, attached: readonly string[]): string {
  const lines = [`Channel: ${message.channel}`, `To: ${message.to}`];
  if (message.subject) lines.push(`Subject: ${message.subject}`);
  if (message.smsParams && Object.keys(message.smsParams).length)
    lines.push(`Params: ${JSON.stringify(message.smsParams)}`);
  for (const name of attached) lines.push(`Attachment: ${name}`);
  return `${lines.join("\n")}\n\n${message.text}\n`;
}

/** A name that stays one file in this directory: no separators, control characters or leading dots. */
function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[/\\\p{Cc}]/gu, "_")
    .replace(/^\.+/, "")
    .slice(-100);
  return cleaned || "attachment";
}

/** Write then rename, so a reader never sees half a file; the temporary name is hidden from readOutboxFile. */
async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    // The files hold names, addresses and phone numbers: readable by the service's user only.
    await fs.writeFile(temporary, data, { mode: 0o600 });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A file of the outbox by the path `send` answered, or null when there is none. Refuses any path that
 * could leave `dir`: absolute, with a `..` or a hidden segment, a backslash or a NUL.
 */
export async function readOutboxFile(dir: string, relativePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(inside(dir, relativePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") return null;
    throw error;
  }
}

function inside(dir: string, relativePath: string): string {
  const segments = relativePath.split("/");
  const unsafe =
    path.isAbsolute(relativePath) ||
    /[\\\0]/.test(relativePath) ||
    segments.some((s) => s === "" || s.startsWith("."));
  const root = path.resolve(dir);
  const file = path.resolve(root, ...segments);
  if (unsafe || !file.startsWith(root + path.sep))
    throw new Error("文件不在发件箱内 / The path is outside the outbox");
  return file;
}
