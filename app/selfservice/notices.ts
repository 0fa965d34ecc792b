// The in-site notices a resident gets about their proposal (app/notify/inbox.server.ts). Written in
// plain Chinese: they are read on a phone by the resident, who chose Chinese-first services.
import type { Notice } from "../notify/inbox.server.ts";

const LINK = "/sns/profile";

export function approvedNotice(applied: readonly string[], skipped: readonly string[]): Notice {
  const lines = [`已更新：${applied.join("、")}。`];
  if (skipped.length > 0)
    lines.push(`未更新：${skipped.join("、")}（工作人员在您提交后已修改过，请查看后如有需要再次提交）。`);
  return {
    kind: "selfservice.approved",
    title: "您的信息修改已通过审核",
    body: lines.join("\n"),
    link: LINK,
  };
}

export function rejectedNotice(fields: readonly string[], reason: string): Notice {
  return {
    kind: "selfservice.rejected",
    title: "您的信息修改未通过审核",
    body: `申请修改：${fields.join("、")}。\n原因：${reason}`,
    link: LINK,
  };
}
