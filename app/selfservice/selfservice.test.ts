// Reviewed self-service updates end to end through the domain, on a real database (SQLite, or MariaDB
// with LINLI_TEST_DATABASE_URL): a demo resident proposes, staff of their community approve or reject,
// conflicts with staff edits are shown and never overwritten, and everyone else is kept out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { auditEvents, callerFor } from "../../tests/support/factories.ts";
import type { Caller } from "../core/services.server.ts";
import { listInbox } from "../notify/inbox.server.ts";
import { getRecord } from "../people/records/read.server.ts";
import { updateRecord } from "../people/records/write.server.ts";
import { getOwnProfile, openValues, ownRecord } from "./profile.server.ts";
import { proposeChanges, withdrawProposal } from "./propose.server.ts";
import { approveReview, getReview, listReviews, pendingReviewCount, rejectReview } from "./review.server.ts";

describe("self-service updates", () => {
  let t: TestServices;
  let zhangwei: Caller;
  let liuyang: Caller;
  let fengsheng: Caller;
  let erlonglu: Caller;
  let admin: Caller;
  let recordId: number;

  const versions = async () =>
    t.services.db.selectFrom("record_versions").selectAll().where("record_id", "=", recordId).execute();
  const requests = async () => t.services.db.selectFrom("change_requests").selectAll().execute();

  beforeAll(async () => {
    t = await createTestServices({ demoResidents: true });
    zhangwei = await callerFor(t.services, "zhangwei");
    liuyang = await callerFor(t.services, "liuyang");
    fengsheng = await callerFor(t.services, "fengsheng");
    erlonglu = await callerFor(t.services, "erlonglu");
    admin = await callerFor(t.services, "admin");
    recordId = (await ownRecord(t.services, zhangwei)).row.id;
  });
  afterAll(() => t.cleanup());
  // Each test starts with no pending proposal of 张伟's.
  beforeEach(async () => {
    const pending = (await getOwnProfile(t.services, zhangwei)).pending;
    if (pending) await withdrawProposal(t.services, zhangwei, pending.id);
  });

  it("links the demo residents to their own records, without generated people", async () => {
    const profile = await getOwnProfile(t.services, zhangwei);
    expect(profile.orgName).toBe("丰盛社区 / 第一网格");
    const byKey = Object.fromEntries(profile.fields.map((f) => [f.key, f]));
    expect(byKey.name?.display).toBe("张伟");
    expect(byKey.document?.editable).toBe(false);
    expect(byKey.document?.display).toMatch(/^110102\*+\d{3}[\dX]$/);
    expect(byKey.mobile).toMatchObject({ editable: true, display: "186****1001" });
    expect(byKey.householdHead).toBeUndefined();
    expect(JSON.stringify(profile)).not.toContain("18610001001");
    expect((await getOwnProfile(t.services, liuyang)).orgName).toBe("二龙路社区 / 第二网格");
  });

  it("applies an approved phone change atomically: one version row, the log, a notice", async () => {
    const before = (await versions()).length;
    const proposal = await proposeChanges(t.services, zhangwei, { values: { mobile: "13912345678" } });
    expect(proposal).toMatchObject({ status: "pending", changes: [{ field: "mobile", new: "139****5678" }] });
    expect(await pendingReviewCount(t.services, fengsheng)).toBe(1);
    const stored = await requests();
    expect(JSON.stringify(stored)).not.toContain("13912345678");

    const approved = await approveReview(t.services, fengsheng, proposal.id, { revision: proposal.revision });
    expect(approved.status).toBe("approved");
    const after = await versions();
    expect(after).toHaveLength(before + 1);
    expect(JSON.parse(after.at(-1)!.changes)).toEqual([expect.objectContaining({ field: "mobile" })]);
    expect((await getRecord(t.services, fengsheng, recordId)).display.mobile).toBe("139****5678");
    for (const event of ["selfservice.proposed", "selfservice.approved", "record.updated"])
      expect((await auditEvents(t.services, event)).length, event).toBeGreaterThan(0);
    const log = (await auditEvents(t.services, "selfservice.approved")).at(-1)!;
    expect(log).toMatchObject({ actor_name: "fengsheng", target_id: approved.systemId });
    expect(log.data).not.toContain("13912345678");
    const inbox = await listInbox(t.services, zhangwei);
    expect(inbox.items[0]).toMatchObject({ kind: "selfservice.approved", read: false });
    expect(inbox.items[0]!.body).toContain("手机号码");
    expect(await pendingReviewCount(t.services, fengsheng)).toBe(0);
  });

  it("shows a staff edit made meanwhile as a conflict and never overwrites it", async () => {
    const proposal = await proposeChanges(t.services, zhangwei, {
      values: { mobile: "13700001111", email: "zw@example.org" },
    });
    await updateRecord(t.services, fengsheng, recordId, { values: { mobile: "13600002222" } });
    const review = await getReview(t.services, fengsheng, proposal.id);
    expect(review.conflicts).toEqual(["mobile"]);
    expect(review.changes.find((c) => c.field === "mobile")).toMatchObject({
      conflict: true,
      current: "136****2222",
      new: "137****1111",
    });
    const count = (await versions()).length;
    await expect(approveReview(t.services, fengsheng, proposal.id)).rejects.toMatchObject({
      kind: "conflict",
      fields: { mobile: expect.any(String) },
    });
    expect(await versions()).toHaveLength(count);

    const approved = await approveReview(t.services, fengsheng, proposal.id, { fields: ["email"] });
    expect(approved.changes.map((c) => [c.field, c.applied])).toEqual([
      ["mobile", false],
      ["email", true],
    ]);
    const record = await getRecord(t.services, fengsheng, recordId);
    expect(record.display.mobile).toBe("136****2222");
    expect(record.values.email).toBe("zw@example.org");
    const notice = (await listInbox(t.services, zhangwei)).items[0]!;
    expect(notice.body).toMatch(/已更新：电子邮箱[\s\S]*未更新：手机号码/);
  });

  it("rejects with a required reason, which the resident reads in their inbox", async () => {
    const proposal = await proposeChanges(t.services, zhangwei, {
      values: { workUnit: "西单商场股份有限公司" },
    });
    await expect(rejectReview(t.services, fengsheng, proposal.id, { reason: " " })).rejects.toMatchObject({
      kind: "invalid",
    });
    const rejected = await rejectReview(t.services, fengsheng, proposal.id, {
      reason: "请携带劳动合同到社区办理",
    });
    expect(rejected).toMatchObject({ status: "rejected", reason: "请携带劳动合同到社区办理" });
    expect((await getRecord(t.services, fengsheng, recordId)).values.workUnit).toBe(
      "金融街控股物业服务有限公司",
    );
    const notice = (await listInbox(t.services, zhangwei)).items[0]!;
    expect(notice).toMatchObject({ kind: "selfservice.rejected", link: "/sns/profile" });
    expect(notice.body).toContain("原因：请携带劳动合同到社区办理");
    const profile = await getOwnProfile(t.services, zhangwei);
    expect(profile.history[0]).toMatchObject({ id: proposal.id, status: "rejected" });
    await expect(approveReview(t.services, fengsheng, proposal.id)).rejects.toMatchObject({
      kind: "conflict",
    });
  });

  it("refuses a field the resident may not edit, naming it, and stores nothing", async () => {
    const before = (await requests()).length;
    const auditBefore = (await auditEvents(t.services, "selfservice.proposed")).length;
    await expect(
      proposeChanges(t.services, zhangwei, {
        values: { mobile: "13811112222", document: "110102198503120130" },
      }),
    ).rejects.toMatchObject({ kind: "invalid", message: /证件号码/, fields: { document: /证件号码/ } });
    await expect(proposeChanges(t.services, zhangwei, { values: { notes: "x" } })).rejects.toMatchObject({
      kind: "invalid",
      fields: { notes: expect.any(String) },
    });
    await expect(proposeChanges(t.services, zhangwei, { values: { mobile: "123" } })).rejects.toMatchObject({
      kind: "invalid",
      fields: { mobile: expect.any(String) },
    });
    expect(await requests()).toHaveLength(before);
    expect(await auditEvents(t.services, "selfservice.proposed")).toHaveLength(auditBefore);
  });

  it("merges a second proposal into the pending one; a reviewer's stale revision is refused", async () => {
    const first = await proposeChanges(t.services, zhangwei, { values: { mobile: "13500003333" } });
    const second = await proposeChanges(t.services, zhangwei, { values: { email: "new@example.org" } });
    expect(second.id).toBe(first.id);
    expect(second.revision).toBe(first.revision + 1);
    expect(second.changes.map((c) => c.field).sort()).toEqual(["email", "mobile"]);
    await expect(
      approveReview(t.services, fengsheng, first.id, { revision: first.revision }),
    ).rejects.toMatchObject({ kind: "conflict" });
    // Sending the registered values back withdraws it.
    const registered = openValues(t.services, await ownRecord(t.services, zhangwei));
    const back = await proposeChanges(t.services, zhangwei, {
      values: { mobile: registered.mobile, email: registered.email ?? "" },
    });
    expect(back).toMatchObject({ id: first.id, status: "withdrawn" });
    expect((await auditEvents(t.services, "selfservice.withdrawn")).length).toBeGreaterThan(0);
  });

  it("keeps other communities, other residents and the wrong roles out", async () => {
    const proposal = await proposeChanges(t.services, zhangwei, { values: { email: "scope@example.org" } });
    expect((await listReviews(t.services, erlonglu)).items.map((i) => i.id)).not.toContain(proposal.id);
    expect((await listReviews(t.services, admin)).items.map((i) => i.id)).toContain(proposal.id);
    await expect(getReview(t.services, erlonglu, proposal.id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(approveReview(t.services, erlonglu, proposal.id)).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(rejectReview(t.services, erlonglu, proposal.id, { reason: "x" })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(withdrawProposal(t.services, liuyang, proposal.id)).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(getReview(t.services, zhangwei, proposal.id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(getOwnProfile(t.services, fengsheng)).rejects.toMatchObject({ kind: "forbidden" });
    const denied = await auditEvents(t.services, "access.denied");
    expect(denied.some((d) => d.actor_name === "erlonglu" && d.target_type === "change_request")).toBe(true);
    // 刘洋's profile is 刘洋's record, whatever 张伟 proposed.
    const theirs = await getOwnProfile(t.services, liuyang);
    expect(theirs.systemId).not.toBe(proposal.systemId);
    expect(theirs.pending).toBeNull();
  });
});
