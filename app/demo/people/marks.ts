// What staff mark on a record: special groups 特殊人群 and the odd note 备注.
import { NOTES } from "./data/work.ts";
import { isoDay } from "./dates.ts";
import type { Home } from "./home.ts";
import type { Member } from "./households.ts";
import { type Random, Weighted } from "./random.ts";

const NOTE_TABLE = new Weighted(NOTES);

/** Special groups that follow from the person and the household, at realistic rates. */
export function specialGroups(
  random: Random,
  home: Home,
  member: Member,
  disabled: boolean,
  employment: string,
) {
  const groups: string[] = [];
  const { age } = member;
  if (home.kind === "elderAlone") groups.push("独居老人");
  if (home.kind === "elderCouple" && age >= 60) groups.push("空巢老人");
  // 特困供养 and 低保 exclude each other.
  if (home.assistance) groups.push(home.assistance);
  else if (home.kind === "elderAlone" && random.chance(0.02)) groups.push("特困人员");
  if (disabled) groups.push("残疾人");
  if (age >= 22 && random.chance(member.male ? 0.04 : 0.003)) groups.push("退役军人");
  if (age >= 40 && random.chance(0.003)) groups.push("优抚对象");
  if (employment === "失业") groups.push("失业人员");
  if (home.bereaved) groups.push("失独家庭");
  if (home.kind === "grandparentsGrandchild" && member.relation === "孙子女" && age < 16)
    groups.push("留守儿童");
  if (age >= 18 && random.chance(0.0015)) groups.push("重点关注人员");
  return groups;
}

export function note(random: Random, member: Member, today: number): string | null {
  // Expected due dates are dates after today, which records do hold.
  const mayExpect = !member.male && member.marital === "已婚" && member.age >= 22 && member.age <= 40;
  if (mayExpect && random.chance(0.03)) return `孕期，预产期 ${isoDay(today + random.between(20, 260))}`;
  return random.chance(0.12) ? NOTE_TABLE.draw(random) : null;
}
