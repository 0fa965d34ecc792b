// What the members of one household share: registration, origin, housing, move-in date, landline and
// the household-wide assistance (低保) and hardship (失独) marks.
import type { Address } from "./addresses.ts";
import { landlineNumber } from "./contact.ts";
import { COUNTRIES, ELSEWHERE, HOMELAND_OF, OTHER_STREETS, type Region } from "./data/places.ts";
import type { HouseholdKind } from "./households.ts";
import { type Random, shares, Weighted } from "./random.ts";

export type Overseas =
  | { from: "hk" | "macau" | "taiwan" }
  | { from: "abroad"; country: string; code: string };

export interface Home {
  kind: HouseholdKind;
  community: string;
  householdNo: string;
  address: Address;
  fullAddress: string;
  residenceType: string;
  /** Where a migrant household is registered; unused for locals. */
  origin: Region;
  overseas: Overseas | null;
  /** The household's main ethnic group; null for foreign nationals, who have none on record. */
  ethnicity: string | null;
  registeredAddress: string;
  housingType: string;
  floorArea: number;
  moveIn: number;
  landline: string | null;
  assistance: "低保户" | "低收入家庭" | null;
  bereaved: boolean;
  size: number;
}

// Shares in Beijing's population (2020 census, rounded); the rest of the 56 groups are rarer still.
export const ETHNICITIES = shares({
  汉族: 95.6,
  满族: 1.7,
  回族: 1.3,
  蒙古族: 0.35,
  朝鲜族: 0.15,
  土家族: 0.12,
  壮族: 0.08,
  藏族: 0.05,
  维吾尔族: 0.05,
  苗族: 0.05,
  彝族: 0.04,
  哈萨克族: 0.02,
  布依族: 0.02,
  侗族: 0.02,
  瑶族: 0.02,
  白族: 0.02,
  锡伯族: 0.02,
  达斡尔族: 0.01,
  黎族: 0.01,
  傣族: 0.01,
  羌族: 0.01,
  鄂温克族: 0.005,
  俄罗斯族: 0.005,
});
const ORIGINS = new Weighted<Region>(ELSEWHERE.map((region) => [region, region.weight]));
const BY_CODE = new Map(ELSEWHERE.map((region) => [region.code, region]));

const HOUSING = {
  本地户籍: shares({ 自有住房: 62, 公房: 28, 租住: 5, 借住: 5 }),
  人户分离: shares({ 租住: 45, 自有住房: 40, 借住: 15 }),
  外地户籍: shares({ 租住: 78, 单位宿舍: 10, 自有住房: 10, 借住: 2 }),
  境外人员: shares({ 租住: 85, 自有住房: 15 }),
} as const;

const YEAR = 365.2425;

function residenceType(random: Random, kind: HouseholdKind): keyof typeof HOUSING {
  const p = random.float();
  if (kind === "shared") return p < 0.9 ? "外地户籍" : "本地户籍";
  if ((kind === "single" || kind === "couple") && p < 0.012) return "境外人员";
  const migrant = kind === "single" ? 0.4 : kind.startsWith("elder") ? 0.05 : 0.17;
  if (p < migrant) return "外地户籍";
  return p < migrant + 0.08 ? "人户分离" : "本地户籍";
}

function overseas(random: Random): Overseas {
  const p = random.float();
  if (p < 0.3) return { from: "hk" };
  if (p < 0.4) return { from: "macau" };
  if (p < 0.65) return { from: "taiwan" };
  const [country, code] = random.pick(COUNTRIES);
  return { from: "abroad", country, code };
}

const streetAddress = (random: Random): string => `${random.pick(OTHER_STREETS)}${random.between(1, 188)}号`;

export const PLACE_OF = { hk: "香港特别行政区", macau: "澳门特别行政区", taiwan: "台湾省" } as const;

export interface HomeInput {
  kind: HouseholdKind;
  community: string;
  householdNo: string;
  address: Address;
  addressPrefix: string;
  /** Day number of the head's birth: nobody moves in before the head is born. */
  headBirth: number;
  size: number;
  today: number;
}

export function makeHome(random: Random, input: HomeInput): Home {
  const { kind, address, today, headBirth, size } = input;
  const type = residenceType(random, kind);
  const fullAddress = `${input.addressPrefix}${address.estate}${address.building}${address.unit}${address.room}`;
  const away = type === "境外人员" ? overseas(random) : null;
  const ethnicity = away?.from === "abroad" ? null : away ? "汉族" : ETHNICITIES.draw(random);
  let origin = ORIGINS.draw(random);
  // Migrants of the peoples of the west and north mostly come from their home regions.
  const homeland = ethnicity === null ? undefined : HOMELAND_OF[ethnicity];
  if (type === "外地户籍" && homeland && random.chance(0.7)) origin = BY_CODE.get(homeland)!;

  let registeredAddress = fullAddress;
  if (type === "外地户籍")
    registeredAddress = origin.province + origin.city + origin.district + streetAddress(random);
  else if (type === "人户分离")
    registeredAddress = `北京市${random.pick(["东城区", "朝阳区", "海淀区", "丰台区"])}${streetAddress(random)}`;
  else if (away) registeredAddress = away.from === "abroad" ? away.country : PLACE_OF[away.from];

  const housingType = HOUSING[type].draw(random);
  const area = housingType === "单位宿舍" ? random.between(15, 30) : random.bell(45 + 12 * size, 40);
  // Locals may have lived here since the 1960s; migrants and people from abroad came in recent years.
  const earliest = Math.max(headBirth, today - Math.floor(65 * YEAR));
  const moveIn =
    type === "本地户籍"
      ? random.between(earliest, today - 30)
      : Math.max(headBirth, today - random.between(30, Math.floor((type === "人户分离" ? 15 : 12) * YEAR)));

  const elderly = kind === "elderAlone" || kind === "elderCouple";
  const needy = kind === "elderAlone" || kind === "singleParent" ? 3 : 1;
  const p = random.float();
  return {
    kind,
    community: input.community,
    householdNo: input.householdNo,
    address,
    fullAddress,
    residenceType: type,
    origin,
    overseas: away,
    ethnicity,
    registeredAddress,
    housingType,
    floorArea: Math.round(Math.min(200, Math.max(16, area)) * 100) / 100,
    moveIn,
    landline: random.chance(elderly ? 0.55 : 0.2) ? landlineNumber(random) : null,
    assistance: p < 0.008 * needy ? "低保户" : p < 0.013 * needy ? "低收入家庭" : null,
    bereaved: elderly && today - headBirth > 50 * YEAR && random.chance(0.02),
    size,
  };
}
