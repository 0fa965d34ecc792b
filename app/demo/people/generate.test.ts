import { describe, expect, it } from "vitest";
import { normaliseMobile } from "../../auth/mobile.ts";
import { idCheckCharacter } from "../../people/identity/check-digit.ts";
import { BUILT_IN_DICTIONARIES, type BuiltInDictionaryKey } from "../../schema/dictionaries/index.ts";
import { MOBILE_PREFIXES } from "./data/work.ts";
import { generatePeople, PERSON_FIELDS } from "./generate.ts";
import { COMMUNITIES, people, TODAY } from "./test-support.ts";

const SAMPLE = people(20_000);
// Documents laid out like the 居民身份证: region or country, birth date, sex digit, MOD 11-2 check.
const GB11643_LAYOUT = new Set(["居民身份证", "港澳台居民居住证", "外国人永久居留身份证"]);

describe("generatePeople", () => {
  it("gives the same people for the same seed, and others for another seed", () => {
    const first = JSON.stringify(people(3000, "demo"));
    expect(JSON.stringify(people(3000, "demo"))).toBe(first);
    expect(JSON.stringify(people(3000, "other"))).not.toBe(first);
  });

  it("yields exactly the number asked for", () => {
    for (const count of [0, 1, 2, 5, 17, 1000]) expect(people(count)).toHaveLength(count);
  });

  it("streams: the first people of a million arrive without making the rest", () => {
    const stream = generatePeople({ seed: 1, count: 1_000_000, communities: COMMUNITIES, today: TODAY });
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect(stream.next().done).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses options it cannot honour", () => {
    const run = (count: number, communities = COMMUNITIES, today = TODAY) =>
      generatePeople({ seed: 1, count, communities, today }).next();
    expect(() => run(-1)).toThrow();
    expect(() => run(1.5)).toThrow();
    expect(() => run(5, [])).toThrow();
    expect(() => run(5, COMMUNITIES, "15.3.2026")).toThrow();
  });

  it("has about forty fields, all listed in PERSON_FIELDS", () => {
    const keys = Object.keys(SAMPLE[0]!);
    expect(keys.length).toBeGreaterThanOrEqual(38);
    expect(new Set(PERSON_FIELDS.map((f) => f.key))).toEqual(new Set(keys));
  });

  it("gives every person a document number of the right form, unique per type", () => {
    const seen = new Set<string>();
    const wrong = SAMPLE.filter((person) => {
      const key = `${person.documentType}:${person.documentNumber}`;
      if (seen.has(key)) return true;
      seen.add(key);
      const number = person.documentNumber;
      if (GB11643_LAYOUT.has(person.documentType))
        return !(
          /^\d{17}[\dX]$/.test(number) &&
          idCheckCharacter(number.slice(0, 17)) === number[17] &&
          `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}` === person.birthDate &&
          (Number(number[16]) % 2 === 1 ? "男" : "女") === person.sex
        );
      if (person.documentType === "港澳居民来往内地通行证") return !/^[HM]\d{8}$/.test(number);
      if (person.documentType === "台湾居民来往大陆通行证") return !/^\d{8}$/.test(number);
      return person.documentType !== "护照" || !/^[A-Z]\d{8}$/.test(number);
    });
    expect(wrong).toEqual([]);
  });

  it("uses 居民身份证 for nearly everyone, Beijing region codes for most, and the other documents too", () => {
    const ids = SAMPLE.filter((p) => p.documentType === "居民身份证");
    expect(ids.length / SAMPLE.length).toBeGreaterThan(0.98);
    const beijing = ids.filter((p) => p.documentNumber.startsWith("1101")).length / ids.length;
    expect(beijing).toBeGreaterThan(0.6);
    expect(beijing).toBeLessThan(0.95);
    const residencePermits = SAMPLE.filter((p) => p.documentType === "港澳台居民居住证");
    for (const p of residencePermits)
      expect(["810000", "820000", "830000"]).toContain(p.documentNumber.slice(0, 6));
    const types = new Set(SAMPLE.map((p) => p.documentType));
    expect(types.size).toBeGreaterThanOrEqual(5);
  });

  it("gives only valid mainland mobile numbers", () => {
    const phones = SAMPLE.flatMap((p) => [p.mobile, p.emergencyPhone]).filter((p) => p !== null);
    expect(phones.length).toBeGreaterThan(SAMPLE.length);
    expect(phones.filter((phone) => normaliseMobile(phone) !== phone)).toEqual([]);
  });

  it("draws mobile numbers only from prefixes libphonenumber accepts, whatever the last eight digits", () => {
    for (const [prefix] of MOBILE_PREFIXES)
      for (const rest of ["00000000", "12345678", "55555555", "99999999"])
        expect(normaliseMobile(prefix + rest), prefix + rest).not.toBeNull();
  });

  it("holds dictionary labels exactly as the built-in dictionaries spell them", () => {
    const labelsOf = (key: string) =>
      new Set(BUILT_IN_DICTIONARIES[key as BuiltInDictionaryKey].options.map((o) => o.label));
    for (const field of PERSON_FIELDS.filter((f) => f.dictionary)) {
      const labels = labelsOf(field.dictionary!);
      const values = SAMPLE.flatMap((person) => person[field.key] ?? []);
      expect(
        values.filter((v) => !labels.has(String(v))),
        field.label,
      ).toEqual([]);
    }
  });

  it("places people in the given communities and their grids", () => {
    const names = new Set(COMMUNITIES.map((c) => c.name));
    const misplaced = SAMPLE.filter(
      (p) =>
        !names.has(p.community) ||
        !COMMUNITIES[0]!.grids.includes(p.grid!) ||
        p.address !== `北京市西城区金融街街道${p.estate}${p.building}${p.unit}${p.room}` ||
        !/^\d+号楼$/.test(p.building) ||
        !/^\d单元$/.test(p.unit) ||
        !/^\d{1,2}0\d$/.test(p.room),
    );
    expect(misplaced).toEqual([]);
    expect(new Set(SAMPLE.map((p) => p.community)).size).toBe(COMMUNITIES.length);
  });

  it("names work units from the employers it is given", () => {
    const employers = { enterprises: ["京华信息科技有限公司"], merchants: ["丰盛便民超市"] };
    const run = [
      ...generatePeople({ seed: 3, count: 3000, communities: COMMUNITIES, today: TODAY, employers }),
    ];
    const staff = run.filter((p) => p.subCategory === "驻区企业员工" || p.category === "商家");
    expect(staff.length).toBeGreaterThan(0);
    for (const p of staff) expect([...employers.enterprises, ...employers.merchants]).toContain(p.workUnit);
  });
});
