import { describe, expect, it } from "vitest";
import { type CampaignContent, campaignContentSchema, smsLength, templateNames } from "./content.ts";

const content = (over: Partial<CampaignContent> = {}): CampaignContent => ({
  subject: "",
  text: "",
  ...over,
});

describe("campaignContentSchema", () => {
  it("takes a full content", () => {
    const full = {
      subject: "通知",
      text: "正文",
      html: "<p>正文</p>",
      sms: "短信",
      smsParams: { name: "{{称呼}}" },
    };
    expect(campaignContentSchema.parse(full)).toEqual(full);
  });

  it("refuses a too long part with a message in Chinese and English", () => {
    const result = campaignContentSchema.safeParse(content({ subject: "字".repeat(201) }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "标题最多 200 个字符 / The subject takes at most 200 characters",
    );
    expect(campaignContentSchema.safeParse(content({ sms: "字".repeat(501) })).success).toBe(false);
  });

  it("takes at most 10 SMS parameters with plain names", () => {
    const params = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, "x"]));
    expect(campaignContentSchema.safeParse(content({ smsParams: params(10) })).success).toBe(true);
    const many = campaignContentSchema.safeParse(content({ smsParams: params(11) }));
    expect(many.error?.issues[0]?.message).toMatch(/^短信模板参数最多 10 个/);
    expect(campaignContentSchema.safeParse(content({ smsParams: { "名 字": "x" } })).success).toBe(false);
  });
});

describe("smsLength", () => {
  const text = (n: number) => "邻".repeat(n);

  it("bills up to 70 characters as one SMS and longer ones in parts of 67", () => {
    expect(smsLength(text(70))).toEqual({ chars: 70, segments: 1 });
    expect(smsLength(text(71))).toEqual({ chars: 71, segments: 2 });
    expect(smsLength(text(134))).toEqual({ chars: 134, segments: 2 });
    expect(smsLength(text(135))).toEqual({ chars: 135, segments: 3 });
  });

  it("counts the signature with its brackets, given with or without them", () => {
    expect(smsLength(text(64), "邻里街道")).toEqual({ chars: 70, segments: 1 });
    expect(smsLength(text(64), "【邻里街道】")).toEqual({ chars: 70, segments: 1 });
    expect(smsLength(text(65), "邻里街道").segments).toBe(2);
  });

  it("counts by code point: Latin, digits, line breaks and characters outside the BMP are one each", () => {
    expect(smsLength("Hi 1\n𠮷😀").chars).toBe(7);
    expect(smsLength("")).toEqual({ chars: 0, segments: 0 });
  });
});

describe("templateNames", () => {
  it("lists the names of every part, sections' contents included, once each", () => {
    const names = templateNames(
      content({
        subject: "{{称呼}}，您好",
        text: "{{#网格}}{{网格}}的{{^姓名}}居民{{/姓名}}{{/网格}}{{{现住址}}}{{.}}",
        html: "<p>{{称呼}}{{&社区}}</p>",
        sms: "{{今天}}",
        smsParams: { code: "{{系统编号}}" },
      }),
    );
    expect(names).toEqual(["称呼", "网格", "姓名", "现住址", "社区", "今天", "系统编号"]);
  });

  it("skips a part that does not parse yet", () => {
    expect(templateNames(content({ subject: "{{姓名", text: "{{社区}}" }))).toEqual(["社区"]);
  });
});
