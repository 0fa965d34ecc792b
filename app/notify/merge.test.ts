import { describe, expect, it } from "vitest";
import { type AppError, isAppError } from "../core/errors.ts";
import { PERSON_TABLE } from "../schema/builtin/person-table.ts";
import type { FieldDef, TableDef } from "../schema/tables.server.ts";
import type { CampaignContent } from "./content.ts";
import { chineseDate, mergeFieldNames, mergeValues, prepareContent, salutation } from "./merge.ts";

// The built-in person table as loadTable gives it, without a database.
function personTable(extra: Partial<FieldDef>[] = []): TableDef {
  const fields: FieldDef[] = [...PERSON_TABLE.fields, ...extra].map((f, i) => ({
    id: i + 1,
    tableId: 1,
    key: f.key ?? `f${i}`,
    label: f.label ?? `字段${i}`,
    type: f.type ?? "text",
    options: f.options ?? {},
    required: Boolean(f.required),
    sensitive: Boolean(f.sensitive),
    hidden: Boolean(f.hidden),
    builtin: true,
    sort: i,
    removedAt: (f as Partial<FieldDef>).removedAt ?? null,
  }));
  return {
    id: 1,
    key: PERSON_TABLE.key,
    name: PERSON_TABLE.name,
    kind: "main",
    parentId: null,
    idPrefix: PERSON_TABLE.idPrefix,
    builtin: true,
    allFields: fields,
    fields: fields.filter((f) => f.removedAt === null),
  };
}

const table = personTable();
const NAMES = mergeFieldNames(table);

const values = (display: Record<string, string>, over: Partial<Parameters<typeof mergeValues>[0]> = {}) =>
  mergeValues({
    table,
    systemId: "RY00000001",
    display,
    orgName: "丰盛社区 / 第二网格",
    communityName: "丰盛社区",
    gridName: "第二网格",
    today: "2026-12-07",
    ...over,
  });

