// Who lives together: household kinds in realistic shares, with ages that fit (spouses of opposite sex
// and similar age, mothers 21–42 at each birth, grandparents a generation above), before names and the
// rest are filled in.
import { type Random, shares, Weighted } from "./random.ts";

export type HouseholdKind =
  | "elderAlone"
  | "elderCouple"
  | "single"
  | "couple"
  | "family"
  | "threeGenerations"
  | "singleParent"
  | "parentsAdultChild"
  | "grandparentsGrandchild"
  | "shared";

export interface Member {
  relation: string;
  male: boolean;
  age: number;
  marital: string;
  /** Indices of the parents within the household, where they live in it (surname, ethnic group). */
  father?: number;
  mother?: number;
}

const KINDS = shares({
  elderAlone: 8,
  elderCouple: 10,
  single: 13,
  couple: 10,
  family: 30,
  threeGenerations: 11,
  singleParent: 5,
  parentsAdultChild: 8,
  grandparentsGrandchild: 1,
  shared: 4,
});

// Share of adults by five-year band from 0–4 up: a central Beijing district, older than the country.
const BANDS = [4, 4.5, 4.5, 4, 5, 7, 9, 9, 7.5, 7, 7.5, 7.5, 7, 6, 4.5, 3, 2, 1.2, 0.5, 0.15, 0.03];
const PYRAMID = new Weighted<number>(
  BANDS.flatMap((weight, band) => Array.from({ length: 5 }, (_, i) => [band * 5 + i, weight] as const)),
);

/** An age in [low, high] drawn from the pyramid. */
function ageIn(random: Random, low: number, high: number): number {
  for (let tries = 0; tries < 40; tries++) {
    const age = PYRAMID.draw(random);
    if (age >= low && age <= high) return age;
  }
  return random.between(low, high);
}

const SINGLE_MARITAL = [
  { below: 30, table: shares({ 未婚: 95, 离婚: 5 }) },
  { below: 45, table: shares({ 未婚: 55, 离婚: 40, 丧偶: 5 }) },
  { below: 60, table: shares({ 未婚: 20, 离婚: 60, 丧偶: 20 }) },
  { below: 200, table: shares({ 丧偶: 72, 离婚: 13, 未婚: 5, 已婚: 10 }) },
];
const singleMarital = (random: Random, age: number) =>
  SINGLE_MARITAL.find((row) => age < row.below)!.table.draw(random);

/** The wife's age for a husband's, or the reverse: husbands are two years older on average. */
function partnerAge(random: Random, age: number, male: boolean): number {
  const gap = Math.round(random.bell(2.5, 5));
  return male ? Math.max(21, age - gap) : Math.max(23, age + gap);
}

class Builder {
  readonly members: Member[] = [];
  constructor(private readonly random: Random) {}

  add(
    relation: string,
    male: boolean,
    age: number,
    marital: string,
    father?: number,
    mother?: number,
  ): number {
    this.members.push({ relation, male, age, marital, father, mother });
    return this.members.length - 1;
  }

  /** Adds a married pair, the first being the one named by `relation`; returns [husband, wife]. */
  couple(
    relation: string,
    partnerRelation: string,
    husbandAge: number,
    headIsHusband: boolean,
  ): [number, number] {
    const wifeAge = partnerAge(this.random, husbandAge, true);
    if (headIsHusband) {
      const h = this.add(relation, true, husbandAge, "已婚");
      return [h, this.add(partnerRelation, false, wifeAge, "已婚")];
    }
    const w = this.add(relation, false, wifeAge, "已婚");
    return [this.add(partnerRelation, true, husbandAge, "已婚"), w];
  }

  /** The age of the younger of two members, which bounds their children's ages. */
  younger(a: number, b: number): number {
    return Math.min(this.members[a]!.age, this.members[b]!.age);
  }

  /** Children born when the younger parent (`parentAge` now) was 21 or older, none older than `oldest`. */
  children(
    relationOf: (male: boolean) => string,
    parents: { father?: number; mother?: number; parentAge: number },
    count: number,
    oldest = 30,
  ) {
    const random = this.random;
    const { father, mother, parentAge } = parents;
    let age = parentAge - Math.min(parentAge, Math.max(21, Math.round(random.bell(28, 10))));
    if (age > oldest) age = random.between(Math.max(0, parentAge - 40), oldest);
    for (let i = 0; i < count && age >= 0; i++) {
      const male = random.chance(0.515);
      this.add(relationOf(male), male, age, "未婚", father, mother);
      age -= random.between(2, 8);
    }
  }
}

const sonOrDaughter = (male: boolean) => (male ? "子" : "女");
const grandchild = () => "孙子女";

/** Plans one household; `maxSize` keeps the last household of a run within the requested count. */
export function planHousehold(random: Random, maxSize: number): { kind: HouseholdKind; members: Member[] } {
  for (;;) {
    const kind = maxSize >= 6 ? KINDS.draw(random) : random.chance(0.4) ? "elderAlone" : "single";
    const members = build(random, kind);
    if (members.length <= maxSize) return { kind, members };
  }
}

