import { describe, expect, it } from "vitest";
import { cleanChineseName, cleanText } from "./text.ts";

describe("cleanText", () => {
  it("trims full-width spaces, NBSP and zero-width characters and collapses inner runs", () => {
    expect(cleanText("\u3000 北京市\u00a0\u00a0西城区\t金融街 \u3000")).toBe("北京市 西城区 金融街");
    expect(cleanText("\u200b丰盛社区\u200b")).toBe("丰盛社区");
    expect(cleanText("  \u3000 ")).toBe("");
  });
});

describe("cleanChineseName", () => {
  it("removes spaces inside Chinese names", () => {
    expect(cleanChineseName("张　三")).toBe("张三");
    expect(cleanChineseName(" 欧阳 娜 娜 ")).toBe("欧阳娜娜");
    expect(cleanChineseName("\u3000王\u00a0𠀀\u3000")).toBe("王𠀀");
  });

  it("keeps and unifies the middle dot of ethnic and transliterated names", () => {
    expect(cleanChineseName("阿依古丽·买买提")).toBe("阿依古丽·买买提");
    expect(cleanChineseName("阿依古丽 • 买买提")).toBe("阿依古丽·买买提");
    expect(cleanChineseName("阿依古丽・买买提")).toBe("阿依古丽·买买提");
    expect(cleanChineseName("阿依古丽．买买提")).toBe("阿依古丽·买买提");
  });

  it("keeps one space between the words of Latin names", () => {
    expect(cleanChineseName("  John \u3000 Smith ")).toBe("John Smith");
    expect(cleanChineseName("Anna Maria Müller")).toBe("Anna Maria Müller");
  });
});
