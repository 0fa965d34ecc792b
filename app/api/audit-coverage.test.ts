// Every state-changing operation of the JSON API writes the system log. The test walks the registry: each
// POST, PATCH and DELETE not listed as read-only needs a case below (a new operation without one fails
// here), is called through its route module with a valid request, must answer 2xx, and the log must have
// gained a row of an expected event type, by the caller. Fixtures each case needs are made through the
// API itself in the case's setup.
import type { RouteConfigEntry } from "@react-router/dev/routes";
import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../../tests/support/db.ts";
import { callerFor, orgId, tableId } from "../../tests/support/factories.ts";
import type { AuditEventType } from "../audit/events.ts";
import { backupSettled } from "../backup/run.server.ts";
import { sendNotice } from "../notify/inbox.server.ts";
import { queueCampaign } from "../notify/queueing.server.ts";
import { buildId } from "../people/identity/id-fixtures.ts";
import routes from "../routes.ts";
import { createJob, jobSettled } from "../transfer/jobs.server.ts";
import type { RouteArgs } from "./endpoint.server.ts";
import {
  API_BASE,
  type ApiOperation,
  OPERATIONS,
  type OperationId,
  READ_ONLY_OPERATIONS,
} from "./operations.ts";

type WriteOperationId = Exclude<
  Extract<(typeof OPERATIONS)[number], { method: "POST" | "PATCH" | "DELETE" }>["operationId"],
  (typeof READ_ONLY_OPERATIONS)[number]
>;

interface Request_ {
  id?: number | string;
  body?: unknown;
  /** A raw body (an upload) instead of JSON. */
  raw?: string;
  headers?: Record<string, string>;
  query?: string;
}
type Api = (op: OperationId, init?: Request_, as?: string) => Promise<any>;
interface Fixtures {
  api: Api;
  people: number;
  community: number;
  grid: number;
}
interface Case {
  /** Who calls (default: the community admin fengsheng). */
  as?: string;
  setup?: (f: Fixtures) => Promise<Request_>;
  /** Any of these event types fits. */
  events: readonly AuditEventType[];
}

let serial = 0;
const unique = () => ++serial;
/** A new person with a valid, never-used ID number. */
const person = () => {
  const n = unique();
  const day = String((n % 28) + 1).padStart(2, "0");
  return {
    name: `日志${n}`,
    document: buildId("110102", `1970-01-${day}`, String(100 + n).slice(-3)).number,
  };
};
const example = (id: OperationId) =>
  (OPERATIONS.find((o) => o.operationId === id) as ApiOperation).body!.example;
const CSV = (rows: string[][]) => ["姓名,身份证号,所属社区", ...rows.map((r) => r.join(","))].join("\r\n");
const upload = async (api: Api) => {
  const p = person();
  return api("uploadImport", {
    raw: CSV([[p.name, p.document, "丰盛社区"]]),
    headers: { "X-File-Name": encodeURIComponent("居民.csv") },
    query: "?table=people",
  });
};
const newRecord = (f: Fixtures) => f.api("createRecord", { id: f.people, body: { values: person() } });
const newField = (f: Fixtures) =>
  f.api("addField", { id: f.people, body: { label: `备注${unique()}`, type: "text" } }, "admin");
const newDictionary = (f: Fixtures) =>
  f.api("createDictionary", { body: { name: `帮扶类型${unique()}`, nameEn: `Help ${serial}` } }, "admin");
const newColour = (f: Fixtures) =>
  f.api(
    "addColour",
    {
      id: f.people,
      body: { colour: `#${(0x123456 + unique() * 97).toString(16)}`, meaning: `重点${serial}` },
    },
    "admin",
  );
const newView = (f: Fixtures) =>
  f.api("createView", { id: f.people, body: { name: `视图${unique()}`, definition: {} } });
const deleted = async (f: Fixtures) => {
  const r = await newRecord(f);
  await f.api("deleteRecord", { id: r.id });
  return r;
};