function build(random: Random, kind: HouseholdKind): Member[] {
  const b = new Builder(random);
  const headIsHusband = random.chance(0.7);
  switch (kind) {
    case "elderAlone": {
      const age = ageIn(random, 60, 100);
      b.add("户主", random.chance(0.35), age, singleMarital(random, age));
      break;
    }
    case "elderCouple":
      b.couple("户主", "配偶", ageIn(random, 62, 98), headIsHusband);
      break;
    case "single": {
      const age = ageIn(random, 20, 59);
      b.add("户主", random.chance(0.55), age, singleMarital(random, age));
      break;
    }
    case "couple":
      b.couple("户主", "配偶", ageIn(random, 24, 59), headIsHusband);
      break;
    case "family": {
      const [h, w] = b.couple("户主", "配偶", ageIn(random, 25, 60), headIsHusband);
      const count = random.chance(0.6) ? 1 : random.chance(0.9) ? 2 : 3;
      b.children(sonOrDaughter, { father: h, mother: w, parentAge: b.younger(h, w) }, count);
      break;
    }
    case "threeGenerations":
      threeGenerations(random, b, headIsHusband);
      break;
    case "singleParent": {
      const male = random.chance(0.25);
      const age = ageIn(random, 26, 55);
      const marital = random.chance(0.75) ? "离婚" : random.chance(0.6) ? "丧偶" : "未婚";
      const parent = b.add("户主", male, age, marital);
      // A single father's children are timed by their absent mother, about two years younger than him.
      const parents = male ? { father: parent, parentAge: age - 2 } : { mother: parent, parentAge: age };
      b.children(sonOrDaughter, parents, random.chance(0.85) ? 1 : 2, 25);
      break;
    }
    case "parentsAdultChild": {
      const [h, w] = b.couple("户主", "配偶", ageIn(random, 48, 76), headIsHusband);
      const parentAge = b.younger(h, w);
      b.children(sonOrDaughter, { father: h, mother: w, parentAge }, 1, 40);
      const child = b.members.at(-1)!;
      if (child.age < 18) child.age = random.between(18, Math.min(40, parentAge - 21));
      if (child.age >= 30 && random.chance(0.15)) child.marital = "离婚";
      break;
    }
    case "grandparentsGrandchild": {
      const age = ageIn(random, 55, 82);
      const pair = random.chance(0.6);
      // The child's surname comes from the grandfather when he is the father's father.
      const elders = pair
        ? b.couple("户主", "配偶", age, headIsHusband)
        : [b.add("户主", false, age, "丧偶")];
      const grandfather = pair ? elders[0] : undefined;
      const youngest = Math.min(...elders.map((i) => b.members[i]!.age));
      const male = random.chance(0.515);
      const childAge = random.between(3, Math.min(15, youngest - 40));
      b.add("孙子女", male, childAge, "未婚", random.chance(0.7) ? grandfather : undefined);
      break;
    }
    case "shared": {
      const size = random.chance(0.6) ? 2 : 3;
      for (let i = 0; i < size; i++) {
        const age = ageIn(random, 20, 40);
        b.add(i === 0 ? "户主" : "非亲属", random.chance(0.55), age, singleMarital(random, age));
      }
      break;
    }
  }
  return b.members;
}

// Three generations: in half the homes the grandparent holds the household register (common in old
// 公房), and the middle generation are then 子/女 with a 儿媳 or 女婿; otherwise the middle generation
// heads it and the elders are 父母.
function threeGenerations(random: Random, b: Builder, headIsHusband: boolean) {
  const elderHead = random.chance(0.45);
  const motherAge = ageIn(random, 27, 46);
  const fatherAge = partnerAge(random, motherAge, false);
  const childIsSon = random.chance(0.7);
  const middleAge = childIsSon ? fatherAge : motherAge;
  const elderAge = Math.min(100, middleAge + Math.max(21, Math.round(random.bell(28, 10))));
  const bothElders = random.chance(0.55);
  const elderRelation = elderHead ? "户主" : "父母";
  const elders = bothElders
    ? b.couple(elderRelation, elderHead ? "配偶" : "父母", elderAge, true)
    : [b.add(elderRelation, random.chance(0.3), elderAge, "丧偶")];
  // Both elders were at least 21 when the middle generation was born.
  for (const i of elders) b.members[i]!.age = Math.min(100, Math.max(b.members[i]!.age, middleAge + 21));
  const [first, second] = elders;
  const elderFather = bothElders || b.members[first!]!.male ? first : undefined;
  const elderMother = bothElders ? second : elderFather === undefined ? first : undefined;
  const inLawRelation = elderHead ? (childIsSon ? "儿媳" : "女婿") : "配偶";
  const fromElders = b.add(
    elderHead ? sonOrDaughter(childIsSon) : "户主",
    childIsSon,
    middleAge,
    "已婚",
    elderFather,
    elderMother,
  );
  const inLaw = b.add(inLawRelation, !childIsSon, childIsSon ? motherAge : fatherAge, "已婚");
  const [father, mother] = childIsSon ? [fromElders, inLaw] : [inLaw, fromElders];
  // When the middle generation heads the household, the head is the husband or the wife as elsewhere.
  if (!elderHead && headIsHusband !== childIsSon) {
    b.members[fromElders]!.relation = "配偶";
    b.members[inLaw]!.relation = "户主";
  }
  const parents = { father, mother, parentAge: Math.min(motherAge, fatherAge) };
  b.children(elderHead ? grandchild : sonOrDaughter, parents, random.chance(0.6) ? 1 : 2, 20);
}
