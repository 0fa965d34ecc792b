// The demo and benchmark people generator: households of realistic people living in the given
// communities, streamed one person at a time so a million never sit in memory together.
import { CommunityRooms } from "./addresses.ts";
import { birthForAge, parseIsoDay } from "./dates.ts";
import { IdNumbers } from "./documents.ts";
import { makeHome } from "./home.ts";
import { planHousehold } from "./households.ts";
import { makePeople } from "./person.ts";
import { Random, Weighted } from "./random.ts";
import type { GeneratedPerson, GenerateOptions } from "./types.ts";

export type { CommunityInput, GeneratedPerson, GenerateOptions } from "./types.ts";
export { PERSON_FIELDS } from "./types.ts";

/** People per household on average, to size each community's estates before the first household. */
const MEAN_HOUSEHOLD = 2.6;

/**
 * Yields `count` people, household by household (the 户主 first). Everything follows from the options:
 * the same options give the same people, byte for byte, on any machine. Like any generator it starts
 * on the first `next()`, which is also when bad options throw.
 */
export function* generatePeople(options: GenerateOptions): Generator<GeneratedPerson> {
  const { count, communities } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error("count must be a whole number ≥ 0");
  if (communities.length === 0) throw new Error("people need at least one community to live in");
  const random = new Random(options.seed);
  const today = parseIsoDay(options.today);
  const addressPrefix = options.addressPrefix ?? "北京市西城区金融街街道";
  const ctx = { random, ids: new IdNumbers(count), today, employers: options.employers };

  // Communities differ in size; each gets estates enough for its expected share of households.
  const weights = communities.map(() => 0.6 + random.float() * 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const estateNames = new Set<string>();
  const rooms = communities.map(
    (c, i) =>
      new CommunityRooms(
        random,
        c.grids,
        Math.ceil((count / MEAN_HOUSEHOLD) * (weights[i]! / total)),
        estateNames,
      ),
  );
  const pick = new Weighted(communities.map((_, i) => [i, weights[i]!] as const));
  const serials = communities.map(() => 0);

  let produced = 0;
  while (produced < count) {
    const plan = planHousehold(random, count - produced);
    // A community whose rooms are all taken passes its households to the next one.
    let c = pick.draw(random);
    let address = rooms[c]!.take();
    for (let tries = 1; address === null && tries < communities.length; tries++) {
      c = (c + 1) % communities.length;
      address = rooms[c]!.take();
    }
    if (address === null) throw new Error("the communities have no free rooms left");
    serials[c]!++;
    const births = plan.members.map((m) => birthForAge(m.age, today, random.float()));
    const head = plan.members.findIndex((m) => m.relation === "户主");
    const home = makeHome(random, {
      kind: plan.kind,
      community: communities[c]!.name,
      householdNo: `${String(c + 1).padStart(2, "0")}${String(serials[c]).padStart(7, "0")}`,
      address,
      addressPrefix,
      headBirth: births[head]!,
      size: plan.members.length,
      today,
    });
    const people = makePeople(ctx, home, plan.members, births);
    yield people[head]!;
    for (let i = 0; i < people.length; i++) if (i !== head) yield people[i]!;
    produced += people.length;
  }
}
