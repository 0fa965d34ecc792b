import { describe, expect, it } from "vitest";
import { type CampaignContent, smsLength } from "../../app/notify/content.ts";
import { mergeFieldNames, mergeValues, prepareContent } from "../../app/notify/merge.ts";
import { PERSON_TABLE } from "../../app/schema/builtin/person-table.ts";
import type { FieldDef, TableDef } from "../../app/schema/tables.server.ts";
import { listBuiltinTemplates } from "./index.server.ts";

// The built-in person table as loadTable gives it, without a database.
const fields: FieldDef[] = PERSON_TABLE.fields.map((f, i) => ({
  ...f,
  id: i + 1,
  tableId: 1,
  options: f.options ?? {},
  required: Boolean(f.required),
  sensitive: Boolean(f.sensitive),
  hidden: Boolean(f.hidden),
  builtin: true,
  sort: i,
  removedAt: null,
}));
const table: TableDef = {
  id: 1,
  key: PERSON_TABLE.key,
  name: PERSON_TABLE.name,
  kind: "main",
  parentId: null,
  idPrefix: PERSON_TABLE.idPrefix,
  builtin: true,
  allFields: fields,
  fields,
};
const NAMES = mergeFieldNames(table);

function sample(display: Record<string, string>, communityName = "丰盛社区") {
  return mergeValues({
    table,
    systemId: "RY00000001",
    display: { mobile: "138****8000", document: "110105********002X", ...display },
    orgName: `${communityName} / 第二网格`,
    communityName,
    gridName: "第二网格",
    today: "2026-12-07",
  });
}

const templates = await listBuiltinTemplates();
// A template's extra fields, filled as the office's added field would be.
const extras = (needs: readonly string[]) => Object.fromEntries(needs.map((n) => [n, "2027年3月1日"]));

describe("built-in templates", () => {
  it("has the five the platform ships, each complete", () => {
    expect(templates.map((t) => t.key)).toEqual(
      expect.arrayContaining(["birthday", "notice", "elderly-care", "document-expiry", "event-reminder"]),
    );
    for (const t of templates) {
      expect(t.name, t.key).not.toBe("");
      expect(t.description, t.key).not.toBe("");
      expect(t.content.html, t.key).toMatch(/<meta name="viewport"/);
      if (t.channels.includes("sms")) expect(t.content.sms, t.key).toBeTruthy();
    }
    expect(templates.find((t) => t.key === "birthday")?.name).toBe("生日祝福");
  });

  it("is read once", async () => {
    expect(await listBuiltinTemplates()).toBe(templates);
  });

  it.each(templates.map((t) => [t.key, t] as const))(
    "%s uses fields the people table has, or lists them in needs",
    (_, t) => {
      for (const need of t.needs) expect(NAMES).not.toContain(need);
      expect(() => prepareContent(t.content, [...NAMES, ...t.needs])).not.toThrow();
      if (t.needs.length > 0) expect(() => prepareContent(t.content, NAMES)).toThrow(`{{${t.needs[0]}}}`);
    },
  );

  it.each(templates.map((t) => [t.key, t] as const))("%s renders a person's notice in full", (_, t) => {
    const prepared = prepareContent(t.content, [...NAMES, ...t.needs]);
    const man = prepared.render({ ...sample({ name: "张伟", sex: "男" }), ...extras(t.needs) });
    for (const part of [man.subject, man.text, man.html ?? "", man.sms])
      expect(part).not.toMatch(/\{\{|\}\}/);
    expect(man.text).toContain("张先生");
    expect(man.html).toContain("张先生");
    expect(man.text).toContain("丰盛社区");
    // A notice carries no unsubscribe link of its own: the system adds it.
    expect(`${man.text}${man.html}`).not.toMatch(/退订|unsubscribe/i);
    const unknownSex = prepared.render({ ...sample({ name: "欧阳娜娜" }), ...extras(t.needs) });
    expect(unknownSex.text).toContain("欧阳娜娜");
  });

  it.each(templates.map((t) => [t.key, t] as const))("%s escapes values in its HTML part only", (_, t) => {
    const prepared = prepareContent(t.content, [...NAMES, ...t.needs]);
    const hostile = sample({ name: "张伟", sex: "男" }, "<script>alert(1)</script>");
    const rendered = prepared.render({ ...hostile, ...extras(t.needs) });
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;");
    expect(rendered.text).toContain("<script>alert(1)</script>");
  });

  it.each(templates.filter((t) => t.content.sms).map((t) => [t.key, t] as const))(
    "%s fits one SMS with its signature for a usual name and community",
    (_, t) => {
      const prepared = prepareContent(t.content, [...NAMES, ...t.needs]);
      const { sms } = prepared.render({
        ...sample({ name: "欧阳娜娜", sex: "女" }, "丰盛社区"),
        ...extras(t.needs),
      });
      expect(smsLength(sms, "金融街街道").segments).toBe(1);
    },
  );

  it("refuses a changed template naming a field that does not exist", () => {
    const birthday = templates.find((t) => t.key === "birthday")!;
    const changed: CampaignContent = { ...birthday.content, sms: `${birthday.content.sms}{{生日}}` };
    expect(() => prepareContent(changed, NAMES)).toThrow(
      "短信正文中的 {{生日}} 不是字段 / {{生日}} in the SMS text is not a field",
    );
  });
});
