// What the SMS platforms' adapters share in reading a reply: the JSON body (or nothing), a network failure
// as a retry naming the socket error, and a reply without a code as unreadable or refused.
import type { SendOutcome } from "../types.ts";

export async function readJson<T>(response: Response): Promise<T | null> {
  try {
    const value: unknown = JSON.parse(await response.text());
    return value && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

/** fetch's own "fetch failed" says little; its cause names the socket error (ECONNREFUSED …). */
export function networkRetry(error: unknown): SendOutcome {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const what = error instanceof Error ? `${error.message}${cause}` : String(error);
  return { status: "retry", reason: `连接短信平台失败 / Could not reach the SMS provider (${what})` };
}

/** A reply with no code: a success status that says nothing is retried; an error status is a refusal. */
export function uncodedReply(status: number, detail: string): SendOutcome {
  return status < 300
    ? { status: "retry", reason: `短信平台回复无法识别 / Unreadable reply from the SMS provider (${detail})` }
    : { status: "failed", reason: `短信平台拒绝了请求 / The SMS provider refused the request (${detail})` };
}
