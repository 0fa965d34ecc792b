// Turns a planned household into people: names that follow the family line, ethnic group, documents,
// personal attributes, special groups and emergency contacts.
import {
  disabled,
  education,
  employment,
  hasMobile,
  health,
  medicalInsurance,
  politicalStatus,
  religion,
} from "./attributes.ts";
import { emailAddress, mobileNumber } from "./contact.ts";
import { BEIJING, ELSEWHERE, type Region } from "./data/places.ts";
import { civil, isoDay, parseIsoDay } from "./dates.ts";
import {
  foreignPermanentResidence,
  type IdNumbers,
  mainlandTravelPermit,
  passport,
  taiwanTravelPermit,
} from "./documents.ts";
import { ETHNICITIES, type Home, PLACE_OF } from "./home.ts";
import type { Member } from "./households.ts";
import { note, specialGroups } from "./marks.ts";
import { drawSurname, ethnicName, foreignName, hanName, type Surname } from "./names.ts";
import { type Employers, work } from "./occupation.ts";
import { type Random, Weighted } from "./random.ts";
import type { GeneratedPerson } from "./types.ts";

export interface Context {
  random: Random;
  ids: IdNumbers;
  today: number;
  employers: Employers | undefined;
}

const BEIJING_ANY = new Weighted<Region>(BEIJING.map((r) => [r, r.weight]));
const BEIJING_NOW = new Weighted<Region>(BEIJING.filter((r) => !r.bornBefore).map((r) => [r, r.weight]));
const ELSEWHERE_ANY = new Weighted<Region>(ELSEWHERE.map((r) => [r, r.weight]));
const REGISTER_FROM = parseIsoDay("2014-01-01");
const MARRIED_IN = new Set(["配偶", "儿媳", "女婿"]);

/** Where the person's ID number was issued: the household's origin, Beijing, or for some who married in, elsewhere. */
function regionOf(random: Random, home: Home, member: Member, birthYear: number): Region {
  const marriedIn =
    MARRIED_IN.has(member.relation) && random.chance(home.residenceType === "外地户籍" ? 0.2 : 0.15);
  if (marriedIn) return ELSEWHERE_ANY.draw(random);
  if (home.residenceType === "外地户籍") return home.origin;
  return birthYear >= 2010 ? BEIJING_NOW.draw(random) : BEIJING_ANY.draw(random);
}

/** 籍贯: where the family comes from; many Beijing-born people give a grandparent's province. */
function nativePlaceOf(random: Random, home: Home, region: Region): string {
  const away = home.overseas;
  if (away) return away.from === "abroad" ? away.country : PLACE_OF[away.from];
  const from = region.province !== "北京市" ? region : random.chance(0.8) ? null : ELSEWHERE_ANY.draw(random);
  return from ? from.province + from.city : "北京市";
}

function document(ctx: Context, home: Home, member: Member, birth: number, region: Region): [string, string] {
  const { random, ids } = ctx;
  const away = home.overseas;
  if (away === null) return ["居民身份证", ids.citizen(region.code, birth, member.male)];
  if (away.from === "abroad")
    return random.chance(0.8)
      ? ["护照", passport(random)]
      : ["外国人永久居留身份证", foreignPermanentResidence(random, away.code, birth, member.male)];
  if (random.chance(0.4)) {
    const code = away.from === "hk" ? "810000" : away.from === "macau" ? "820000" : "830000";
    return ["港澳台居民居住证", ids.citizen(code, birth, member.male)];
  }
  if (away.from === "taiwan") return ["台湾居民来往大陆通行证", taiwanTravelPermit(random)];
  return ["港澳居民来往内地通行证", mainlandTravelPermit(random, away.from === "macau")];
}

/** Children take a minority parent's group more often than not; people who married in may differ. */
function ethnicityOf(random: Random, home: Home, member: Member, people: GeneratedPerson[]): string | null {
  if (home.ethnicity === null) return null;
  const father = member.father === undefined ? undefined : people[member.father]!.ethnicity;
  const mother = member.mother === undefined ? undefined : people[member.mother]!.ethnicity;
  if (father || mother) {
    const minority = father && father !== "汉族" ? father : mother && mother !== "汉族" ? mother : null;
    return minority && random.chance(0.8) ? minority : (father ?? mother)!;
  }
  if (member.relation === "非亲属" || (MARRIED_IN.has(member.relation) && random.chance(0.15)))
    return ETHNICITIES.draw(random);
  return home.ethnicity;
}