// Partial: an operation without a case fails the test below, with its name, rather than the typecheck.
const CASES: Partial<Record<WriteOperationId, Case>> = {
  createOrg: {
    as: "admin",
    setup: async (f) => ({ body: { parentId: f.community, kind: "grid", name: `第${unique()}网格` } }),
    events: ["org.created"],
  },
  updateOrg: {
    as: "admin",
    setup: async (f) => ({ id: f.grid, body: example("updateOrg") }),
    events: ["org.updated"],
  },
  createAccount: {
    as: "admin",
    setup: async (f) => ({
      body: {
        ...example("createAccount"),
        username: `user${unique()}`,
        mobile: `139${String(unique()).padStart(8, "0")}`,
        orgId: f.community,
      },
    }),
    events: ["account.created"],
  },
  updateAccount: {
    as: "admin",
    setup: async (f) => ({ id: (await account(f)).id, body: example("updateAccount") }),
    events: ["account.updated"],
  },
  resetPassword: {
    as: "admin",
    setup: async (f) => ({ id: (await account(f)).id, body: {} }),
    events: ["account.password_reset"],
  },
  createToken: { setup: async () => ({ body: example("createToken") }), events: ["token.created"] },
  revokeToken: {
    setup: async (f) => ({ id: (await f.api("createToken", { body: { name: "待吊销" } })).id }),
    events: ["token.revoked"],
  },
  createTable: {
    as: "admin",
    setup: async () => ({ body: { name: `走访记录${unique()}`, parent: "people" } }),
    events: ["schema.table_created"],
  },
  renameTable: {
    as: "admin",
    setup: async (f) => {
      const table = await f.api(
        "createTable",
        { body: { name: `走访${unique()}`, parent: "people" } },
        "admin",
      );
      return { id: table.id, body: { name: `入户走访${unique()}` } };
    },
    events: ["schema.table_renamed"],
  },
  addField: {
    as: "admin",
    setup: async (f) => ({ id: f.people, body: { ...example("addField"), label: `低保证号${unique()}` } }),
    events: ["schema.field_added"],
  },
  updateField: {
    as: "admin",
    setup: async (f) => ({ id: (await newField(f)).id, body: { label: `说明${unique()}`, hidden: true } }),
    events: ["schema.field_updated"],
  },
  moveField: {
    as: "admin",
    setup: async (f) => ({ id: (await newField(f)).id, body: example("moveField") }),
    events: ["schema.fields_reordered"],
  },
  removeField: {
    as: "admin",
    setup: async (f) => ({ id: (await newField(f)).id }),
    events: ["schema.field_removed"],
  },
  restoreField: {
    as: "admin",
    setup: async (f) => {
      const field = await newField(f);
      await f.api("removeField", { id: field.id }, "admin");
      return { id: field.id };
    },
    events: ["schema.field_restored"],
  },
  createDictionary: {
    as: "admin",
    setup: async () => ({ body: { ...example("createDictionary"), name: `帮扶${unique()}` } }),
    events: ["dictionary.created"],
  },
  addDictionaryOption: {
    as: "admin",
    setup: async (f) => ({ id: (await newDictionary(f)).id, body: example("addDictionaryOption") }),
    events: ["dictionary.option_added"],
  },
  updateDictionaryOption: {
    as: "admin",
    setup: async (f) => {
      const d = await newDictionary(f);
      const withOption = await f.api(
        "addDictionaryOption",
        { id: d.id, body: { label: "医疗救助" } },
        "admin",
      );
      return { id: d.id, body: { code: withOption.options[0].code, label: "医疗救助（新）" } };
    },
    events: ["dictionary.option_updated"],
  },
  mergeDictionaryOptions: {
    as: "admin",
    setup: async (f) => {
      const d = await newDictionary(f);
      await f.api("addDictionaryOption", { id: d.id, body: { label: "医疗救助" } }, "admin");
      const both = await f.api("addDictionaryOption", { id: d.id, body: { label: "医疗帮扶" } }, "admin");
      return { id: d.id, body: { from: both.options[1].code, into: both.options[0].code } };
    },
    events: ["dictionary.options_merged"],
  },
  createRecord: {
    setup: async (f) => ({ id: f.people, body: { values: person() } }),
    events: ["record.created"],
  },
  updateRecord: {
    setup: async (f) => {
      const r = await newRecord(f);
      return { id: r.id, body: { ...example("updateRecord"), version: r.version } };
    },
    events: ["record.updated"],
  },
  deleteRecord: { setup: async (f) => ({ id: (await newRecord(f)).id }), events: ["record.deleted"] },
  revealRecordValue: {
    setup: async (f) => ({ id: (await newRecord(f)).id, body: example("revealRecordValue") }),
    events: ["record.revealed"],
  },
  restoreRecords: {
    setup: async (f) => ({ body: { ids: [(await deleted(f)).id] } }),
    events: ["record.restored"],
  },
  purgeRecords: {
    setup: async (f) => ({ body: { ids: [(await deleted(f)).id], reason: "重复登记，已核实", confirm: 1 } }),
    events: ["record.purged"],
  },
  createView: {
    setup: async (f) => ({ id: f.people, body: example("createView") }),
    events: ["view.created"],
  },
  updateView: {
    setup: async (f) => ({ id: (await newView(f)).id, body: { name: `视图${unique()}` } }),
    events: ["view.updated"],
  },
  deleteView: { setup: async (f) => ({ id: (await newView(f)).id }), events: ["view.deleted"] },
  addColour: {
    as: "admin",
    setup: async (f) => ({ id: f.people, body: { colour: "#0a0b0c", meaning: "重点帮扶对象" } }),
    events: ["mark.colour_added"],
  },
  updateColour: {
    as: "admin",
    setup: async (f) => ({ id: (await newColour(f)).id, body: example("updateColour") }),
    events: ["mark.colour_updated"],
  },
  deleteColour: {
    as: "admin",
    setup: async (f) => ({ id: (await newColour(f)).id }),
    events: ["mark.colour_removed"],
  },
  setMarks: {
    setup: async (f) => {
      const colour = await newColour(f);
      return { id: f.people, body: { ids: [(await newRecord(f)).id], colour: colour.colour } };
    },
    events: ["mark.applied"],
  },
  undoMarks: {
    setup: async (f) => {
      const colour = await newColour(f);
      const marked = await f.api("setMarks", {
        id: f.people,
        body: { ids: [(await newRecord(f)).id], colour: colour.colour },
      });
      return { id: f.people, body: marked.undo };
    },
    events: ["mark.undone"],
  },
  uploadImport: {
    setup: async () => {
      const p = person();
      return {
        raw: CSV([[p.name, p.document, "丰盛社区"]]),
        headers: { "X-File-Name": encodeURIComponent("居民.csv") },
        query: "?table=people",
      };
    },
    events: ["transfer.imported"],
  },
  checkImport: {
    setup: async (f) => ({ id: (await upload(f.api)).id, body: { mode: "upsert", key: "document" } }),
    events: ["transfer.imported"],
  },
  commitImport: {
    setup: async (f) => ({ id: (await upload(f.api)).id, body: example("commitImport") }),
    events: ["transfer.imported"],
  },
  cancelJob: {
    setup: async (f) => {
      const services = currentServices();
      const caller = await callerFor(services, "fengsheng");
      const id = await createJob(services, caller, {
        kind: "export",
        tableId: f.people,
        phase: "xlsx",
        fileName: "社区人员.xlsx",
        options: {},
      });
      return { id };
    },
    events: ["transfer.cancelled"],
  },
  exportRecords: {
    setup: async (f) => ({ id: f.people, body: example("exportRecords") }),
    events: ["transfer.exported"],
  },
  createDashboard: { setup: async () => ({ body: example("createDashboard") }), events: ["stats.saved"] },
  updateDashboard: {
    setup: async (f) => ({
      id: (await f.api("createDashboard", { body: example("createDashboard") })).id,
      body: example("updateDashboard"),
    }),
    events: ["stats.saved"],
  },
  deleteDashboard: {
    setup: async (f) => ({ id: (await f.api("createDashboard", { body: example("createDashboard") })).id }),
    events: ["stats.deleted"],
  },
  createReport: { setup: async () => ({ body: example("createReport") }), events: ["stats.saved"] },
  createBackup: { as: "admin", events: ["backup.created"] },
  createCampaign: {
    setup: async (f) => ({
      body: { ...example("createCampaign"), audience: { kind: "ids", ids: [(await newRecord(f)).id] } },
    }),
    events: ["notice.campaign_created"],
  },
  pauseCampaign: {
    setup: async (f) => ({ id: (await scheduledCampaign(f)).id }),
    events: ["notice.campaign_paused"],
  },
  resumeCampaign: {
    setup: async (f) => {
      const c = await scheduledCampaign(f);
      await f.api("pauseCampaign", { id: c.id });
      return { id: c.id };
    },
    events: ["notice.campaign_resumed"],
  },
  cancelCampaign: {
    setup: async (f) => ({ id: (await scheduledCampaign(f)).id }),
    events: ["notice.campaign_cancelled"],
  },
  retryCampaign: {
    setup: async (f) => {
      const services = currentServices();
      const r = await f.api("createRecord", {
        id: f.people,
        body: { values: { ...person(), email: "a@example.cn" } },
      });
      const c = await f.api("createCampaign", {
        body: { ...example("createCampaign"), audience: { kind: "ids", ids: [r.id] } },
      });
      await queueCampaign(services, c.id);
      // As if the mail server had refused it for a while.
      await services.db
        .updateTable("campaign_messages")
        .set({ status: "failed", reason: "451" })
        .where("campaign_id", "=", c.id)
        .execute();
      return { id: c.id };
    },
    events: ["notice.campaign_retried"],
  },
  createNoticeRule: {
    setup: async () => ({ body: example("createNoticeRule") }),
    events: ["notice.rule_created"],
  },
  updateNoticeRule: {
    setup: async (f) => ({
      id: (await f.api("createNoticeRule", { body: example("createNoticeRule") })).id,
      body: { paused: true },
    }),
    events: ["notice.rule_updated"],
  },
  deleteNoticeRule: {
    setup: async (f) => ({ id: (await f.api("createNoticeRule", { body: example("createNoticeRule") })).id }),
    events: ["notice.rule_deleted"],
  },
  createNoticeGroup: {
    setup: async (f) => ({ body: { name: `楼门长${unique()}`, ids: [(await newRecord(f)).id] } }),
    events: ["notice.group_created"],
  },
  deleteNoticeGroup: {
    setup: async (f) => ({
      id: (
        await f.api("createNoticeGroup", {
          body: { name: `分组${unique()}`, ids: [(await newRecord(f)).id] },
        })
      ).id,
    }),
    events: ["notice.group_deleted"],
  },
  addOptOut: {
    setup: async () => ({ body: { channel: "sms", address: `139${String(unique()).padStart(8, "0")}` } }),
    events: ["notice.opted_out"],
  },
  saveChannelSettings: {
    as: "admin",
    setup: async () => ({ body: example("saveChannelSettings") }),
    events: ["notice.channel_configured"],
  },
  testChannel: {
    as: "admin",
    setup: async () => ({ body: { channel: "sms", to: "13800138000" } }),
    events: ["notice.channel_tested"],
  },

  updateReport: {
    setup: async (f) => ({
      id: (await f.api("createReport", { body: example("createReport") })).id,
      body: example("updateReport"),
    }),
    events: ["stats.saved"],
  },
  proposeProfileChanges: {
    as: "zhangwei",
    setup: async () => ({ body: example("proposeProfileChanges") }),
    events: ["selfservice.proposed"],
  },
  withdrawProposal: {
    as: "zhangwei",
    setup: async (f) => ({ id: (await proposal(f)).id }),
    events: ["selfservice.withdrawn"],
  },
  approveReview: {
    setup: async (f) => ({ id: (await proposal(f)).id, body: {} }),
    events: ["selfservice.approved"],
  },
  rejectReview: {
    setup: async (f) => ({ id: (await proposal(f)).id, body: example("rejectReview") }),
    events: ["selfservice.rejected"],
  },
  markInboxRead: {
    as: "zhangwei",
    setup: async () => {
      const services = currentServices();
      const user = await callerFor(services, "zhangwei");
      await sendNotice(services.db, [user.actor.id], { kind: "test", title: "通知", body: "请查收" });
      const row = await services.db
        .selectFrom("inbox_messages")
        .select("id")
        .where("user_id", "=", user.actor.id)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },
    events: ["inbox.read"],
  },
  deleteReport: {
    setup: async (f) => ({ id: (await f.api("createReport", { body: example("createReport") })).id }),
    events: ["stats.deleted"],
  },
  createPrintTemplate: {
    setup: async () => ({ body: example("createPrintTemplate") }),
    events: ["print.template_created"],
  },
  importPrintTemplate: {
    setup: async () => ({ body: example("importPrintTemplate") }),
    events: ["print.template_created"],
  },
  copyPrintTemplate: {
    setup: async () => ({ body: { ref: "builtin:badge" } }),
    events: ["print.template_created"],
  },
  updatePrintTemplate: {
    setup: async (f) => ({
      id: (await f.api("createPrintTemplate", { body: example("createPrintTemplate") })).ref,
      body: { ...example("updatePrintTemplate"), name: "活动胸卡（新）" },
    }),
    events: ["print.template_updated"],
  },
  deletePrintTemplate: {
    setup: async (f) => ({
      id: (await f.api("createPrintTemplate", { body: example("createPrintTemplate") })).ref,
    }),
    events: ["print.template_deleted"],
  },
  startPrint: {
    setup: async (f) => ({
      body: { template: "builtin:envelope", audience: { kind: "ids", ids: [(await newRecord(f)).id] } },
    }),
    events: ["print.job_created"],
  },
};

