// The table-design and dictionary pages as staff use them: plain form posts (no JavaScript), checked
// against what the next page shows and what the database now holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PALETTE } from "../app/schema/dictionaries/types.ts";
import { loadDictionaries } from "../app/schema/dictionaries.server.ts";
import { listTableSummaries, loadTable } from "../app/schema/tables.server.ts";
import { Client, startTestServer, type TestServer } from "./support/http.ts";

const TABLE = "/admin/tables/people";

describe("schema pages", () => {
  let server: TestServer;
  let staff: Client;

  beforeAll(async () => {
    server = await startTestServer();
    staff = new Client(server.url);
    await staff.login("fengsheng");
  });
  afterAll(() => server.stop());

  const people = () => loadTable(server.services.db, "people");
  const fieldNamed = async (label: string) => (await people()).allFields.find((f) => f.label === label);
  const dictionary = async (key: string) => (await loadDictionaries(server.services.db)).get(key)!;

  /** The HTML of one field's row on the fields page. */
  function row(html: string, key: string): string {
    const start = html.indexOf(`data-field="${key}"`);
    expect(start, `row of ${key}`).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf("</li>", start));
  }

  async function post(path: string, fields: Record<string, string>) {
    await staff.page(path);
    const response = await staff.form(path, fields);
    return { status: response.status, html: await response.text() };
  }

  it("adds a decimal field to 社区人员 and lists it with its type", async () => {
    const done = await post(TABLE, { intent: "addField", label: "志愿者服务时长", type: "decimal" });
    expect(done.status).toBe(200);
    expect(done.html).toContain("已添加字段“志愿者服务时长”");

    const field = (await fieldNamed("志愿者服务时长"))!;
    expect(field).toMatchObject({ type: "decimal", hidden: false, removedAt: null });
    // An empty "decimals" box means the type's default, not 0.
    expect(field.options.decimals).toBe(2);
    const page = await staff.page(TABLE);
    expect(page.status).toBe(200);
    expect(row(page.html, field.key)).toContain("志愿者服务时长");
    expect(row(page.html, field.key)).toContain("小数");
  });

  it("renames, hides and moves the field up", async () => {
    const field = (await fieldNamed("志愿者服务时长"))!;
    const fieldId = String(field.id);

    const renamed = await post(TABLE, { intent: "updateField", fieldId, label: "志愿服务时长" });
    expect(renamed.status).toBe(200);
    expect(renamed.html).toContain("已改名为“志愿服务时长”");
    expect((await fieldNamed("志愿服务时长"))?.id).toBe(field.id);
    expect(await fieldNamed("志愿者服务时长")).toBeUndefined();

    const hidden = await post(TABLE, { intent: "updateField", fieldId, hidden: "on" });
    expect(hidden.status).toBe(200);
    expect((await fieldNamed("志愿服务时长"))?.hidden).toBe(true);
    expect(row(hidden.html, field.key)).toContain("取消隐藏");
    expect(row(hidden.html, field.key)).toMatch(/>隐藏</);

    const before = (await people()).fields.map((f) => f.id);
    const at = before.indexOf(field.id);
    const moved = await post(TABLE, { intent: "moveField", fieldId, direction: "up" });
    expect(moved.status).toBe(200);
    const after = (await people()).fields.map((f) => f.id);
    expect(after.indexOf(field.id)).toBe(at - 1);
    expect(after[at]).toBe(before[at - 1]);
    // The page lists the fields in the new order.
    const page = await staff.page(TABLE);
    const above = (await people()).fields[at]!;
    expect(page.html.indexOf(`data-field="${field.key}"`)).toBeLessThan(
      page.html.indexOf(`data-field="${above.key}"`),
    );
  });

  it("removes the field (listed under 已移除的字段) and restores it", async () => {
    const field = (await fieldNamed("志愿服务时长"))!;
    const fieldId = String(field.id);

    const removed = await post(TABLE, { intent: "removeField", fieldId });
    expect(removed.status).toBe(200);
    expect(removed.html).toContain("已移除“志愿服务时长”");
    expect((await fieldNamed("志愿服务时长"))?.removedAt).not.toBeNull();
    const page = await staff.page(TABLE);
    expect(page.html).not.toContain(`data-field="${field.key}"`);
    const section = page.html.slice(page.html.indexOf("已移除的字段（1）"));
    expect(section).toContain("志愿服务时长");
    expect(section).toContain("恢复");

    const restored = await post(TABLE, { intent: "restoreField", fieldId });
    expect(restored.status).toBe(200);
    expect(restored.html).toContain("已恢复“志愿服务时长”");
    expect((await fieldNamed("志愿服务时长"))?.removedAt).toBeNull();
    expect(row(restored.html, field.key)).toContain("志愿服务时长");
  });

  it("refuses an empty label and a broken formula with a 400 naming the problem; nothing changes", async () => {
    const before = (await people()).allFields.length;

    const empty = await post(TABLE, { intent: "addField", label: "", type: "text" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("请填写字段名");

    const broken = await post(TABLE, {
      intent: "addField",
      label: "服务年限",
      type: "formula",
      formula: "AGE([不存在的字段])",
    });
    expect(broken.status).toBe(400);
    expect(broken.html).toContain("没有名为「不存在的字段」的字段");
    // What was typed is still in the form.
    expect(broken.html).toContain('value="AGE([不存在的字段])"');

    const rename = await post(TABLE, {
      intent: "updateField",
      fieldId: String((await fieldNamed("姓名"))!.id),
      label: "  ",
    });
    expect(rename.status).toBe(400);
    expect(rename.html).toContain("请填写字段名");

    expect((await people()).allFields.length).toBe(before);
    expect(await fieldNamed("服务年限")).toBeUndefined();
    expect(await fieldNamed("姓名")).toBeDefined();
  });

  it("adds the sub-table 走访记录 under 社区人员 and lists it", async () => {
    const created = await post("/admin/tables", { form: "sub", parent: "people", name: "走访记录" });
    expect(created.status).toBe(200);
    expect(created.html).toContain("已创建“走访记录”");

    const summaries = await listTableSummaries(server.services.db);
    const main = summaries.find((t) => t.key === "people")!;
    const sub = summaries.find((t) => t.name === "走访记录")!;
    expect(sub).toMatchObject({ kind: "sub", parentId: main.id });

    const page = await staff.page("/admin/tables");
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="/admin/tables/${sub.key}"`);
    const entry = page.html.slice(page.html.indexOf(`href="/admin/tables/${sub.key}"`));
    expect(entry).toMatch(/^[^<]*>走访记录</);
    expect(entry.slice(0, 400)).toContain("附属表");
    // Sub-tables are listed after (under) their main table.
    expect(page.html.indexOf(`href="/admin/tables/${sub.key}"`)).toBeGreaterThan(
      page.html.indexOf('href="/admin/tables/people"'),
    );
  });

  it("adds a dictionary option, renames it, and merges two options", async () => {
    const path = "/admin/dictionaries/housing_type";
    const added = await post(path, { intent: "addOption", label: "人才公寓", colour: PALETTE.teal });
    expect(added.status).toBe(200);
    expect(added.html).toContain("已添加选项“人才公寓”");
    const option = (await dictionary("housing_type")).options.find((o) => o.label === "人才公寓")!;
    expect(option.colour).toBe(PALETTE.teal);

    const renamed = await post(path, {
      intent: "updateOption",
      code: option.code,
      label: "人才住房",
      colour: "",
    });
    expect(renamed.status).toBe(200);
    const after = (await dictionary("housing_type")).options.find((o) => o.code === option.code)!;
    expect(after).toMatchObject({ label: "人才住房", synonyms: ["人才公寓"] });
    expect(after.colour).toBeUndefined();
    const page = await staff.page(path);
    expect(page.html).toContain("人才住房");

    // 借住 (4) merged into 租住 (3): 借住 is gone, 租住 remembers its code and its name.
    const merged = await post(path, { intent: "mergeOptions", from: "4", into: "3" });
    expect(merged.status).toBe(200);
    expect(merged.html).toContain("已合并到“租住”");
    const options = (await dictionary("housing_type")).options;
    expect(options.some((o) => o.code === "4")).toBe(false);
    const kept = options.find((o) => o.code === "3")!;
    expect(kept.aliases).toContain("4");
    expect(kept.synonyms).toContain("借住");
    expect(merged.html).toContain("已合并进来的代码：4");
  });

  it("refuses an option without a name with a 400; the dictionary is unchanged", async () => {
    const before = (await dictionary("sex")).options;
    const response = await post("/admin/dictionaries/sex", { intent: "addOption", label: "" });
    expect(response.status).toBe(400);
    expect(response.html).toContain("请填写选项名称");
    expect((await dictionary("sex")).options).toEqual(before);
  });

  it("shows the design read-only to staff who may not change it", async () => {
    const reader = new Client(server.url);
    await reader.login("qiye");
    const page = await reader.page(TABLE);
    expect(page.status).toBe(200);
    expect(page.html).toContain("姓名");
    expect(page.html).not.toContain("添加字段");
  });

  it("answers 403 to the auditor, who has no business with the design", async () => {
    const auditor = new Client(server.url);
    await auditor.login("auditor");
    for (const path of ["/admin/tables", TABLE, "/admin/dictionaries", "/admin/dictionaries/sex"]) {
      expect((await auditor.page(path)).status, path).toBe(403);
    }
    const before = (await people()).allFields.length;
    await auditor.page("/admin");
    const response = await auditor.form(TABLE, { intent: "addField", label: "审计字段", type: "text" });
    expect(response.status).toBe(403);
    expect((await people()).allFields.length).toBe(before);
  });
});