export function makePeople(ctx: Context, home: Home, members: Member[], births: number[]): GeneratedPerson[] {
  const { random, today } = ctx;
  const people: GeneratedPerson[] = [];
  const surnames: (Surname | null)[] = [];
  members.forEach((member, i) => {
    const birth = births[i]!;
    const birthYear = civil(birth)[0];
    const ethnicity = ethnicityOf(random, home, member, people);
    const region = regionOf(random, home, member, birthYear);
    const [documentType, documentNumber] = document(ctx, home, member, birth, region);

    // Most children take the father's surname, some the mother's; everyone else brings their own.
    const fromFather = member.father !== undefined && (member.mother === undefined || random.chance(0.92));
    const parent = fromFather ? member.father : member.mother;
    const surname = (parent === undefined ? null : surnames[parent]) ?? drawSurname(random);
    // Only foreign nationals have no ethnic group on record.
    const special =
      ethnicity === null ? foreignName(random, member.male) : ethnicName(random, ethnicity, member.male);
    surnames.push(special === null ? surname : null);
    const name = special ?? hanName(random, surname.text, member.male, birthYear);

    const father = member.father === undefined ? undefined : people[member.father];
    const nativePlace = father ? father.nativePlace : nativePlaceOf(random, home, region);

    const status = employment(random, member.age, member.male);
    const level = education(random, member.age, birthYear);
    const isDisabled = disabled(random, member.age);
    const tenant = home.housingType === "租住" && home.residenceType !== "本地户籍";
    const job = work(random, status, level, tenant, ctx.employers);
    const moveIn = Math.max(home.moveIn, birth);
    const mobile = hasMobile(random, member.age) ? mobileNumber(random) : null;
    people.push({
      name,
      sex: member.male ? "男" : "女",
      birthDate: isoDay(birth),
      documentType,
      documentNumber,
      ethnicity,
      nativePlace,
      politicalStatus: home.overseas ? null : politicalStatus(random, member.age),
      education: level,
      maritalStatus: member.marital,
      religion: religion(random, ethnicity),
      health: health(random, member.age, isDisabled),
      mobile,
      landline: home.landline,
      email:
        member.age >= 16 && member.age <= 65 && random.chance(0.35)
          ? emailAddress(random, special ? null : surname.pinyin, birthYear)
          : null,
      category: job.category,
      subCategory: job.subCategory,
      residenceType: home.residenceType,
      registeredAddress: home.registeredAddress,
      community: home.community,
      grid: home.address.grid,
      estate: home.address.estate,
      building: home.address.building,
      unit: home.address.unit,
      room: home.address.room,
      address: home.fullAddress,
      housingType: home.housingType,
      floorArea: home.floorArea,
      moveInDate: isoDay(moveIn),
      householdNo: home.householdNo,
      relationToHead: member.relation,
      householdSize: home.size,
      specialGroups: specialGroups(random, home, member, isDisabled, status),
      employmentStatus: status,
      occupation: job.occupation,
      workUnit: job.workUnit,
      medicalInsurance: medicalInsurance(random, status, home.overseas !== null),
      emergencyContact: null,
      emergencyPhone: null,
      registeredOn: isoDay(random.between(Math.max(moveIn, REGISTER_FROM), today)),
      notes: note(random, member, today),
    });
  });
  emergencyContacts(ctx, members, people, surnames);
  return people;
}

/** The spouse, else a parent, else another adult at home with a phone; -1 when nobody at home fits. */
function contactAtHome(members: Member[], people: GeneratedPerson[], i: number): number {
  const member = members[i]!;
  let parent = -1;
  let anyone = -1;
  for (let j = 0; j < members.length; j++) {
    const other = members[j]!;
    if (j === i || other.age < 18 || people[j]!.mobile === null) continue;
    const married = member.marital === "已婚" && other.marital === "已婚";
    if (married && other.male !== member.male && Math.abs(other.age - member.age) < 15) return j;
    if (parent < 0 && (j === member.father || j === member.mother)) parent = j;
    if (anyone < 0) anyone = j;
  }
  return parent >= 0 ? parent : anyone;
}

/** Emergency contacts: someone at home, else (mostly) a relative living elsewhere. */
function emergencyContacts(
  ctx: Context,
  members: Member[],
  people: GeneratedPerson[],
  surnames: (Surname | null)[],
) {
  const { random } = ctx;
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const contact = contactAtHome(members, people, i);
    if (contact >= 0) {
      person.emergencyContact = people[contact]!.name;
      person.emergencyPhone = people[contact]!.mobile;
    } else if (random.chance(0.9)) {
      const surname = surnames[i] && random.chance(0.6) ? surnames[i]! : drawSurname(random);
      person.emergencyContact = hanName(random, surname.text, random.chance(0.5), 1960 + random.int(40));
      person.emergencyPhone = mobileNumber(random);
    }
  }
}
