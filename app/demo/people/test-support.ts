// Shared by the generator's tests: a small street of communities and a fixed "today".
import { generatePeople } from "./generate.ts";
import type { GeneratedPerson } from "./types.ts";

export const TODAY = "2026-03-15";

export const COMMUNITIES = ["二龙路社区", "丰盛社区", "西单社区", "太平桥社区"].map((name) => ({
  name,
  grids: ["第一网格", "第二网格", "第三网格"],
}));

export const people = (count: number, seed: number | string = 7): GeneratedPerson[] => [
  ...generatePeople({ seed, count, communities: COMMUNITIES, today: TODAY }),
];

/** Completed years on TODAY. */
export function ageOf(person: GeneratedPerson): number {
  const [y, m, d] = person.birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = TODAY.split("-").map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export function households(all: GeneratedPerson[]): Map<string, GeneratedPerson[]> {
  const map = new Map<string, GeneratedPerson[]>();
  for (const person of all) {
    const members = map.get(person.householdNo) ?? [];
    members.push(person);
    map.set(person.householdNo, members);
  }
  return map;
}