/** A resident's pending proposal (a new mobile number each time). */
/** A notice to one new person, an hour from now (so it is still scheduled when the case acts on it). */
const scheduledCampaign = async (f: Fixtures) =>
  f.api("createCampaign", {
    body: {
      ...example("createCampaign"),
      audience: { kind: "ids", ids: [(await newRecord(f)).id] },
      sendAt: Date.now() + 3_600_000,
    },
  });
const proposal = (f: Fixtures) =>
  f.api(
    "proposeProfileChanges",
    { body: { values: { mobile: `139${String(unique()).padStart(8, "0")}` } } },
    "zhangwei",
  );

async function account(f: Fixtures) {
  return f.api(
    "createAccount",
    {
      body: {
        username: `user${unique()}`,
        displayName: "王芳",
        role: "community_admin",
        orgId: f.community,
        password: "Qiao-Ling-2026",
      },
    },
    "admin",
  );
}

/** Every route of the table as [url path, file], with layouts' prefixes applied. */
function flatten(entries: RouteConfigEntry[], base = ""): [string, string][] {
  return entries.flatMap((e) => {
    const path = [base, e.path ?? ""].filter(Boolean).join("/");
    return [[path, e.file] as [string, string], ...flatten(e.children ?? [], path)];
  });
}
const routeFiles = new Map(flatten(routes));
type RouteModule = {
  loader?: (a: RouteArgs) => Promise<Response>;
  action?: (a: RouteArgs) => Promise<Response>;
};

