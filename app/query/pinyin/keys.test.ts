import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesPinyin, pinyinFields, pinyinKeys, pinyinQuery, pinyinSortKey } from "./keys";

describe("pinyinKeys", () => {
  it("spells a name in full and by initials", () => {
    expect(pinyinKeys("张三丰")).toEqual({ full: "zhangsanfeng", initials: "zsf" });
    expect(pinyinKeys("吕小明")).toEqual({ full: "lvxiaoming", initials: "lxm" });
  });

  it("reads polyphonic surnames as surnames", () => {
    expect(pinyinKeys("单雄信").full).toBe("shanxiongxin");
    expect(pinyinKeys("曾国藩").full).toBe("zengguofan");
    expect(pinyinKeys("仇英").full).toBe("qiuying");
    expect(pinyinKeys("解缙").full).toBe("xiejin");
    expect(pinyinKeys("区志强")).toEqual({ full: "ouzhiqiang", initials: "ozq" });
  });

  it("reads compound surnames", () => {
    expect(pinyinKeys("欧阳修")).toEqual({ full: "ouyangxiu", initials: "oyx" });
    expect(pinyinKeys("司马光")).toEqual({ full: "simaguang", initials: "smg" });
    expect(pinyinKeys("上官婉儿")).toEqual({ full: "shangguanwaner", initials: "sgwe" });
    expect(pinyinKeys("尉迟恭").full).toBe("yuchigong");
  });

  it("keeps Latin letters and digits lower-cased and drops spaces and middle dots", () => {
    expect(pinyinKeys("Tom张3")).toEqual({ full: "tomzhang3", initials: "tomz3" });
    expect(pinyinKeys("阿依古丽·买买提")).toEqual({ full: "ayigulimaimaiti", initials: "ayglmmt" });
    expect(pinyinKeys("张 三")).toEqual({ full: "zhangsan", initials: "zs" });
  });

  it("keeps characters it cannot read", () => {
    expect(pinyinKeys("𠮷张")).toEqual({ full: "𠮷zhang", initials: "𠮷z" });
  });

  it("gives empty keys for empty input", () => {
    expect(pinyinKeys("")).toEqual({ full: "", initials: "" });
    expect(pinyinSortKey("")).toBe("");
    expect(pinyinKeys(" · ")).toEqual({ full: "", initials: "" });
  });

  it("never has more initials than the text has characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 12 }), (x) => {
        expect(pinyinKeys(x).initials.length).toBeLessThanOrEqual(x.length);
      }),
    );
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(cjk, { maxLength: 6 }), (chars) => {
        const x = chars.join("");
        expect([...pinyinKeys(x).initials].length).toBeLessThanOrEqual([...x].length);
      }),
    );
  });
});

describe("pinyinSortKey", () => {
  it("sorts names the way a Chinese reader expects", () => {
    const names = [
      "周杰",
      "陈静",
      "白雪",
      "张伟",
      "阿依古丽",
      "欧阳娜",
      "曾强",
      "李娜",
      "单丽",
      "王芳",
      "李明",
    ];
    const sorted = [...names].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      "阿依古丽",
      "白雪",
      "陈静",
      "李明",
      "李娜",
      "欧阳娜",
      "单丽",
      "王芳",
      "曾强",
      "张伟",
      "周杰",
    ]);
  });

  it("compares syllable by syllable, then by the characters", () => {
    expect(pinyinSortKey("西安") < pinyinSortKey("先")).toBe(true);
    expect(pinyinSortKey("张") < pinyinSortKey("张三")).toBe(true);
    const [a, b] = [pinyinSortKey("张伟"), pinyinSortKey("章伟")];
    expect(a).not.toBe(b);
    expect(a < b).toBe("张伟" < "章伟");
  });
});

describe("pinyinFields", () => {
  it("gives the keys and the sort key at once", () => {
    expect(pinyinFields("单雄信")).toEqual({ ...pinyinKeys("单雄信"), sortKey: pinyinSortKey("单雄信") });
  });
});

describe("matchesPinyin", () => {
  const keys = pinyinKeys("张三丰");

  it("finds by initials and by any part of the full spelling", () => {
    for (const q of ["zsf", "ZSF", "zs", "sf", "zhangsan", "sanfeng", "zhang san feng", "zhang'san"]) {
      expect(matchesPinyin(q, keys), q).toBe(true);
    }
  });

  it("does not match other spellings or non-letter queries", () => {
    for (const q of ["zsg", "lisi", "", "  ", "张三", "zs1"]) expect(matchesPinyin(q, keys), q).toBe(false);
  });

  it("accepts ü typed as either ü or v", () => {
    expect(pinyinQuery("Lü")).toBe("lv");
    expect(matchesPinyin("lü", pinyinKeys("吕布"))).toBe(true);
  });
});