/** The AppError prepareContent throws. */
function refusal(content: CampaignContent, names: readonly string[] = NAMES): AppError {
  try {
    prepareContent(content, names);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("prepareContent took the content");
}

describe("mergeFieldNames", () => {
  it("offers every field label in use and the derived names", () => {
    expect(NAMES).toEqual(expect.arrayContaining(["姓名", "性别", "手机号码", "住房面积(㎡)", "备注"]));
    expect(NAMES).toEqual(expect.arrayContaining(["称呼", "社区", "网格", "今天", "系统编号"]));
  });

  it("leaves out removed fields and lists a name once", () => {
    const names = mergeFieldNames(
      personTable([
        { key: "old", label: "旧字段", removedAt: 1 },
        { key: "community", label: "社区" },
      ]),
    );
    expect(names).not.toContain("旧字段");
    expect(names.filter((n) => n === "社区")).toHaveLength(1);
  });
});

describe("salutation", () => {
  it("takes the surname with 先生/女士, a compound surname whole", () => {
    expect(salutation("张伟", "男")).toBe("张先生");
    expect(salutation("欧阳娜娜", "女")).toBe("欧阳女士");
    expect(salutation("诸葛明", "男")).toBe("诸葛先生");
    // Two characters are surname and given name even when they begin like a compound surname.
    expect(salutation("司马", "男")).toBe("司先生");
  });

  it("keeps the full name when the sex is unknown or the name has no Han surname", () => {
    expect(salutation("张伟", "")).toBe("张伟");
    expect(salutation("张伟", "未说明的性别")).toBe("张伟");
    expect(salutation("阿依古丽·买买提", "女")).toBe("阿依古丽·买买提女士");
    expect(salutation("", "男")).toBe("");
  });
});

describe("mergeValues", () => {
  it("maps labels to the text as shown, sensitive values masked as given", () => {
    const v = values({ name: "欧阳娜娜", sex: "女", mobile: "138****8000", address: "丰盛胡同 8 号" });
    expect(v).toMatchObject({
      姓名: "欧阳娜娜",
      手机号码: "138****8000",
      现住址: "丰盛胡同 8 号",
      证件号码: "",
      称呼: "欧阳女士",
      社区: "丰盛社区",
      网格: "第二网格",
      所属组织: "丰盛社区 / 第二网格",
      今天: "2026年12月7日",
      系统编号: "RY00000001",
    });
  });

  it("never carries a sensitive value in full, even from a revealed view", () => {
    const v = values({ name: "张伟", mobile: "13800138000", document: "110105199001010012" });
    expect(v.手机号码).not.toContain("13800138000");
    expect(v.证件号码).not.toContain("110105199001010012");
    expect(v.手机号码).toContain("*");
  });

  it("gives an empty grid and the full name of a person of unknown sex", () => {
    const v = values({ name: "张伟" }, { gridName: null });
    expect(v.网格).toBe("");
    expect(v.称呼).toBe("张伟");
  });

  it("lets a field of the table win over a derived name", () => {
    const own = personTable([{ key: "community", label: "社区" }]);
    expect(values({ community: "自填社区" }, { table: own }).社区).toBe("自填社区");
  });
});

describe("chineseDate", () => {
  it("writes a date without leading zeros", () => {
    expect(chineseDate("2026-12-07")).toBe("2026年12月7日");
    expect(chineseDate("2027-01-10")).toBe("2027年1月10日");
  });
});

describe("prepareContent", () => {
  const base: CampaignContent = { subject: "{{称呼}}，您好", text: "{{姓名}}：{{社区}}通知" };

  it("refuses an unknown field, naming it and the part", () => {
    const e = refusal({ ...base, sms: "{{称呼}}，祝您{{生日}}快乐" });
    expect(e.kind).toBe("invalid");
    expect(e.message).toBe("短信正文中的 {{生日}} 不是字段 / {{生日}} in the SMS text is not a field");
    expect(e.fields).toEqual({ "content.sms": e.message });
  });

  it("names every unknown field of every part", () => {
    const e = refusal({
      ...base,
      subject: "{{爱好}}{{#生日}}{{星座}}{{/生日}}",
      smsParams: { code: "{{验证码}}" },
    });
    expect(e.fields?.["content.subject"]).toBe(
      "标题中的 {{爱好}}、{{生日}}、{{星座}} 不是字段 / {{爱好}}, {{生日}}, {{星座}} in the subject are not fields",
    );
    expect(e.fields?.["content.smsParams.code"]).toMatch(/^短信模板参数 code中的 \{\{验证码\}\} 不是字段/);
    expect(e.message).toContain("；短信模板参数 code");
  });

  it("refuses an unclosed tag or section with a clear message", () => {
    expect(refusal({ ...base, text: "您好，{{姓名，欢迎" }).fields?.["content.text"]).toBe(
      '正文中的“{{姓名，欢迎”缺少结尾的 }} / "{{姓名，欢迎" in the text lacks its closing }}',
    );
    expect(refusal({ ...base, html: "{{#网格}}<p>x</p>" }).fields?.["content.html"]).toBe(
      "HTML 正文中的 {{#网格}} 缺少对应的 {{/网格}} / {{#网格}} in the HTML part has no matching {{/网格}}",
    );
    expect(refusal({ ...base, sms: "x{{/网格}}" }).message).toMatch(
      /^短信正文中的 \{\{\/网格\}\} 前面没有对应的/,
    );
  });

  it("refuses partials", () => {
    expect(refusal({ ...base, text: "{{> 页脚}}" }).message).toMatch(/不受支持/);
  });

  it("renders text unescaped, HTML escaped (triple braces too), html null without an HTML part", () => {
    const v = values({ name: "张伟", sex: "男", notes: '<script>alert("x")</script> & 1' });
    const plain = prepareContent({ ...base, text: "{{备注}}" }, NAMES).render(v);
    expect(plain).toEqual({
      subject: "张先生，您好",
      text: '<script>alert("x")</script> & 1',
      html: null,
      sms: plain.text,
    });
    const html = prepareContent({ ...base, html: "<p>{{备注}}</p><p>{{{备注}}}{{&备注}}</p>" }, NAMES).render(
      v,
    ).html;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt; &amp; 1");
  });

  it("renders sections, inverted sections, {{.}}, SMS parameters and labels with a dot", () => {
    const names = [...NAMES, "No.1"];
    const prepared = prepareContent(
      {
        subject: "{{No.1}}",
        text: "{{#网格}}{{.}}的{{/网格}}{{^网格}}社区{{/网格}}网格员{{! a comment }}",
        sms: "{{称呼}}",
        smsParams: { name: "{{称呼}}", day: "{{今天}}" },
      },
      names,
    );
    const v = { ...values({ name: "张伟", sex: "男" }), "No.1": "一号" };
    expect(prepared.render(v)).toEqual({
      subject: "一号",
      text: "第二网格的网格员",
      html: null,
      sms: "张先生",
      smsParams: { name: "张先生", day: "2026年12月7日" },
    });
    expect(prepared.render({ ...v, 网格: "" }).text).toBe("社区网格员");
  });

  it("renders a missing value as nothing, never an inherited property", () => {
    const prepared = prepareContent({ subject: "", text: "[{{姓名}}][{{constructor}}]" }, [
      ...NAMES,
      "constructor",
    ]);
    expect(prepared.render({}).text).toBe("[][]");
  });

  it("parses once and renders 100,000 messages in well under a second", () => {
    const prepared = prepareContent(
      {
        subject: "{{称呼}}，您好",
        text: "尊敬的{{称呼}}：\n\n　　{{社区}}{{#网格}}{{网格}}{{/网格}}通知您……\n\n{{社区}}居民委员会\n{{今天}}",
        html: "<p>尊敬的{{称呼}}：</p><p>{{社区}}{{网格}}通知您……</p><p>{{今天}}</p>",
        sms: "{{称呼}}，{{社区}}通知您……",
      },
      NAMES,
    );
    const v = values({ name: "张伟", sex: "男", mobile: "138****8000" });
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) prepared.render(v);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