async function callOperation(op: ApiOperation, username: string, init: Request_): Promise<Response> {
  const file = routeFiles.get(`${API_BASE.slice(1)}${op.path.replace(/\{(\w+)\}/g, ":$1")}`)!;
  const mod = (await import(/* @vite-ignore */ `../${file}`)) as RouteModule;
  const services = currentServices();
  const caller = { ...(await callerFor(services, username)), via: "token" as const };
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const request = new Request(`http://localhost${API_BASE}${op.path}${init.query ?? ""}`, {
    method: op.method,
    body,
    headers: { "Content-Type": init.raw ? "text/csv" : "application/json", ...init.headers },
  });
  const handler = op.method === "GET" ? mod.loader! : mod.action!;
  return handler({
    request,
    context: { services, caller } as unknown as AppLoadContext,
    params: { id: init.id?.toString() },
  });
}

let currentServices: () => TestServices["services"];

describe("the system log covers every state-changing API operation", () => {
  let t: TestServices;
  let fixtures: Fixtures;
  beforeAll(async () => {
    // The demo residents' person records: the self-service cases propose changes to them.
    t = await createTestServices({ demoResidents: true });
    currentServices = () => t.services;
    const api: Api = async (id, init = {}, as = "fengsheng") => {
      const op = OPERATIONS.find((o) => o.operationId === id) as ApiOperation;
      const res = await callOperation(op, as, init);
      const body = res.status === 204 ? null : await res.json();
      if (res.status >= 300) throw new Error(`${id} answered ${res.status}: ${JSON.stringify(body)}`);
      await settled(body);
      return body;
    };
    const community = await orgId(t.services, "丰盛社区");
    fixtures = {
      api,
      people: await tableId(t.services, "people"),
      community,
      grid: await orgId(t.services, "第一网格", "丰盛社区"),
    };
  });
  afterAll(() => t.cleanup());

  const writes = (OPERATIONS as readonly ApiOperation[]).filter(
    (op) => op.method !== "GET" && !(READ_ONLY_OPERATIONS as readonly string[]).includes(op.operationId),
  );

  it("has a case for every POST, PATCH and DELETE that is not read-only", () => {
    const missing = writes.filter((op) => !(op.operationId in CASES)).map((op) => op.operationId);
    expect(missing, "add a case to CASES (or, for a query, to READ_ONLY_OPERATIONS)").toEqual([]);
    for (const id of READ_ONLY_OPERATIONS)
      expect(OPERATIONS.find((o) => o.operationId === id)?.method, `${id} is a POST query`).toBe("POST");
  });

  it.each(writes.map((op) => [op.operationId, op] as const))("%s writes the system log", async (id, op) => {
    const c = CASES[id as WriteOperationId];
    if (!c) return; // reported by the test above
    const as = c.as ?? "fengsheng";
    const init = (await c.setup?.(fixtures)) ?? {};
    const before = await lastAuditId(t);
    const res = await callOperation(op, as, init);
    const body = res.status === 204 ? null : await res.json();
    expect(res.status, `${op.method} ${op.path}: ${JSON.stringify(body)}`).toBeLessThan(300);
    await settled(body);
    const rows = await t.services.db
      .selectFrom("audit_log")
      .select(["event", "actor_name"])
      .where("id", ">", before)
      .execute();
    const fitting = rows.filter((r) => (c.events as readonly string[]).includes(r.event));
    expect(fitting, `${id} wrote ${rows.map((r) => r.event).join(", ") || "nothing"}`).not.toEqual([]);
    expect(fitting.map((r) => r.actor_name)).toContain(as);
  });

  it("logs a record edit as old → new, and a sensitive field by name only", async () => {
    const r = await fixtures.api("createRecord", {
      id: fixtures.people,
      body: { values: { ...person(), nativePlace: "北京" } },
    });
    await fixtures.api("updateRecord", {
      id: r.id,
      body: { version: r.version, values: { nativePlace: "河北保定", mobile: "13912345678" } },
    });
    const row = await t.services.db
      .selectFrom("audit_log")
      .select("data")
      .where("event", "=", "record.updated")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(row.data);
    expect(data.systemId).toBe(r.systemId);
    expect(data.changes).toContainEqual({
      field: "nativePlace",
      label: expect.any(String),
      old: "北京",
      new: "河北保定",
    });
    expect(data.changes).toContainEqual({ field: "mobile", label: expect.any(String), sensitive: true });
    expect(row.data).not.toContain("13912345678");
  });

  it("logs each record an import writes, updates with their changes", async () => {
    const p = person();
    const first = await fixtures.api("uploadImport", {
      raw: CSV([[p.name, p.document, "丰盛社区"]]),
      headers: { "X-File-Name": encodeURIComponent("第一次.csv") },
      query: "?table=people",
    });
    await fixtures.api("commitImport", { id: first.id, body: { atomic: false } });
    const second = await fixtures.api("uploadImport", {
      raw: CSV([[`${p.name}改`, p.document, "丰盛社区"]]),
      headers: { "X-File-Name": encodeURIComponent("第二次.csv") },
      query: "?table=people&mode=upsert&key=document",
    });
    await fixtures.api("commitImport", { id: second.id, body: { atomic: true } });
    const rows = await t.services.db
      .selectFrom("audit_log")
      .select(["event", "data", "target_id"])
      .where("event", "in", ["record.created", "record.updated"])
      .orderBy("id", "desc")
      .limit(2)
      .execute();
    const [updated, created] = rows.map((r) => ({ ...r, data: JSON.parse(r.data) }));
    expect(created).toMatchObject({ event: "record.created", data: { via: "import", job: first.id } });
    expect(updated).toMatchObject({
      event: "record.updated",
      target_id: created!.target_id,
      data: { via: "import", job: second.id, changes: [{ field: "name", old: p.name, new: `${p.name}改` }] },
    });
  });
});

async function lastAuditId(t: TestServices): Promise<number> {
  const head = await t.services.db.selectFrom("audit_head").select("last_id").executeTakeFirstOrThrow();
  return Number(head.last_id);
}

/** A job answered by an operation runs in the background; its log row is written when it ends. */
async function settled(body: unknown) {
  const job = body as { id?: number; kind?: string; via?: string } | null;
  if (job && typeof job.id === "number" && (job.kind === "import" || job.kind === "export"))
    await jobSettled(job.id);
  // A backup started from the console runs in the background and logs when it ends.
  if (job && typeof job.id === "number" && job.via === "console") await backupSettled(job.id);
}
