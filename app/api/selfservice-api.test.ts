// The self-service and inbox API as a token holder calls it: a resident's own profile and proposals,
// the review queue in the reviewer's scope, approving, and the notices that follow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import * as inbox from "../routes/api/inbox.ts";
import * as inboxRead from "../routes/api/inbox-read.ts";
import * as profile from "../routes/api/me-profile.ts";
import * as withdraw from "../routes/api/me-proposal-withdraw.ts";
import * as proposals from "../routes/api/me-proposals.ts";
import * as review from "../routes/api/review.ts";
import * as approve from "../routes/api/review-approve.ts";
import * as reject from "../routes/api/review-reject.ts";
import * as reviews from "../routes/api/reviews.ts";
import { documented, routeCaller } from "./api-call.test-support.ts";

describe("self-service API", () => {
  let t: TestServices;
  const call = routeCaller(() => t.services);
  beforeAll(async () => {
    t = await createTestServices({ demoResidents: true });
  });
  afterAll(() => t.cleanup());

  it("lets a resident read their own details and propose a phone change", async () => {
    const own = await call(profile.loader, "zhangwei");
    expect(own.status).toBe(200);
    documented("getOwnProfile", own.body);
    expect(own.body.fields.find((f: { key: string }) => f.key === "document").display).toMatch(/\*{8}/);

    const refused = await call(proposals.action, "zhangwei", {
      method: "POST",
      body: { values: { document: "110102198503120130" } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.document).toMatch(/证件号码/);

    const made = await call(proposals.action, "zhangwei", {
      method: "POST",
      body: { values: { mobile: "13912345678" } },
    });
    expect(made.status).toBe(201);
    documented("proposeProfileChanges", made.body);
    expect(made.body).toMatchObject({
      status: "pending",
      changes: [{ field: "mobile", new: "139****5678" }],
    });
    expect((await call(profile.loader, "fengsheng")).status).toBe(403);
  });

  it("shows the queue in scope only, and approving applies the change and notifies the resident", async () => {
    const queue = await call(reviews.loader, "fengsheng");
    expect(queue.status).toBe(200);
    documented("listReviews", queue.body);
    expect(queue.body.counts.pending).toBe(1);
    const id = queue.body.items[0].id;
    expect((await call(reviews.loader, "erlonglu")).body.items).toEqual([]);
    expect((await call(review.loader, "erlonglu", { id })).status).toBe(403);
    expect((await call(approve.action, "erlonglu", { method: "POST", id, body: {} })).status).toBe(403);
    expect((await call(reviews.loader, "zhangwei")).status).toBe(403);
    expect((await call(review.loader, "fengsheng", { id: 999999 })).status).toBe(404);

    const bad = await call(reviews.loader, "fengsheng", { query: "?status=maybe" });
    expect(bad.status).toBe(400);
    const noReason = await call(reject.action, "fengsheng", { method: "POST", id, body: { reason: "" } });
    expect(noReason.status).toBe(400);

    const seen = await call(review.loader, "fengsheng", { id });
    documented("getReview", seen.body);
    const done = await call(approve.action, "fengsheng", {
      method: "POST",
      id,
      body: { revision: seen.body.revision },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "approved", changes: [{ field: "mobile", applied: true }] });
    expect((await call(approve.action, "fengsheng", { method: "POST", id, body: {} })).status).toBe(409);
    expect((await call(withdraw.action, "zhangwei", { method: "POST", id })).status).toBe(409);

    const messages = await call(inbox.loader, "zhangwei");
    documented("listInbox", messages.body);
    expect(messages.body.unread).toBe(1);
    expect(messages.body.items[0]).toMatchObject({ kind: "selfservice.approved", link: "/sns/profile" });
    const messageId = messages.body.items[0].id;
    expect((await call(inboxRead.action, "liuyang", { method: "POST", id: messageId })).status).toBe(404);
    const read = await call(inboxRead.action, "zhangwei", { method: "POST", id: messageId });
    expect(read).toMatchObject({ status: 200, body: { unread: 0 } });
  });
});
