import { describe, expect, it } from "vitest";
import type { GeneratedPerson } from "./generate.ts";
import { ageOf, households, people } from "./test-support.ts";

const SAMPLE = people(20_000, 11);
const HOMES = [...households(SAMPLE).values()];
const share = (test: (p: GeneratedPerson) => boolean) => SAMPLE.filter(test).length / SAMPLE.length;
const years = (a: GeneratedPerson, b: GeneratedPerson) => ageOf(a) - ageOf(b);
const SHARED = [
  "community",
  "grid",
  "address",
  "registeredAddress",
  "residenceType",
  "housingType",
  "landline",
] as const;

describe("generated households", () => {
  it("have one 户主 each, listed first, and a size that matches their members", () => {
    const wrong = HOMES.filter(
      (members) =>
        members.filter((m) => m.relationToHead === "户主").length !== 1 ||
        members[0]!.relationToHead !== "户主" ||
        members.some((m) => m.householdSize !== members.length),
    );
    expect(wrong).toEqual([]);
  });

  it("share one address and what goes with it; members are listed together", () => {
    const wrong = HOMES.filter((members) =>
      SHARED.some((key) => members.some((m) => m[key] !== members[0]![key])),
    );
    expect(wrong).toEqual([]);
    let runs = 0;
    SAMPLE.forEach((p, i) => {
      if (i === 0 || SAMPLE[i - 1]!.householdNo !== p.householdNo) runs++;
    });
    expect(runs).toBe(HOMES.length);
  });

  it("live in rooms of their own", () => {
    const addresses = HOMES.map((members) => members[0]!.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it("pair the head with a spouse of the other sex and a similar age, both married", () => {
    const couples = HOMES.flatMap((members) => {
      const head = members[0]!;
      return members.filter((m) => m.relationToHead === "配偶").map((spouse) => [head, spouse] as const);
    });
    expect(couples.length).toBeGreaterThan(HOMES.length / 3);
    const wrong = couples.filter(
      ([head, spouse]) =>
        head.sex === spouse.sex ||
        Math.abs(years(head, spouse)) > 20 ||
        head.maritalStatus !== "已婚" ||
        spouse.maritalStatus !== "已婚" ||
        Math.min(ageOf(head), ageOf(spouse)) < 20,
    );
    expect(wrong).toEqual([]);
  });

  it("make children younger than the head and parents older, by a generation", () => {
    const wrong = HOMES.flatMap((members) => {
      const head = members[0]!;
      // 父母 are the parents of the head or of the head's spouse (公婆, 岳父母).
      const couple = members.filter((m) => m.relationToHead === "户主" || m.relationToHead === "配偶");
      return members.filter((m) => {
        if (m.relationToHead === "子" || m.relationToHead === "女") return years(head, m) < 18;
        if (m.relationToHead === "孙子女") return years(head, m) < 36;
        if (m.relationToHead === "父母") return couple.every((c) => years(m, c) < 18);
        return false;
      });
    });
    expect(wrong).toEqual([]);
  });
});

describe("generated people", () => {
  it("have plausible ages, with people born before 1950 and babies", () => {
    const ages = SAMPLE.map(ageOf);
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(105);
    expect(SAMPLE.some((p) => p.birthDate < "1950-01-01")).toBe(true);
  });

  it("have marital status, schooling, work and phones that fit their age", () => {
    const wrong = SAMPLE.filter((p) => {
      const age = ageOf(p);
      if (age < 20 && p.maritalStatus !== "未婚") return true;
      if (age < 6 && (p.education !== null || p.employmentStatus !== "学龄前")) return true;
      if (p.education === "研究生" && age < 23) return true;
      if (p.education === "大学本科" && age < 17) return true;
      if (age < 12 && p.mobile !== null) return true;
      if (p.occupation !== null && age < 17) return true;
      return p.moveInDate < p.birthDate || p.registeredOn < p.moveInDate;
    });
    expect(wrong).toEqual([]);
  });

  it("mark 独居老人 exactly the elderly who live alone, and other groups where they fit", () => {
    const wrong = SAMPLE.filter((p) => {
      const groups = p.specialGroups;
      const alone = p.householdSize === 1 && ageOf(p) >= 60;
      if (groups.includes("独居老人") !== alone) return true;
      if (groups.includes("空巢老人") && (ageOf(p) < 60 || p.householdSize !== 2)) return true;
      if (groups.includes("留守儿童") && (ageOf(p) >= 16 || p.relationToHead !== "孙子女")) return true;
      if (groups.includes("失业人员") !== (p.employmentStatus === "失业")) return true;
      if (groups.includes("残疾人") !== (p.health === "残疾")) return true;
      return new Set(groups).size !== groups.length;
    });
    expect(wrong).toEqual([]);
  });

  it("give 低保户 to whole households, at a low rate", () => {
    const marked = HOMES.filter((members) => members.some((m) => m.specialGroups.includes("低保户")));
    expect(marked.every((members) => members.every((m) => m.specialGroups.includes("低保户")))).toBe(true);
    expect(marked.length / HOMES.length).toBeGreaterThan(0.003);
    expect(marked.length / HOMES.length).toBeLessThan(0.04);
  });

  it("look like a Beijing street's population", () => {
    expect(share((p) => p.ethnicity === "汉族")).toBeGreaterThan(0.9);
    expect(share((p) => p.ethnicity === "汉族")).toBeLessThan(0.99);
    expect(share((p) => ageOf(p) >= 60)).toBeGreaterThan(0.12);
    expect(share((p) => ageOf(p) >= 60)).toBeLessThan(0.35);
    expect(share((p) => ageOf(p) < 15)).toBeGreaterThan(0.06);
    expect(share((p) => p.sex === "男")).toBeGreaterThan(0.45);
    expect(share((p) => p.sex === "男")).toBeLessThan(0.55);
    expect(share((p) => p.residenceType === "外地户籍")).toBeGreaterThan(0.1);
    expect(share((p) => p.category === "居民")).toBeGreaterThan(0.8);
    expect(share((p) => p.category === "企业员工")).toBeGreaterThan(0.01);
    expect(share((p) => p.category === "商家")).toBeGreaterThan(0.005);
  });

  it("have names of every kind offices meet", () => {
    const compound =
      /^(欧阳|上官|司马|诸葛|东方|慕容|皇甫|司徒|令狐|夏侯|尉迟|公孙|端木|长孙|宇文|呼延|南宫|独孤|爱新觉罗)/;
    expect(share((p) => compound.test(p.name))).toBeGreaterThan(0.001);
    expect(share((p) => compound.test(p.name))).toBeLessThan(0.015);
    const lengths = SAMPLE.map((p) => [...p.name].length);
    expect(lengths.filter((n) => n === 2).length / lengths.length).toBeGreaterThan(0.05);
    expect(lengths.filter((n) => n === 3).length / lengths.length).toBeGreaterThan(0.6);
    expect(lengths.filter((n) => n === 4).length).toBeGreaterThan(10);
    expect(SAMPLE.some((p) => p.name.includes("·"))).toBe(true);
    expect(SAMPLE.some((p) => [...p.name].some((c) => c.codePointAt(0)! > 0xffff))).toBe(true);
    const surnames = new Set(SAMPLE.map((p) => p.name[0]));
    expect(surnames.size).toBeGreaterThan(100);
  });

  it("pass the family name to children", () => {
    const families = HOMES.filter(
      (members) => members.length >= 3 && members[0]!.name.includes("·") === false,
    );
    let same = 0;
    let children = 0;
    for (const members of families)
      for (const child of members.filter((m) => m.relationToHead === "子" || m.relationToHead === "女")) {
        children++;
        if (
          members.some(
            (m) =>
              m !== child &&
              m.relationToHead !== "子" &&
              m.relationToHead !== "女" &&
              m.name[0] === child.name[0],
          )
        )
          same++;
      }
    expect(same / children).toBeGreaterThan(0.85);
  });
});
