// Registry entries for reviewed self-service updates (a resident's own record and proposals, the staff
// review queue) and the in-site inbox. Spread into OPERATIONS (app/api/operations.ts).
import { z } from "zod";
import { inboxListSchema } from "../notify/inbox.server.ts";
import { proposeSchema } from "../selfservice/propose.server.ts";
import { approveSchema, rejectSchema, reviewListSchema } from "../selfservice/review.server.ts";
import type { ApiOperation, Text } from "./operations.ts";
import { inboxSchema, profileSchema, proposalSchema, reviewQueueSchema } from "./presenters-selfservice.ts";

const ok = (zh: string, en: string): Text => ({ zh, en });

export const SELF_SERVICE_OPERATIONS = [
  {
    operationId: "getOwnProfile",
    method: "GET",
    path: "/me/profile",
    tag: "selfservice",
    summary: ok("我的信息（本人登记的资料）", "My registered details"),
    access: "selfservice.propose",
    success: {
      status: 200,
      description: ok("本人的记录与申请", "The record and proposals"),
      schema: profileSchema,
    },
    errors: [401, 403, 404],
  },
  {
    operationId: "proposeProfileChanges",
    method: "POST",
    path: "/me/profile/proposals",
    tag: "selfservice",
    summary: ok(
      "提交信息修改，等待社区审核（已有待审核的申请时合并进去）",
      "Propose changes for review (merged into a pending proposal, if any)",
    ),
    access: "selfservice.propose",
    body: { schema: proposeSchema, required: true, example: { values: { mobile: "13912345678" } } },
    success: { status: 201, description: ok("待审核的申请", "The pending proposal"), schema: proposalSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "withdrawProposal",
    method: "POST",
    path: "/me/profile/proposals/{id}/withdraw",
    tag: "selfservice",
    summary: ok("撤回待审核的申请", "Withdraw a pending proposal"),
    access: "selfservice.propose",
    success: {
      status: 200,
      description: ok("已撤回的申请", "The withdrawn proposal"),
      schema: proposalSchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "listReviews",
    method: "GET",
    path: "/reviews",
    tag: "selfservice",
    summary: ok("管理范围内居民的信息修改申请", "Residents' proposals in your scope"),
    access: "selfservice.review",
    query: reviewListSchema,
    queryHelp: {
      status: ok(
        "pending 待审核（默认）、approved、rejected、withdrawn 或 decided（已处理）",
        "pending (default), approved, rejected, withdrawn or decided",
      ),
    },
    success: {
      status: 200,
      description: ok("申请列表与各状态数量", "Proposals and counts"),
      schema: reviewQueueSchema,
    },
    errors: [400, 401, 403],
  },
  {
    operationId: "getReview",
    method: "GET",
    path: "/reviews/{id}",
    tag: "selfservice",
    summary: ok(
      "一份申请：逐项修改前 → 修改后，与冲突",
      "One proposal: each field before → after, and conflicts",
    ),
    access: "selfservice.review",
    success: { status: 200, description: ok("申请", "The proposal"), schema: proposalSchema },
    errors: [400, 401, 403, 404],
  },
  {
    operationId: "approveReview",
    method: "POST",
    path: "/reviews/{id}/approve",
    tag: "selfservice",
    summary: ok(
      "通过申请并写入记录（提交后被修改过的字段不覆盖：409，可只采纳其余字段）",
      "Approve and apply (fields changed since are never overwritten: 409; apply the others only)",
    ),
    access: "selfservice.review",
    body: { schema: approveSchema, required: false, example: { revision: 1, fields: ["mobile"] } },
    success: {
      status: 200,
      description: ok("已通过的申请", "The approved proposal"),
      schema: proposalSchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "rejectReview",
    method: "POST",
    path: "/reviews/{id}/reject",
    tag: "selfservice",
    summary: ok(
      "退回申请（须写明原因，居民会收到站内信）",
      "Reject with a reason (the resident is notified)",
    ),
    access: "selfservice.review",
    body: { schema: rejectSchema, required: true, example: { reason: "请携带户口本到社区核实" } },
    success: {
      status: 200,
      description: ok("已退回的申请", "The rejected proposal"),
      schema: proposalSchema,
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    operationId: "listInbox",
    method: "GET",
    path: "/inbox",
    tag: "inbox",
    summary: ok("我的站内信", "My in-site messages"),
    access: "signed-in",
    query: inboxListSchema,
    queryHelp: {
      unread: ok("只看未读", "Unread only"),
      limit: ok("最多条数，默认 50", "At most this many, default 50"),
      before: ok("只看编号小于此值的（翻页）", "Only ids below this (paging)"),
    },
    success: {
      status: 200,
      description: ok("消息与未读数", "Messages and the unread count"),
      schema: inboxSchema,
    },
    errors: [400, 401],
  },
  {
    operationId: "markInboxRead",
    method: "POST",
    path: "/inbox/{id}/read",
    tag: "inbox",
    summary: ok("标为已读", "Mark read"),
    access: "signed-in",
    success: {
      status: 200,
      description: ok("未读数", "The unread count"),
      schema: z.object({ unread: z.number().int().min(0) }),
    },
    errors: [400, 401, 404],
  },
] as const satisfies readonly ApiOperation[];
