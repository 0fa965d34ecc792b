// The self-service pages as a browser without JavaScript meets them: 我的信息 posts a proposal, the review
// page approves or rejects it, 消息 shows the outcome; another community's admin is kept out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("self-service pages", () => {
  let server: TestServer;
  let zhangwei: Client;
  let fengsheng: Client;
  beforeAll(async () => {
    server = await startTestServer({ demoResidents: true });
    zhangwei = new Client(server.url);
    await zhangwei.login("zhangwei");
    fengsheng = new Client(server.url);
    await fengsheng.login("fengsheng");
  });
  afterAll(() => server.stop());

  /** The id of the newest proposal in fengsheng's queue (pending unless `status` says). */
  const newest = async (status = "") => {
    const { html } = await fengsheng.page(`/admin/reviews${status ? `?status=${status}` : ""}`);
    return /\/admin\/reviews\/(\d+)/.exec(html)![1]!;
  };

  it("proposes from the form, shows it pending, and approving reaches the resident's inbox", async () => {
    const profile = await zhangwei.page("/sns/profile");
    expect(profile.status).toBe(200);
    const text = textOf(profile.html);
    expect(text).toContain("186****1001");
    expect(text).not.toContain("18610001001");
    expect(text).toMatch(/110102\*+\d{3}[\dX]/);

    // Masked inputs left empty keep their value; the others come back as they were, except the one changed.
    const sent = await zhangwei.form("/sns/profile", {
      intent: "propose",
      "v.mobile": "",
      "v.email": "zhangwei@example.com",
      "v.workUnit": "西单商场股份有限公司",
      "v.address.community": "丰盛社区",
      "v.address.estate": "丰盛小区",
      "v.address.building": "3号楼",
      "v.address.unit": "2单元",
      "v.address.room": "501室",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/sns/profile?done=proposed");
    const pending = textOf((await zhangwei.page("/sns/profile?done=proposed")).html);
    expect(pending).toContain("正在审核的修改");
    expect(pending).toContain("西单商场股份有限公司");

    const id = await newest();
    const review = await fengsheng.page(`/admin/reviews/${id}`);
    expect(textOf(review.html)).toContain("工作单位");
    expect(textOf(review.html)).not.toContain("电子邮箱");
    const approved = await fengsheng.form(`/admin/reviews/${id}`, {
      intent: "approve",
      revision: "1",
      fields: "workUnit",
    });
    expect(approved.status).toBe(302);

    const inbox = textOf((await zhangwei.page("/sns/inbox")).html);
    expect(inbox).toContain("您的信息修改已通过审核");
    expect(inbox).toContain("已更新：工作单位");
  });

  it("refuses a rejection without a reason, then tells the resident the reason", async () => {
    await zhangwei.page("/sns/profile");
    expect(
      (await zhangwei.form("/sns/profile", { intent: "propose", "v.mobile": "13912345678" })).status,
    ).toBe(302);
    const id = await newest();
    await fengsheng.page(`/admin/reviews/${id}`);
    const empty = await fengsheng.form(`/admin/reviews/${id}`, { intent: "reject", reason: "" });
    expect(empty.status).toBe(400);
    const rejected = await fengsheng.form(`/admin/reviews/${id}`, {
      intent: "reject",
      reason: "号码与本人不符",
    });
    expect(rejected.status).toBe(302);
    expect(textOf((await zhangwei.page("/sns/inbox")).html)).toContain("原因：号码与本人不符");
    expect(textOf((await zhangwei.page("/sns/profile")).html)).toContain("号码与本人不符");
  });

  it("keeps another community's admin and residents out of the review pages", async () => {
    const id = await newest("rejected");
    const erlonglu = new Client(server.url);
    await erlonglu.login("erlonglu");
    expect((await erlonglu.page(`/admin/reviews/${id}`)).status).toBe(403);
    expect(textOf((await erlonglu.page("/admin/reviews")).html)).toContain("没有这类申请");
    expect((await zhangwei.page(`/admin/reviews/${id}`)).status).toBe(403);
  });
});
